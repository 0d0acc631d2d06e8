// "My learning" on the real database: induction first for the newly elected, the modules being taken and why,
// and what each council requires, overdue first.
import { expect, test } from "vitest";
import { addMembership, createCouncil, createUser, requirementInput } from "../../tests/factories";
import { enrol, enrolmentsOf, leaveModule } from "~/learning/enrolments.server";
import { createRequirement } from "./requirements.server";
import { moduleEnrolment, myLearning } from "./my-learning.server";

const origin = { ip: "192.0.2.24", userAgent: "Vitest" };
const DAY = 86_400_000;


test("a newly elected member is pointed to induction first; a long-serving one to the first module not started", async () => {
  const now = new Date("2026-11-28T10:00:00Z");
  const recent = await createUser({ membership: { memberSince: new Date(now.getTime() - 100 * DAY) } });
  const longServing = await createUser({ membership: { memberSince: new Date("2015-05-07") } });
  expect((await myLearning({ userId: recent.id, language: "en", now })).recommended).toMatchObject({ id: "councillor-induction", inductionFirst: true });
  expect((await myLearning({ userId: longServing.id, language: "en", now })).recommended).toMatchObject({ id: "counter-extremism", inductionFirst: false });
});

test("the modules being taken say why: required by a council, chosen, or added by an officer; requirements of every council, overdue first", async () => {
  const county = await createCouncil({ name: `Lancashire ${Date.now()} County Council` });
  const district = await createCouncil({ name: `Pendle ${Date.now()} Borough Council` });
  const officer = await createUser({ role: "officer", councilId: county.id });
  const districtOfficer = await createUser({ role: "officer", councilId: district.id });
  const member = await createUser({ councilId: county.id, membership: { memberSince: new Date("2026-05-07") } });
  await addMembership({ userId: member.id, councilId: district.id, memberSince: new Date("2026-05-07") });
  await createRequirement({ councilId: county.id, actorId: officer.id, input: requirementInput() }, origin);
  await createRequirement({ councilId: district.id, actorId: districtOfficer.id, input: requirementInput({ moduleId: "community-cohesion", dueRule: "by-date", dueOn: new Date("2027-03-31"), dueWithinDays: null }) }, origin);
  await enrol({ userId: member.id, moduleId: "prevent-duty", source: "self" });
  await enrol({ userId: member.id, moduleId: "emergency-planning", source: "officer", enrolledById: officer.id });

  const mine = await myLearning({ userId: member.id, language: "en", now: new Date("2026-11-28T10:00:00Z") });
  expect(mine.required.map((r) => [r.label, r.council, r.status.state])).toEqual([
    ["Standards in public office", county.name, "overdue"],
    ["Community cohesion and integration", district.name, "due"],
  ]);
  expect(mine.taking.map((m) => [m.id, m.source])).toEqual([
    ["prevent-duty", "self"],
    ["community-cohesion", "requirement"],
    ["standards-in-public-office", "requirement"],
    ["emergency-planning", "officer"],
  ]);
  expect(await moduleEnrolment({ userId: member.id, moduleId: "prevent-duty", language: "en" })).toEqual({ source: "self", requirement: null });
  expect((await moduleEnrolment({ userId: member.id, moduleId: "community-cohesion", language: "en" })).requirement).toMatchObject({ council: district.name });

  // they can take out only a module they chose themselves
  expect(await leaveModule({ userId: member.id, moduleId: "community-cohesion", required: true })).toEqual({ status: "required" });
  expect(await leaveModule({ userId: member.id, moduleId: "emergency-planning", required: false })).toEqual({ status: "not-yours-to-leave" });
  expect(await leaveModule({ userId: member.id, moduleId: "prevent-duty", required: false })).toEqual({ status: "left" });
  expect([...(await enrolmentsOf(member.id)).keys()]).toEqual(["emergency-planning"]);
});
