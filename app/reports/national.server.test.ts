// The national picture against a small country worked out by hand (this test file has a database of its
// own): take-up by nation, region and kind of council, completions by month and year, course fill and
// attendance, councils with no activity, and every count under 5 withheld, on the page's data and in the CSV.
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { nationalCsv, nationalOverview, shareOf, suppress } from "./national.server";

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

async function complete(userId: string, moduleId: string, at: Date) {
  await db.moduleCompletion.create({
    data: { userId, moduleId, moduleVersion: 1, moduleTitle: moduleId, holderName: "x", scorePercent: 80, completedAt: at, certificateCode: randomBytes(6).toString("hex") },
  });
}

beforeAll(async () => {
  // Ashby (an English district): 6 members, 5 completed the standards module in June 2026
  const ashby = await createCouncil({ name: "Ashby District Council", nation: "england", region: "North West", type: "district" });
  for (let i = 0; i < 6; i++) {
    const member = await createUser({ councilId: ashby.id });
    if (i < 5) await complete(member.id, "standards-in-public-office", day("2026-06-15"));
    // and two of them the year before
    if (i < 2) await complete(member.id, "prevent-duty", day("2025-09-01"));
  }
  // Brynaman (Welsh): 3 members, one marked a lesson in July 2026
  const brynaman = await createCouncil({ name: "Cyngor Brynaman", nation: "wales", region: "Wales", type: "welsh-principal" });
  for (let i = 0; i < 3; i++) {
    const member = await createUser({ councilId: brynaman.id });
    if (i === 0) await db.lessonProgress.create({ data: { userId: member.id, moduleId: "prevent-duty", lessonSlug: "what-prevent-is", completedAt: day("2026-07-02") } });
  }
  // Carlton (an English county): 7 members, nothing this year; one who left did something, and counts nowhere
  const carlton = await createCouncil({ name: "Carlton County Council", nation: "england", region: "North West", type: "county" });
  for (let i = 0; i < 7; i++) await createUser({ councilId: carlton.id });
  const left = await createUser({ councilId: carlton.id, membership: { leftOfficeOn: day("2026-05-10") } });
  await complete(left.id, "standards-in-public-office", day("2026-06-20"));

  // a course in October 2026: 20 places, 6 booked (5 attended, 1 did not), 5 waiting; a cancelled course is not counted
  const course = await createCourse({ startsAt: day("2026-10-12"), capacity: 20 }, day("2026-09-01"));
  const bookers = await Promise.all(Array.from({ length: 11 }, () => createUser({ role: "officer", councilId: carlton.id })));
  for (const [index, booker] of bookers.entries()) {
    const status = index < 6 ? "confirmed" : "waiting";
    const attendance = index < 5 ? "attended" : index === 5 ? "absent" : null;
    await db.booking.create({ data: { courseId: course.id, userId: booker.id, status, attendance, queueNumber: index + 1, requestedAt: day("2026-09-02") } });
  }
  await createCourse({ startsAt: day("2026-11-02"), status: "cancelled" }, day("2026-09-01"));
});

test("a count under 5 is withheld, and so is a share made from one", () => {
  expect([0, 4, 5, 120].map(suppress)).toEqual([null, null, 5, 120]);
  expect(shareOf(5, 6)).toBe(83);
  expect(shareOf(4, 100)).toBeNull();
  expect(shareOf(5, 3)).toBeNull();
});

test("take-up by nation, region and kind of council, with small counts withheld", async () => {
  const overview = await nationalOverview({ year: 2026, language: "en" });
  // the 11 course bookers are officers: they hold no membership, so they are not councillors here
  expect(overview.totals).toEqual({ councils: 3, members: 16, active: 6, percent: 38 });
  expect(overview.byNation).toEqual([
    { group: "england", members: 13, active: 5, percent: 38 },
    { group: "wales", members: null, active: null, percent: null },
  ]);
  expect(overview.byRegion).toEqual([
    { group: "North West", members: 13, active: 5, percent: 38 },
    { group: "Wales", members: null, active: null, percent: null },
  ]);
  expect(overview.byType).toEqual([
    { group: "county", members: 7, active: null, percent: null },
    { group: "district", members: 6, active: 5, percent: 83 },
    { group: "welsh-principal", members: null, active: null, percent: null },
  ]);
  // Carlton did nothing this year: listed for outreach; Brynaman's one lesson counts as activity
  expect(overview.inactive.map((c) => c.name)).toEqual(["Carlton County Council"]);
});

test("completions per module by month and by municipal year; course fill, waiting and attendance", async () => {
  const overview = await nationalOverview({ year: 2026, language: "en" });
  expect(overview.months[0]).toBe("2026-05");
  expect(overview.months[11]).toBe("2027-04");
  const standards = overview.modules.find((m) => m.id === "standards-in-public-office")!;
  // June: Ashby's five, and the one who has since left Carlton (a completion is counted when it happened)
  expect(standards.months).toEqual([null, 6, null, null, null, null, null, null, null, null, null, null]);
  expect(standards.thisYear).toBe(6);
  const prevent = overview.modules.find((m) => m.id === "prevent-duty")!;
  expect(prevent.thisYear).toBeNull();
  expect(prevent.lastYear).toBeNull();
  expect(overview.courses).toHaveLength(1);
  expect(overview.courses[0]).toMatchObject({ capacity: 20, confirmed: 6, fillPercent: 30, waiting: 5, attended: 5, noShowPercent: null });
  // last year, nothing but Ashby's two completions (withheld)
  const lastYear = await nationalOverview({ year: 2025, language: "en" });
  expect(lastYear.modules.find((m) => m.id === "prevent-duty")!.thisYear).toBeNull();
  expect(lastYear.totals.active).toBeNull();
  expect(lastYear.inactive.map((c) => c.name)).toEqual(["Carlton County Council", "Cyngor Brynaman"]);
});

test("the CSV: a row per council by name, small counts as <5, streamed", async () => {
  const bytes = new Uint8Array(await new Response(nationalCsv({ year: 2026, language: "en" })).arrayBuffer());
  // a byte order mark, so that a spreadsheet reads it as UTF-8
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  expect(header.slice(0, 6)).toEqual(["Council", "Nation", "Region", "Kind of council", "Councillors in office", "Took part this year"]);
  const standards = header.indexOf("Standards in public office");
  expect(rows.map((row) => [row[0], row[4], row[5], row[standards]])).toEqual([
    ["Ashby District Council", "6", "5", "5"],
    ["Carlton County Council", "7", "<5", "<5"],
    ["Cyngor Brynaman", "<5", "<5", "<5"],
  ]);
  const welsh = parse(await new Response(nationalCsv({ year: 2026, language: "cy" })).text(), { bom: true }) as string[][];
  expect(welsh[0]![0]).toBe("Cyngor");
  expect(welsh.find((row) => row[0] === "Cyngor Brynaman")![1]).toBe("Cymru");
});
