// A council's requirements on the real database: who they apply to, what meets them, exemptions, recorded
// training and committee readiness, always within the officer's own council.
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createCouncil, createCourse, createUser, requirementInput } from "../../tests/factories";
import { addCommittee, appointToCommittee } from "~/councils/committees.server";
import { db } from "~/utils/db.server";
import { documentType, evidenceFor, readEvidence } from "./evidence.server";
import { recordTraining, recordedTrainingOf, removeRecordedTraining } from "./recorded.server";
import { createRequirement, exemptMember, removeRequirement, withdrawExemption, type RequirementInput } from "./requirements.server";
import { committeeReadiness, councilTraining, countStandings } from "./status.server";

const origin = { ip: "192.0.2.19", userAgent: "Vitest" };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PDF = new TextEncoder().encode("%PDF-1.7\n% a certificate\n");

const requirement = requirementInput;

async function council() {
  const { id: councilId } = await createCouncil();
  const officer = await createUser({ role: "officer", councilId });
  const set = async (over: Partial<RequirementInput>) => {
    const outcome = await createRequirement({ councilId, actorId: officer.id, input: requirement(over) }, origin);
    if (outcome.status !== "created") throw new Error(outcome.problem.code);
    return outcome.requirementId;
  };
  const member = (name: string, memberSince = day("2026-05-07")) => createUser({ councilId, name, membership: { memberSince } });
  const committee = async (name: string) => {
    const added = await addCommittee({ councilId, name, actorId: officer.id }, origin);
    if (added.status !== "added") throw new Error(name);
    return added.committeeId;
  };
  const seat = (membershipId: string, committeeId: string, appointedOn = day("2026-05-20"), role: "member" | "substitute" = "member") =>
    appointToCommittee({ councilId, membershipId, actorId: officer.id, seat: { committeeId, role, appointedOn } }, origin);
  return { councilId, officer, set, member, committee, seat };
}

async function completeModule(userId: string, moduleId: string, at: Date) {
  await db.moduleCompletion.create({
    data: { userId, moduleId, moduleVersion: 1, moduleTitle: moduleId, holderName: "x", scorePercent: 90, completedAt: at, certificateCode: randomBytes(6).toString("hex") },
  });
}

const standingOf = async (councilId: string, requirementId: string, today: Date) =>
  Object.fromEntries((await councilTraining({ councilId, requirementId, language: "en", today })).requirements[0].standings.map((s) => [s.name, s.status.state]));

test("a requirement applies to everyone, the chosen, a committee (members and substitutes) or those elected since a date", async () => {
  const { councilId, set, member, committee, seat } = await council();
  const ann = await member("Ann Adams", day("2015-05-07"));
  const bob = await member("Bob Brown", day("2026-05-07"));
  const cat = await member("Cat Clarke", day("2022-05-05"));
  const planning = await committee("Planning committee");
  await seat(ann.membershipId!, planning);
  await seat(cat.membershipId!, planning, day("2026-05-20"), "substitute");
  const everyone = await set({});
  const chosen = await set({ audience: "chosen", chosenMembershipIds: [bob.membershipId!] });
  const onPlanning = await set({ audience: "committee", committeeId: planning, dueRule: "after-appointment", dueWithinDays: 30 });
  const newMembers = await set({ audience: "elected-since", electedOnOrAfter: day("2026-05-01") });
  const whom = async (id: string) => Object.keys(await standingOf(councilId, id, day("2026-06-01")));
  expect(await whom(everyone)).toEqual(["Ann Adams", "Bob Brown", "Cat Clarke"]);
  expect(await whom(chosen)).toEqual(["Bob Brown"]);
  expect(await whom(onPlanning)).toEqual(["Ann Adams", "Cat Clarke"]);
  expect(await whom(newMembers)).toEqual(["Bob Brown"]);
});

test("within 60 days of first election: a returning member is not sent back; a new one is due, then overdue; completing the module meets it", async () => {
  const { councilId, set, member } = await council();
  const veteran = await member("Ann Adams", day("2015-05-07"));
  const newcomer = await member("Bob Brown", day("2026-05-07"));
  const id = await set({ audience: "elected-since", electedOnOrAfter: day("2026-05-01") });
  const all = await set({});
  expect(await standingOf(councilId, id, day("2026-07-06"))).toEqual({ "Bob Brown": "due" });
  expect(await standingOf(councilId, id, day("2026-07-07"))).toEqual({ "Bob Brown": "overdue" });
  // a requirement of all members counts from each one's first election: the veteran's fell due in 2015
  expect(await standingOf(councilId, all, day("2026-06-01"))).toEqual({ "Ann Adams": "overdue", "Bob Brown": "due" });
  await completeModule(newcomer.id, "standards-in-public-office", new Date("2026-06-10T09:00:00Z"));
  await completeModule(veteran.id, "standards-in-public-office", new Date("2016-01-10T09:00:00Z"));
  expect(await standingOf(councilId, id, day("2026-07-07"))).toEqual({ "Bob Brown": "met" });
  expect(await standingOf(councilId, all, day("2026-07-07"))).toEqual({ "Ann Adams": "met", "Bob Brown": "met" });
});

test("a yearly refresher falls due a year after the module, and passing its check again renews it", async () => {
  const { councilId, set, member } = await council();
  const ann = await member("Ann Adams");
  const id = await set({ validForMonths: 12 });
  await completeModule(ann.id, "standards-in-public-office", new Date("2026-06-10T09:00:00Z"));
  expect(await standingOf(councilId, id, day("2027-06-09"))).toEqual({ "Ann Adams": "met" });
  expect(await standingOf(councilId, id, day("2027-06-11"))).toEqual({ "Ann Adams": "overdue" });
  await db.knowledgeCheckAttempt.create({
    data: { userId: ann.id, moduleId: "standards-in-public-office", moduleVersion: 1, passed: true, scorePercent: 88, submittedAt: new Date("2027-06-12T10:00:00Z") },
  });
  // a failed attempt later renews nothing
  await db.knowledgeCheckAttempt.create({
    data: { userId: ann.id, moduleId: "standards-in-public-office", moduleVersion: 1, passed: false, scorePercent: 40, submittedAt: new Date("2028-01-12T10:00:00Z") },
  });
  const [standing] = (await councilTraining({ councilId, requirementId: id, language: "en", today: day("2027-06-13") })).requirements[0].standings;
  expect(standing.status).toMatchObject({ state: "met", refreshBy: day("2028-06-12") });
});

test("a course on the topic the register says they attended meets a topic requirement; a cancelled course or an absence does not", async () => {
  const { councilId, set, member } = await council();
  const ann = await member("Ann Adams");
  const bob = await member("Bob Brown");
  const id = await set({ moduleId: null, courseTopic: "resilience", dueRule: "by-date", dueOn: day("2027-03-31"), dueWithinDays: null });
  const held = await createCourse({ topic: "resilience", startsAt: new Date("2026-09-10T09:00:00Z") });
  const other = await createCourse({ topic: "standards", startsAt: new Date("2026-09-11T09:00:00Z") });
  const booking = (courseId: string, userId: string, attendance: string) =>
    db.booking.create({ data: { courseId, userId, status: "confirmed", queueNumber: 1, requestedAt: new Date(), attendance } });
  await booking(held.id, ann.id, "attended");
  await booking(held.id, bob.id, "absent");
  await booking(other.id, bob.id, "attended");
  expect(await standingOf(councilId, id, day("2026-12-01"))).toEqual({ "Ann Adams": "met", "Bob Brown": "due" });
  await db.course.update({ where: { id: held.id }, data: { status: "cancelled" } });
  expect(await standingOf(councilId, id, day("2026-12-01"))).toEqual({ "Ann Adams": "due", "Bob Brown": "due" });
});

describe("committee readiness", () => {
  test("members may not sit until the committee's blocking requirement is met: training recorded elsewhere meets it, so does an exemption", async () => {
    const { councilId, officer, set, member, committee, seat } = await council();
    const ann = await member("Ann Adams");
    const bob = await member("Bob Brown");
    const cat = await member("Cat Clarke");
    const planning = await committee("Planning committee");
    await seat(ann.membershipId!, planning);
    await seat(bob.membershipId!, planning);
    await seat(cat.membershipId!, planning, day("2026-05-20"), "substitute");
    const trained = await set({ name: "Planning training", moduleId: null, audience: "committee", committeeId: planning, dueRule: "after-appointment", dueWithinDays: 30, validForMonths: 12, blocksSitting: true });
    await set({ moduleId: "community-cohesion", audience: "committee", committeeId: planning, dueRule: "after-appointment", dueWithinDays: 90 });

    const ready = async () => Object.fromEntries((await committeeReadiness({ councilId, committeeId: planning, language: "en", today: day("2026-06-10") }))!.seats.map((s) => [s.name, s.maySit]));
    expect(await ready()).toEqual({ "Ann Adams": false, "Bob Brown": false, "Cat Clarke": false });

    const recorded = await recordTraining(
      {
        councilId,
        membershipId: ann.membershipId!,
        record: { title: "Planning briefing", provider: "Planning Advisory Service", completedOn: day("2026-06-02"), minutes: 150, requirementId: trained },
        evidence: { name: "certificate.pdf", contentType: "application/pdf", content: PDF },
        actorId: officer.id,
      },
      origin,
    );
    expect(recorded.status).toBe("recorded");
    expect(await exemptMember({ councilId, requirementId: trained, membershipId: bob.membershipId!, reason: "Planning solicitor", approvedBy: "Monitoring officer", evidence: null, actorId: officer.id }, origin)).toEqual({
      status: "exempted",
    });
    // a second exemption is refused, not doubled
    expect((await exemptMember({ councilId, requirementId: trained, membershipId: bob.membershipId!, reason: "Again", approvedBy: "Monitoring officer", evidence: null, actorId: officer.id }, origin)).status).toBe("already-exempt");
    expect(await ready()).toEqual({ "Ann Adams": true, "Bob Brown": true, "Cat Clarke": false });
    const readiness = (await committeeReadiness({ councilId, committeeId: planning, language: "en", today: day("2026-06-10") }))!;
    expect(readiness.seats.map((s) => s.role)).toEqual(["member", "member", "substitute"]);
    // the non-blocking requirement is listed, and does not stop anyone sitting
    expect(readiness.seats[0].requirements.map((r) => [r.label, r.status.state])).toEqual([
      ["Planning training", "met"],
      ["Community cohesion and integration", "due"],
    ]);

    // a year on, the recorded briefing has run out
    const later = (await committeeReadiness({ councilId, committeeId: planning, language: "en", today: day("2027-06-03") }))!;
    expect(later.seats.find((s) => s.name === "Ann Adams")!.maySit).toBe(false);

    await withdrawExemption({ councilId, requirementId: trained, membershipId: bob.membershipId!, actorId: officer.id }, origin);
    expect((await ready())["Bob Brown"]).toBe(false);
    expect(await db.auditEvent.count({ where: { userId: { in: [ann.id, bob.id] }, type: { in: ["training-recorded", "exemption-granted", "exemption-withdrawn"] } } })).toBe(3);
  });
});

test("an officer reaches only their own council: another council's committee or member is refused, nothing is written", async () => {
  const mine = await council();
  const theirs = await council();
  const outsider = await theirs.member("Dan Davies");
  const theirCommittee = await theirs.committee("Licensing committee");
  const before = await db.requirement.count();
  const refused = (input: Partial<RequirementInput>) => createRequirement({ councilId: mine.councilId, actorId: mine.officer.id, input: requirement(input) }, origin);
  expect(await refused({ audience: "committee", committeeId: theirCommittee })).toEqual({ status: "refused", problem: { field: "committeeId", code: "noSuchCommittee" } });
  expect(await refused({ audience: "chosen", chosenMembershipIds: [outsider.membershipId!] })).toEqual({ status: "refused", problem: { field: "members", code: "notYourMembers" } });
  expect(await refused({ moduleId: "no-such-module" })).toEqual({ status: "refused", problem: { field: "moduleId", code: "noSuchModule" } });
  expect(await db.requirement.count()).toBe(before);

  const theirRequirement = await theirs.set({});
  const mineToo = await mine.member("Eve Evans");
  const act = { councilId: mine.councilId, actorId: mine.officer.id };
  expect((await exemptMember({ ...act, requirementId: theirRequirement, membershipId: mineToo.membershipId!, reason: "x", approvedBy: "y", evidence: null }, origin)).status).toBe("not-found");
  expect((await recordTraining({ ...act, membershipId: outsider.membershipId!, record: { title: "t", provider: "p", completedOn: day("2026-06-01"), minutes: null, requirementId: null }, evidence: null }, origin)).status).toBe("not-found");
  expect((await recordTraining({ ...act, membershipId: mineToo.membershipId!, record: { title: "t", provider: "p", completedOn: day("2026-06-01"), minutes: null, requirementId: theirRequirement }, evidence: null }, origin)).status).toBe("no-such-requirement");
  expect((await removeRequirement({ ...act, requirementId: theirRequirement }, origin)).status).toBe("not-found");
  expect(await councilTraining({ councilId: theirs.councilId, language: "en" }).then((t) => t.requirements.length)).toBe(1);
});

test("removing a requirement keeps everyone's progress and records; it only stops applying", async () => {
  const { councilId, officer, set, member } = await council();
  const ann = await member("Ann Adams");
  const id = await set({ name: "Safeguarding briefing", moduleId: null });
  const recorded = await recordTraining(
    { councilId, membershipId: ann.membershipId!, record: { title: "Safeguarding", provider: "County", completedOn: day("2026-06-01"), minutes: 60, requirementId: id }, evidence: null, actorId: officer.id },
    origin,
  );
  expect(countStandings((await councilTraining({ councilId, language: "en" })).requirements[0].standings)).toEqual({ met: 1, due: 0, overdue: 0, exempt: 0 });
  expect(await removeRequirement({ councilId, requirementId: id, actorId: officer.id }, origin)).toEqual({ status: "removed" });
  expect(await removeRequirement({ councilId, requirementId: id, actorId: officer.id }, origin)).toEqual({ status: "not-found" });
  expect((await councilTraining({ councilId, language: "en" })).requirements).toEqual([]);
  expect((await recordedTrainingOf(ann.id)).map((r) => r.title)).toEqual(["Safeguarding"]);
  expect(await db.requirement.count({ where: { id } })).toBe(1);
  // the record itself can be removed (a mistake), by its council only
  if (recorded.status !== "recorded") throw new Error("not recorded");
  expect(await removeRecordedTraining({ councilId, recordedTrainingId: recorded.recordedTrainingId, actorId: officer.id }, origin)).toEqual({ status: "removed", title: "Safeguarding" });
  expect(await recordedTrainingOf(ann.id)).toEqual([]);
});

describe("evidence files", () => {
  test("only documents and scans are kept, by their first bytes, up to 5 MB", async () => {
    expect(documentType(PDF, "anything.txt")).toBe("application/pdf");
    expect(documentType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), "briefing.docx")).toContain("wordprocessingml");
    expect(documentType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), "archive.zip")).toBeNull();
    expect(documentType(new TextEncoder().encode("<script>alert(1)</script>"), "certificate.pdf")).toBeNull();
    expect(await readEvidence(new File([PDF], "Certificate.pdf"))).toMatchObject({ upload: { name: "Certificate.pdf", contentType: "application/pdf" } });
    expect(await readEvidence(new File(["MZ executable"], "certificate.pdf"))).toEqual({ problem: "notADocument" });
    expect(await readEvidence(new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.pdf"))).toEqual({ problem: "tooLarge" });
    expect(await readEvidence(new File([], ""))).toEqual({ upload: null });
    expect(await readEvidence(null)).toEqual({ upload: null });
  });

  test("the recording council's officers and the member see a document; another council's officer and other members do not", async () => {
    const { councilId, officer, member } = await council();
    const other = await council();
    const ann = await member("Ann Adams");
    const bob = await member("Bob Brown");
    await recordTraining(
      {
        councilId,
        membershipId: ann.membershipId!,
        record: { title: "Licensing", provider: "Institute of Licensing", completedOn: day("2026-06-01"), minutes: null, requirementId: null },
        evidence: { name: "licensing.pdf", contentType: "application/pdf", content: PDF },
        actorId: officer.id,
      },
      origin,
    );
    const [record] = await recordedTrainingOf(ann.id);
    const fileId = record.evidenceFile!.id;
    const viewer = (user: { id: string; role: string; councilId: string | null }) => evidenceFor({ fileId, viewer: { id: user.id, role: user.role, councilId: user.role === "officer" ? user.councilId : null } }, origin);
    expect(Buffer.from((await viewer(officer))!.content).toString()).toContain("%PDF");
    expect(await viewer(ann)).not.toBeNull();
    expect(await viewer(bob)).toBeNull();
    expect(await viewer(other.officer)).toBeNull();
    expect(await db.auditEvent.count({ where: { type: "evidence-viewed", userId: ann.id } })).toBe(1);
  });
});
