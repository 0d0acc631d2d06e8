// The national picture against a small country worked out by hand (this test file has a database of its
// own): take-up by nation, region and kind of council, completions by month and year, course fill and
// attendance, feedback after courses, councils with no activity, and every count under 5 (and every average
// of fewer than 5 answers) withheld, on the page's data and in the CSV.
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { nationalCsv, nationalOverview } from "./national.server";
import { averageShown, shareOf, suppress } from "./suppression";

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

async function complete(userId: string, moduleId: string, at: Date) {
  await db.moduleCompletion.create({
    data: { userId, moduleId, moduleVersion: 1, moduleTitle: moduleId, holderName: "x", scorePercent: 80, completedAt: at, certificateCode: randomBytes(6).toString("hex") },
  });
}

async function attendWithFeedback(courseId: string, userIds: string[], scores: number[]) {
  for (const [index, userId] of userIds.entries()) {
    await db.booking.create({ data: { courseId, userId, status: "confirmed", attendance: "attended", queueNumber: index + 1, requestedAt: day("2026-12-01") } });
    const usefulness = scores[index];
    if (usefulness) await db.courseFeedback.create({ data: { courseId, userId, usefulness, comments: `Comment ${index}: the bit on gifts was new to me`, submittedAt: day("2027-01-21") } });
  }
}

beforeAll(async () => {
  // Ashby (an English district): 6 members, 5 completed the standards module in June 2026
  const ashby = await createCouncil({ name: "Ashby District Council", nation: "england", region: "North West", type: "district" });
  const completers: string[] = [];
  for (let i = 0; i < 6; i++) {
    const member = await createUser({ councilId: ashby.id });
    if (i < 5) completers.push(member.id);
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
  // four of its five who attended gave feedback: 4, 2, 1 and 3 (too few to show, even the average)
  for (const [index, usefulness] of [4, 2, 1, 3].entries()) {
    await db.courseFeedback.create({ data: { courseId: course.id, userId: bookers[index]!.id, usefulness, comments: "Only one who said this", submittedAt: day("2026-10-13") } });
  }
  // a course in January 2027: Ashby's five (already counted as taking part) attended, and all five answered 4, 4, 4, 4 and 5
  const january = await createCourse({ startsAt: day("2027-01-20"), capacity: 10 }, day("2026-11-01"));
  await attendWithFeedback(january.id, completers, [4, 4, 4, 4, 5]);
  await createCourse({ startsAt: day("2026-11-02"), status: "cancelled" }, day("2026-09-01"));
});

test("a count under 5 is withheld, and so is a share made from one", () => {
  expect([0, 4, 5, 120].map(suppress)).toEqual([null, null, 5, 120]);
  expect(shareOf(5, 6)).toBe(83);
  expect(shareOf(5, 5)).toBe(100);
  expect(shareOf(4, 100)).toBeNull();
  expect(shareOf(5, 3)).toBeNull();
  // an average of 1 to 4 answers could give away an answer
  expect(averageShown(10, 4)).toBeNull();
  expect(averageShown(21, 5)).toBe(4.2);
  expect(averageShown(0, 0)).toBeNull();
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
  expect(overview.courses).toHaveLength(2);
  expect(overview.courses[0]).toMatchObject({ capacity: 20, confirmed: 6, fillPercent: 30, waiting: 5, attended: 5, noShowPercent: null });
  // last year, nothing but Ashby's two completions (withheld)
  const lastYear = await nationalOverview({ year: 2025, language: "en" });
  expect(lastYear.modules.find((m) => m.id === "prevent-duty")!.thisYear).toBeNull();
  expect(lastYear.totals.active).toBeNull();
  expect(lastYear.inactive.map((c) => c.name)).toEqual(["Carlton County Council", "Cyngor Brynaman"]);
});

test("feedback after courses: each course's responses and average usefulness, withheld under 5 answers, and the year's totals", async () => {
  const overview = await nationalOverview({ year: 2026, language: "en" });
  // October: 4 of 5 answered (sum 10): neither the count nor the average is shown
  expect(overview.courses[0]).toMatchObject({ attended: 5, responses: null, usefulness: null });
  // January: 5 of 5 answered, 4 + 4 + 4 + 4 + 5 = 21, so 4.2
  expect(overview.courses[1]).toMatchObject({ confirmed: 5, attended: 5, responses: 5, usefulness: 4.2 });
  // the year: 9 answers of the 10 who attended (90%), (10 + 21) / 9 = 3.44, shown as 3.4; only "4" (five answers) is shown by score
  expect(overview.feedback).toEqual({
    responses: 9,
    attended: 10,
    percent: 90,
    usefulness: 3.4,
    distribution: [
      { score: 1, count: null },
      { score: 2, count: null },
      { score: 3, count: null },
      { score: 4, count: 5 },
      { score: 5, count: null },
    ],
  });
  // what people wrote never reaches the national picture
  expect(JSON.stringify(overview)).not.toContain("Only one who said this");
  expect(JSON.stringify(overview)).not.toContain("gifts");
  // last year: no courses, so nothing answered and nothing shown
  expect((await nationalOverview({ year: 2025, language: "en" })).feedback).toMatchObject({ responses: null, attended: null, percent: null, usefulness: null });
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
  // feedback by each council's members: Ashby's five on the January course; the October course's delegates
  // were officers, who are nobody's members; an average of fewer than 5 answers is withheld
  expect(header.slice(-2)).toEqual(["Course feedback responses this year", "Average usefulness (1 to 5)"]);
  expect(rows.map((row) => [row[0], ...row.slice(-2)])).toEqual([
    ["Ashby District Council", "5", "4.2"],
    ["Carlton County Council", "<5", "withheld"],
    ["Cyngor Brynaman", "<5", "withheld"],
  ]);
  expect(text).not.toContain("gifts");
  const welsh = parse(await new Response(nationalCsv({ year: 2026, language: "cy" })).text(), { bom: true }) as string[][];
  expect(welsh[0]![0]).toBe("Cyngor");
  expect(welsh.find((row) => row[0] === "Cyngor Brynaman")![1]).toBe("Cymru");
  expect(welsh[0]!.slice(-2)).toEqual(["Ymatebion adborth ar gyrsiau eleni", "Defnyddioldeb ar gyfartaledd (1 i 5)"]);
  expect(welsh.find((row) => row[0] === "Cyngor Brynaman")!.slice(-1)).toEqual(["wedi’i ddal yn ôl"]);
});
