// The council training report on the real database, against a small council worked out by hand: who is in it
// for a year, where each stands on each requirement and module, the totals, every filter, and the CSV.
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import { createCouncil, createCourse, createUser, requirementInput } from "../../tests/factories";
import { addCommittee, appointToCommittee } from "~/councils/committees.server";
import { findModule } from "~/content/content.server";
import { markLessonComplete } from "~/learning/progress.server";
import { recordTraining } from "~/requirements/recorded.server";
import { createRequirement, exemptMember, type RequirementInput } from "~/requirements/requirements.server";
import { councilReadiness } from "~/requirements/status.server";
import { db } from "~/utils/db.server";
import { councilReport, councilReportCsv, type CouncilReport } from "./council-report.server";
import { memberRecord } from "./member-record.server";
import type { ReportFilters } from "./filters";

const origin = { ip: "192.0.2.40", userAgent: "Vitest" };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The report is read on 27 November 2026: the municipal year 2026–27. */
const NOW = new Date("2026-11-27T12:00:00Z");
const REFLECTION = `A private thought ${randomBytes(6).toString("hex")}`;

let councilId: string;
let standards: string;
let planningTraining: string;
let planning: string;
let membershipOf: Record<"ann" | "dan" | "eve", string>;

/** A module passed (its check at 85%) and completed on a date. */
async function completeModule(userId: string, moduleId: string, at: Date) {
  await db.knowledgeCheckAttempt.create({ data: { userId, moduleId, moduleVersion: 1, correct: 7, total: 8, scorePercent: 85, passed: true, createdAt: at, submittedAt: at } });
  await db.moduleCompletion.create({
    data: { userId, moduleId, moduleVersion: 1, moduleTitle: moduleId, holderName: "x", scorePercent: 85, completedAt: at, certificateCode: randomBytes(6).toString("hex") },
  });
}

beforeAll(async () => {
  ({ id: councilId } = await createCouncil());
  const officer = await createUser({ role: "officer", councilId });
  const set = async (input: Partial<RequirementInput>) => {
    const outcome = await createRequirement({ councilId, actorId: officer.id, input: requirementInput(input) }, origin);
    if (outcome.status !== "created") throw new Error(outcome.problem.code);
    return outcome.requirementId;
  };
  const member = async (name: string, membership: NonNullable<Parameters<typeof createUser>[0]>["membership"], partyGroup: string | null) => {
    const user = await createUser({ councilId, name, membership });
    await db.membership.update({ where: { id: user.membershipId! }, data: { partyGroup } });
    return user;
  };
  const ann = await member("Ann Adams", { memberSince: day("2015-05-07") }, "Labour");
  const bob = await member("Bob Brown", { memberSince: day("2026-05-07") }, "Conservative");
  const cat = await member("Siân Ŵyn Llŷr", { memberSince: day("2026-05-07"), kind: "lay" }, "=HYPERLINK(\"http://x\")");
  const dan = await member("Dan Davies", { memberSince: day("2021-05-06"), leftOfficeOn: day("2026-08-01") }, "Labour");
  // someone else's council: never in this report
  const eve = await createUser({ name: "Eve Evans", membership: { memberSince: day("2026-05-07") } });
  membershipOf = { ann: ann.membershipId!, dan: dan.membershipId!, eve: eve.membershipId! };

  const added = await addCommittee({ councilId, name: "Planning committee", actorId: officer.id }, origin);
  if (added.status !== "added") throw new Error("committee");
  planning = added.committeeId;
  await appointToCommittee({ councilId, membershipId: ann.membershipId!, actorId: officer.id, seat: { committeeId: planning, role: "member", appointedOn: day("2025-06-01") } }, origin);

  // code of conduct training within 60 days of first election; planning training yearly for the committee
  standards = await set({});
  planningTraining = await set({ name: "Planning training", moduleId: null, audience: "committee", committeeId: planning, dueRule: "after-appointment", dueWithinDays: 30, validForMonths: 12 });
  // in force since June 2025, so it counts in the year 2025–26 report too
  await db.requirement.updateMany({ where: { id: { in: [standards, planningTraining] } }, data: { createdAt: day("2025-06-01") } });

  await completeModule(ann.id, "standards-in-public-office", day("2026-06-10"));
  await db.reflection.create({ data: { userId: ann.id, moduleId: "standards-in-public-office", promptId: "p1", text: REFLECTION } });
  // recorded a year ago: ran out on 1 September 2026
  await recordTraining({ councilId, membershipId: ann.membershipId!, actorId: officer.id, evidence: null, record: { title: "Planning briefing", provider: "County planners", completedOn: day("2025-09-01"), minutes: 120, requirementId: planningTraining } }, origin);
  const module = findModule("standards-in-public-office", "en")!;
  await markLessonComplete({ userId: bob.id, module, lessonSlug: module.lessons[0]!.slug, at: day("2026-10-01") });
  await exemptMember({ councilId, requirementId: standards, membershipId: cat.membershipId!, reason: "Trained as a magistrate", approvedBy: "Monitoring officer", evidence: null, actorId: officer.id }, origin);

  // courses in 2026–27: Ann attended one; Bob has a place and waits for another; Dan did not attend one in 2025–26
  const past = await createCourse({ startsAt: day("2026-06-15") });
  const next = await createCourse({ startsAt: day("2027-01-20") });
  const full = await createCourse({ startsAt: day("2027-02-10") });
  const earlier = await createCourse({ startsAt: day("2025-10-10") });
  const booking = (courseId: string, userId: string, status: string, attendance: string | null = null) =>
    db.booking.create({ data: { courseId, userId, status, attendance, queueNumber: 1, requestedAt: NOW } });
  await booking(past.id, ann.id, "confirmed", "attended");
  await booking(next.id, bob.id, "confirmed");
  await booking(full.id, bob.id, "waiting");
  await booking(earlier.id, dan.id, "confirmed", "absent");
});

const report = async (filters: Partial<ReportFilters> = {}) =>
  (await councilReport({ councilId, language: "en", filters: { view: "requirements", year: 2026, ...filters }, now: NOW }))!;
const names = (r: CouncilReport) => r.rows.map((row) => row.name);
const cellsOf = (r: CouncilReport, name: string) => r.rows.find((row) => row.name === name)!.cells;

describe("the training requirements view", () => {
  test("each member in office today, where they stand on each requirement, with totals per column and per member", async () => {
    const r = await report();
    expect(names(r)).toEqual(["Ann Adams", "Bob Brown", "Siân Ŵyn Llŷr"]);
    expect(r.memberCount).toBe(3);
    expect(r.asOf).toEqual(day("2026-11-27"));
    expect(r.columns.map((c) => c.label)).toEqual(["Standards in public office", "Planning training"]);
    expect(cellsOf(r, "Ann Adams")).toEqual([
      { state: "met", on: day("2026-06-10"), source: "module", refreshBy: null },
      { state: "overdue", dueOn: day("2026-09-01"), expired: true },
    ]);
    expect(cellsOf(r, "Bob Brown")).toEqual([{ state: "overdue", dueOn: day("2026-07-06"), expired: false }, { state: "not-applicable" }]);
    expect(cellsOf(r, "Siân Ŵyn Llŷr")).toEqual([{ state: "exempt" }, { state: "not-applicable" }]);
    expect(r.columns[0]!.totals).toMatchObject({ applies: 3, met: 1, overdue: 1, exempt: 1, due: 0, expired: 0 });
    expect(r.columns[1]!.totals).toMatchObject({ applies: 1, overdue: 1, expired: 1, met: 0 });
    expect(r.rows.map((row) => row.totals)).toEqual([
      { done: 1, of: 2 },
      { done: 0, of: 1 },
      { done: 1, of: 1 },
    ]);
    expect(r.rows.map((row) => row.courses)).toEqual([
      { attended: 1, absent: 0, booked: 0, waiting: 0 },
      { attended: 0, absent: 0, booked: 1, waiting: 1 },
      { attended: 0, absent: 0, booked: 0, waiting: 0 },
    ]);
  });

  test("each filter narrows the rows; a requirement narrows the columns to it and the rows to those it applies to", async () => {
    expect(names(await report({ state: "overdue" }))).toEqual(["Ann Adams", "Bob Brown"]);
    expect(names(await report({ state: "expired" }))).toEqual(["Ann Adams"]);
    expect(names(await report({ state: "exempt" }))).toEqual(["Siân Ŵyn Llŷr"]);
    expect(names(await report({ state: "due" }))).toEqual([]);
    expect(names(await report({ committeeId: planning }))).toEqual(["Ann Adams"]);
    expect(names(await report({ partyGroup: "Conservative" }))).toEqual(["Bob Brown"]);
    expect(names(await report({ kind: "lay" }))).toEqual(["Siân Ŵyn Llŷr"]);
    expect(names(await report({ electedSince: day("2026-05-01") }))).toEqual(["Bob Brown", "Siân Ŵyn Llŷr"]);
    expect(names(await report({ q: "ŵyn" }))).toEqual(["Siân Ŵyn Llŷr"]);
    const planningOnly = await report({ requirementId: planningTraining });
    expect(planningOnly.columns.map((c) => c.id)).toEqual([planningTraining]);
    expect(names(planningOnly)).toEqual(["Ann Adams"]);
    // the choices offered come from the council's own data
    const { options } = await report();
    expect(options.partyGroups).toEqual(["=HYPERLINK(\"http://x\")", "Conservative", "Labour"]);
    expect(options.committees.map((c) => c.name)).toEqual(["Planning committee"]);
  });

  test("an earlier municipal year: those in office at its end, what was done by then", async () => {
    const r = await report({ year: 2025 });
    expect(r.asOf).toEqual(day("2026-04-30"));
    // Dan left in August 2026; Bob and Siân were first elected in May 2026
    expect(names(r)).toEqual(["Ann Adams", "Dan Davies"]);
    // Ann completed the module in June 2026: not yet then, so 60 days from 2015 had long passed
    expect(cellsOf(r, "Ann Adams")).toEqual([
      { state: "overdue", dueOn: day("2015-07-06"), expired: false },
      { state: "met", on: day("2025-09-01"), source: "recorded", refreshBy: day("2026-09-01") },
    ]);
    expect(r.rows.find((row) => row.name === "Dan Davies")!.courses).toEqual({ attended: 0, absent: 1, booked: 0, waiting: 0 });
    // the module too: completed in June 2026, so not started by the end of April
    const modules = await report({ year: 2025, view: "modules" });
    const standardsColumn = modules.columns.findIndex((c) => c.id === "standards-in-public-office");
    expect(cellsOf(modules, "Ann Adams")[standardsColumn]).toEqual({ state: "not-started" });
    expect(cellsOf(await report({ view: "modules" }), "Ann Adams")[standardsColumn]).toMatchObject({ state: "completed" });
  });

  test("for committee papers, members are numbered rather than named, with no link to them", async () => {
    const r = await report({ hideNames: true });
    expect(r.rows.map((row) => [row.name, row.membershipId])).toEqual([
      ["1", null],
      ["2", null],
      ["3", null],
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Ann Adams|Bob Brown|Siân/);
  });
});

describe("the online modules view", () => {
  test("each module's state with the date completed or the part done; scores only where the council shows them", async () => {
    const r = await report({ view: "modules" });
    const standardsColumn = r.columns.findIndex((c) => c.id === "standards-in-public-office");
    expect(r.columns.length).toBeGreaterThanOrEqual(8);
    expect(cellsOf(r, "Ann Adams")[standardsColumn]).toEqual({ state: "completed", on: day("2026-06-10") });
    expect(cellsOf(r, "Bob Brown")[standardsColumn]).toMatchObject({ state: "in-progress" });
    expect(cellsOf(r, "Siân Ŵyn Llŷr")[standardsColumn]).toEqual({ state: "not-started" });
    expect(r.columns[standardsColumn]!.totals).toMatchObject({ completed: 1, "in-progress": 1, "not-started": 1 });
    expect(names(await report({ view: "modules", state: "in-progress" }))).toEqual(["Bob Brown"]);
    expect(JSON.stringify(r)).not.toContain("score");

    await db.council.update({ where: { id: councilId }, data: { showScoresToOfficers: true } });
    try {
      expect(cellsOf(await report({ view: "modules" }), "Ann Adams")[standardsColumn]).toEqual({ state: "completed", on: day("2026-06-10"), score: 85 });
    } finally {
      await db.council.update({ where: { id: councilId }, data: { showScoresToOfficers: false } });
    }
  });
});

describe("the CSV", () => {
  test("the same rows and columns as the screen, ISO dates, formulas neutralised, Welsh letters intact, never a reflection", async () => {
    const r = await report();
    const csv = councilReportCsv(r, "en");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).not.toContain(REFLECTION);
    expect(JSON.stringify(r)).not.toContain(REFLECTION);
    const [header, ...rows] = parse(csv, { bom: true }) as string[][];
    expect(header.slice(0, 7)).toEqual([
      "Member",
      "Kind of member",
      "Party group",
      "First elected",
      "Committees",
      "Standards in public office: standing",
      "Standards in public office: date",
    ]);
    expect(rows.map((row) => row[0])).toEqual(names(r));
    const at = (name: string, heading: string) => rows.find((row) => row[0] === name)![header.indexOf(heading)];
    expect(at("Ann Adams", "Planning training: standing")).toBe("Expired, owed again");
    expect(at("Ann Adams", "Planning training: date")).toBe("2026-09-01");
    expect(at("Ann Adams", "Committees")).toBe("Planning committee");
    expect(at("Bob Brown", "Standards in public office: standing")).toBe("Overdue");
    expect(at("Bob Brown", "First elected")).toBe("2026-05-07");
    expect(at("Bob Brown", "Waiting lists")).toBe("1");
    expect(at("Siân Ŵyn Llŷr", "Kind of member")).toBe("Lay member");
    // a cell a spreadsheet would run as a formula starts with a quote instead
    expect(at("Siân Ŵyn Llŷr", "Party group")).toBe("'=HYPERLINK(\"http://x\")");
  });

  test("in Welsh: headings and states in Welsh", async () => {
    const r = (await councilReport({ councilId, language: "cy", filters: { view: "requirements", year: 2026 }, now: NOW }))!;
    const [header, ...rows] = parse(councilReportCsv(r, "cy"), { bom: true }) as string[][];
    expect(header[0]).toBe("Aelod");
    expect(rows.find((row) => row[0] === "Bob Brown")).toContain("Yn hwyr");
  });

  test("numbered members in the committee-paper export", async () => {
    const [, ...rows] = parse(councilReportCsv(await report({ hideNames: true }), "en"), { bom: true }) as string[][];
    expect(rows.map((row) => row[0])).toEqual(["Member 1", "Member 2", "Member 3"]);
  });
});

describe("a member's training record for a municipal year", () => {
  const record = (membershipId: string, year: number) => memberRecord({ councilId, membershipId, year, language: "en", now: NOW });

  test("this year: requirements as they stand, what was completed and attended this year, what is in progress", async () => {
    const ann = (await record(membershipOf.ann, 2026))!;
    expect(ann.member.name).toBe("Ann Adams");
    expect(ann.requirements.map((r) => [r.label, r.cell.state])).toEqual([
      ["Standards in public office", "met"],
      ["Planning training", "overdue"],
    ]);
    expect(ann.completed).toEqual([{ id: "standards-in-public-office", title: "Standards in public office", on: day("2026-06-10"), score: null }]);
    expect(ann.courses.map((c) => c.startsAt)).toEqual([day("2026-06-15")]);
    // the briefing was recorded in September 2025: last year's record, not this one's
    expect(ann.recorded).toEqual([]);
  });

  test("an earlier year: what was recorded then, and a member who has since left", async () => {
    const ann = (await record(membershipOf.ann, 2025))!;
    expect(ann.recorded.map((r) => r.title)).toEqual(["Planning briefing"]);
    expect(ann.completed).toEqual([]);
    expect(ann.requirements.map((r) => r.cell.state)).toEqual(["overdue", "met"]);
    const dan = (await record(membershipOf.dan, 2025))!;
    expect(dan.member.leftOfficeOn).toEqual(day("2026-08-01"));
    expect(dan.requirements.map((r) => r.cell.state)).toEqual(["overdue"]);
  });

  test("another council's member has no record here", async () => {
    expect(await record(membershipOf.eve, 2026)).toBeNull();
  });
});

test("committee readiness for every committee at once: each committee's seats with its own requirements", async () => {
  const planningOnly = await db.requirement.update({ where: { id: planningTraining }, data: { blocksSitting: true } });
  try {
    const { committees } = await councilReadiness({ councilId, language: "en", today: day("2026-11-27") });
    expect(committees.map((c) => [c.name, c.requirementCount, c.seats.map((seat) => [seat.name, seat.maySit])])).toEqual([["Planning committee", 1, [["Ann Adams", false]]]]);
    expect(committees[0]!.seats[0]!.requirements.map((r) => [r.label, r.status.state])).toEqual([["Planning training", "overdue"]]);
  } finally {
    await db.requirement.update({ where: { id: planningOnly.id }, data: { blocksSitting: false } });
  }
});
