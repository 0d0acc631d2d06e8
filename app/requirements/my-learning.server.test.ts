// "My learning" on the real database: induction first for the newly elected, the modules being taken and why,
// and what each council requires, overdue first.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { addMembership, createCouncil, createCourse, createUser, requirementInput } from "../../tests/factories";
import { sqlDuring } from "../../tests/queries";
import { addCommittee, appointToCommittee } from "~/councils/committees.server";
import { giveFeedback } from "~/courses/feedback.server";
import { coursesAwaitingFeedback } from "./learning-record.server";
import { enrol, enrolmentsOf, leaveModule } from "~/learning/enrolments.server";
import { db } from "~/utils/db.server";
import { recordTraining } from "./recorded.server";
import { createRequirement, exemptMember, removeRequirement, type RequirementInput } from "./requirements.server";
import { saveReview } from "./reviews.server";
import { councilTraining } from "./status.server";
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
  expect(await moduleEnrolment({ userId: member.id, moduleId: "prevent-duty", language: "en" })).toEqual({ source: "self", requirement: null, attended: [] });
  expect((await moduleEnrolment({ userId: member.id, moduleId: "community-cohesion", language: "en" })).requirement).toMatchObject({ council: district.name });

  // they can take out only a module they chose themselves
  expect(await leaveModule({ userId: member.id, moduleId: "community-cohesion", required: true })).toEqual({ status: "required" });
  expect(await leaveModule({ userId: member.id, moduleId: "emergency-planning", required: false })).toEqual({ status: "not-yours-to-leave" });
  expect(await leaveModule({ userId: member.id, moduleId: "prevent-duty", required: false })).toEqual({ status: "left" });
  expect([...(await enrolmentsOf(member.id)).keys()]).toEqual(["emergency-planning"]);
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function councilWithOfficer(welshName?: string) {
  const council = await createCouncil(welshName ? { welshName } : {});
  const officer = await createUser({ role: "officer", councilId: council.id });
  const set = async (over: Partial<RequirementInput>) => {
    const outcome = await createRequirement({ councilId: council.id, actorId: officer.id, input: requirementInput(over) }, origin);
    if (outcome.status !== "created") throw new Error(outcome.problem.code);
    return outcome.requirementId;
  };
  return { council, officer, set };
}

async function completeModule(userId: string, moduleId: string, at: Date) {
  await db.moduleCompletion.create({
    data: { userId, moduleId, moduleVersion: 1, moduleTitle: `${moduleId} as it was`, holderName: "x", scorePercent: 90, completedAt: at, certificateCode: randomBytes(6).toString("hex") },
  });
}

test("My learning and the module page say what the council's own view says of each requirement, of every kind", async () => {
  const now = new Date("2026-11-28T10:00:00Z");
  const county = await councilWithOfficer();
  const district = await councilWithOfficer();
  const claimed = await councilWithOfficer();
  const ann = await createUser({ councilId: county.council.id, membership: { memberSince: day("2026-05-07") } });
  const bob = await createUser({ councilId: county.council.id, membership: { memberSince: day("2026-05-07") } });
  const annAtDistrict = await addMembership({ userId: ann.id, councilId: district.council.id, memberSince: day("2019-05-02") });
  // a claim the officer has not confirmed asks nothing yet
  await addMembership({ userId: ann.id, councilId: claimed.council.id, confirmed: false });
  await claimed.set({});
  const planning = await addCommittee({ councilId: county.council.id, name: "Planning committee", actorId: county.officer.id }, origin);
  if (planning.status !== "added") throw new Error("no committee");
  await appointToCommittee({ councilId: county.council.id, membershipId: ann.membershipId!, actorId: county.officer.id, seat: { committeeId: planning.committeeId, role: "member", appointedOn: day("2026-05-20") } }, origin);

  const refresher = await county.set({ validForMonths: 12 });
  const chosenAnn = await county.set({ moduleId: "community-cohesion", audience: "chosen", chosenMembershipIds: [ann.membershipId!], dueRule: "by-date", dueOn: day("2027-03-31"), dueWithinDays: null });
  await county.set({ moduleId: "prevent-duty", audience: "chosen", chosenMembershipIds: [bob.membershipId!] });
  const onPlanning = await county.set({ name: "Planning training", moduleId: null, audience: "committee", committeeId: planning.committeeId, dueRule: "after-appointment", dueWithinDays: 30, validForMonths: 12, blocksSitting: true });
  const topic = await county.set({ moduleId: null, courseTopic: "resilience", dueRule: "by-date", dueOn: day("2027-03-31"), dueWithinDays: null });
  const newMembers = await county.set({ moduleId: "counter-extremism", audience: "elected-since", electedOnOrAfter: day("2026-05-01") });
  const exempted = await county.set({ moduleId: "emergency-planning" });
  const removed = await county.set({ moduleId: "difficult-conversations" });
  const atDistrict = await district.set({ moduleId: "standards-in-public-office", earlierWithinMonths: 6 });
  await removeRequirement({ councilId: county.council.id, requirementId: removed, actorId: county.officer.id }, origin);
  await exemptMember({ councilId: county.council.id, requirementId: exempted, membershipId: ann.membershipId!, reason: "Trained as a paramedic", approvedBy: "Monitoring officer", evidence: null, actorId: county.officer.id }, origin);

  // the module, then its check passed again (a refresher); a course attended on the topic; a briefing recorded against the committee's requirement
  await completeModule(ann.id, "standards-in-public-office", new Date("2025-06-10T09:00:00Z"));
  await db.knowledgeCheckAttempt.create({ data: { userId: ann.id, moduleId: "standards-in-public-office", moduleVersion: 1, passed: true, scorePercent: 88, submittedAt: new Date("2026-06-12T10:00:00Z") } });
  await db.knowledgeCheckAttempt.create({ data: { userId: ann.id, moduleId: "standards-in-public-office", moduleVersion: 1, passed: false, scorePercent: 30, submittedAt: new Date("2026-09-12T10:00:00Z") } });
  const course = await createCourse({ topic: "resilience", startsAt: new Date("2026-09-10T09:00:00Z") });
  await db.booking.create({ data: { courseId: course.id, userId: ann.id, status: "confirmed", queueNumber: 1, requestedAt: new Date(), attendance: "attended" } });
  await recordTraining(
    { councilId: county.council.id, membershipId: ann.membershipId!, record: { title: "Planning briefing", provider: "Planning Advisory Service", completedOn: day("2026-06-02"), minutes: 90, requirementId: onPlanning }, evidence: null, actorId: county.officer.id },
    origin,
  );

  const mine = await myLearning({ userId: ann.id, language: "en", now });
  const theirs = async (councilId: string, membershipId: string) =>
    (await councilTraining({ councilId, language: "en", today: day("2026-11-28") })).requirements.flatMap((requirement) =>
      requirement.standings.filter((standing) => standing.membershipId === membershipId).map((standing) => [requirement.id, standing.status] as const),
    );
  const expected = [...(await theirs(county.council.id, ann.membershipId!)), ...(await theirs(district.council.id, annAtDistrict.id))];
  expect(new Map(mine.required.map((r) => [r.requirementId, r.status]))).toEqual(new Map(expected));
  expect(Object.fromEntries(mine.required.map((r) => [r.requirementId, r.status.state]))).toEqual({
    [refresher]: "met",
    [chosenAnn]: "due",
    [onPlanning]: "met",
    [topic]: "met",
    [newMembers]: "overdue",
    [exempted]: "exempt",
    // done more than 6 months before their first election there, in 2019: the 2025 completion counts
    [atDistrict]: "met",
  });
  expect(mine.required.map((r) => r.status.state)).toEqual(["overdue", "due", "met", "met", "met", "met", "exempt"]);
  // however much there is: two statements for the home page (progress, and the rest), one for the module page
  expect((await sqlDuring(() => myLearning({ userId: ann.id, language: "en", now }))).sql).toHaveLength(2);
  expect((await sqlDuring(() => moduleEnrolment({ userId: ann.id, moduleId: "community-cohesion", language: "en", now }))).sql).toHaveLength(1);

  // the module page asks about its module only, and says the same
  for (const moduleId of ["standards-in-public-office", "community-cohesion", "counter-extremism", "emergency-planning", "prevent-duty", "difficult-conversations"]) {
    const { requirement } = await moduleEnrolment({ userId: ann.id, moduleId, language: "en", now });
    expect(requirement, moduleId).toEqual(mine.required.find((r) => r.moduleId === moduleId && r.status.state !== "exempt") ?? null);
  }
});

test("My learning lists courses to come, certificates newest first, courses attended, training recorded by each council and reviews, in the reader's language", async () => {
  const now = new Date("2026-11-28T10:00:00Z");
  const county = await councilWithOfficer("Cyngor Sir Prawf");
  const district = await councilWithOfficer();
  const ann = await createUser({ councilId: county.council.id, membership: { memberSince: day("2015-05-07") } });
  const annAtDistrict = await addMembership({ userId: ann.id, councilId: district.council.id, memberSince: day("2019-05-02") });
  await completeModule(ann.id, "prevent-duty", new Date("2026-03-01T09:00:00Z"));
  await completeModule(ann.id, "community-cohesion", new Date("2026-07-01T09:00:00Z"));
  const booking = async (startsAt: Date, status: string, over: Partial<{ attendance: string; offerExpiresAt: Date; courseStatus: string }> = {}) => {
    const course = await createCourse({ startsAt, status: over.courseStatus ?? "published", moduleId: "prevent-duty" }, now);
    await db.booking.create({ data: { courseId: course.id, userId: ann.id, status, queueNumber: 1, requestedAt: now, attendance: over.attendance ?? null, offerExpiresAt: over.offerExpiresAt ?? null } });
    return course;
  };
  const later = await booking(new Date("2027-02-01T10:00:00Z"), "waiting");
  const sooner = await booking(new Date("2027-01-10T10:00:00Z"), "offered", { offerExpiresAt: new Date("2026-11-30T10:00:00Z") });
  await booking(new Date("2027-01-20T10:00:00Z"), "cancelled");
  await booking(new Date("2027-01-25T10:00:00Z"), "confirmed", { courseStatus: "draft" });
  const attended = await booking(new Date("2026-09-10T09:00:00Z"), "confirmed", { attendance: "attended" });
  await booking(new Date("2026-09-20T09:00:00Z"), "confirmed", { attendance: "absent" });
  await recordTraining(
    { councilId: county.council.id, membershipId: ann.membershipId!, record: { title: "Licensing", provider: "Institute of Licensing", completedOn: day("2026-06-01"), minutes: null, requirementId: null }, evidence: { name: "licensing.pdf", contentType: "application/pdf", content: new TextEncoder().encode("%PDF-1.7\n") }, actorId: county.officer.id },
    origin,
  );
  await recordTraining(
    { councilId: district.council.id, membershipId: annAtDistrict.id, record: { title: "Scrutiny", provider: "CfGS", completedOn: day("2026-08-01"), minutes: 120, requirementId: null }, evidence: null, actorId: district.officer.id },
    origin,
  );
  const review = (councilId: string, membershipId: string, municipalYear: number, actorId: string) =>
    saveReview({ councilId, membershipId, municipalYear, record: { offeredOn: day(`${municipalYear}-06-01`), outcome: "taken-up", heldOn: null, reviewer: null, needs: "Chairing" }, enrolOn: [], actorId }, origin);
  await review(county.council.id, ann.membershipId!, 2025, county.officer.id);
  await review(district.council.id, annAtDistrict.id, 2026, district.officer.id);

  const mine = await myLearning({ userId: ann.id, language: "cy", now });
  expect(mine.bookings.map((b) => [b.course.id, b.status, b.offerExpiresAt])).toEqual([
    [sooner.id, "offered", new Date("2026-11-30T10:00:00Z")],
    [later.id, "waiting", null],
  ]);
  expect(mine.certificates.map((c) => [c.moduleId, c.completedAt])).toEqual([
    ["community-cohesion", new Date("2026-07-01T09:00:00Z")],
    ["prevent-duty", new Date("2026-03-01T09:00:00Z")],
  ]);
  expect(mine.attended).toEqual([
    { courseId: attended.id, title: attended.title, topic: attended.topic, moduleId: "prevent-duty", moduleTitle: expect.any(String), startsAt: attended.startsAt, endsAt: attended.endsAt },
  ]);
  expect(mine.recorded).toEqual([
    { id: expect.any(String), title: "Scrutiny", provider: "CfGS", completedOn: day("2026-08-01"), council: district.council.name, evidence: null },
    { id: expect.any(String), title: "Licensing", provider: "Institute of Licensing", completedOn: day("2026-06-01"), council: "Cyngor Sir Prawf", evidence: { id: expect.any(String), name: "licensing.pdf" } },
  ]);
  expect(mine.reviews).toEqual([
    { municipalYear: 2026, offeredOn: day("2026-06-01"), outcome: "taken-up", heldOn: null, reviewer: null, needs: "Chairing", council: district.council.name },
    { municipalYear: 2025, offeredOn: day("2025-06-01"), outcome: "taken-up", heldOn: null, reviewer: null, needs: "Chairing", council: "Cyngor Sir Prawf" },
  ]);
  expect(mine.councils).toEqual([county.council.name, district.council.name].sort());
  // the module page lists the courses attended that go with the module
  expect((await moduleEnrolment({ userId: ann.id, moduleId: "prevent-duty", language: "en", now })).attended).toEqual([{ courseId: attended.id, title: attended.title, startsAt: attended.startsAt }]);
  expect((await moduleEnrolment({ userId: ann.id, moduleId: "community-cohesion", language: "en", now })).attended).toEqual([]);
});

test("the learning record carries the courses attended that have ended and await feedback, until it is given", async () => {
  const now = new Date("2026-11-28T10:00:00Z");
  const council = await createCouncil();
  const ann = await createUser({ councilId: council.id });
  const bob = await createUser({ councilId: council.id });
  const course = async (startsAt: Date, attendance: string | null, { courseStatus = "published", status = "confirmed" } = {}) => {
    const { id } = await createCourse({ startsAt, status: courseStatus }, new Date("2026-01-01T00:00:00Z"));
    await db.booking.create({ data: { courseId: id, userId: ann.id, status, queueNumber: 1, requestedAt: now, attendance } });
    return id;
  };
  const ended = await course(new Date("2026-11-20T09:00:00Z"), "attended");
  const endedEarlier = await course(new Date("2026-10-01T09:00:00Z"), "attended");
  await course(new Date("2026-11-21T09:00:00Z"), "absent");
  await course(new Date("2026-11-22T09:00:00Z"), null);
  await course(new Date("2026-11-23T09:00:00Z"), "attended", { courseStatus: "cancelled" });
  await course(new Date("2026-11-28T08:00:00Z"), "attended"); // on until 14:00
  const awaiting = async () => (await myLearning({ userId: ann.id, language: "en", now })).feedbackDue.sort();

  expect(await awaiting()).toEqual([ended, endedEarlier].sort());
  expect(await awaiting()).toEqual((await coursesAwaitingFeedback(ann.id, now)).sort());
  // someone else's feedback leaves hers owed; her own ends it
  await db.courseFeedback.create({ data: { courseId: endedEarlier, userId: bob.id, usefulness: 5, submittedAt: now } });
  expect(await awaiting()).toEqual([ended, endedEarlier].sort());
  expect(await giveFeedback({ courseId: ended, userId: ann.id, usefulness: 4, willDo: null, comments: null }, now)).toEqual({ status: "given" });
  expect(await awaiting()).toEqual([endedEarlier]);
  expect(await awaiting()).toEqual(await coursesAwaitingFeedback(ann.id, now));
  // read with the rest of the record: still two statements for the home page
  expect((await sqlDuring(() => myLearning({ userId: ann.id, language: "en", now }))).sql).toHaveLength(2);
});
