// An officer gives a member's account a new address (the member confirms it) and merges two accounts of one
// person, on the real database.
import { expect, test } from "vitest";
import { addMembership, createCouncil, createUser, TEST_PASSWORD } from "../../tests/factories";
import { emailedTokens } from "../../tests/outbox";
import { findModule } from "~/content/content.server";
import { learningFor } from "~/learning/reader.server";
import { markLessonComplete } from "~/learning/progress.server";
import { confirmEmailChange, signIn } from "~/models/account.server";
import { listOutbox } from "~/models/email.server";
import { db } from "~/utils/db.server";
import { startSession, readSession } from "~/utils/session.server";
import { mergeCandidates, mergeMemberAccounts, requestMemberEmailChange } from "./member-accounts.server";
import { listMembers } from "./membership.server";

const APP_URL = "https://le.test";
const origin = { ip: "192.0.2.91", userAgent: "Vitest" };

async function councilAndOfficer() {
  const council = await createCouncil();
  const officer = await createUser({ role: "officer", councilId: council.id });
  return { council, officer };
}

test("an officer gives a member their council address: the account moves to it only when the member opens the link", async () => {
  const { council, officer } = await councilAndOfficer();
  const member = await createUser({ councilId: council.id, email: `cllr.${Date.now()}@gmail.example` });
  const councilAddress = `Cllr.Member.${Date.now()}@Council.gov.uk`;
  const act = { councilId: council.id, membershipId: member.membershipId!, actorId: officer.id, appUrl: APP_URL };

  expect(await requestMemberEmailChange({ ...act, email: member.email.toUpperCase() }, origin)).toEqual({ status: "unchanged" });
  expect(await requestMemberEmailChange({ ...act, email: councilAddress }, origin)).toEqual({ status: "sent" });
  // Until the link is opened nothing changes: they sign in with the old address.
  expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(member.email);
  expect((await signIn({ email: member.email, password: TEST_PASSWORD }, { ip: "192.0.2.92" })).status).toBe("signed-in");
  const [token] = await emailedTokens({ to: councilAddress.toLowerCase(), appUrl: APP_URL, path: "change-email" });
  const letter = await db.emailMessage.findFirstOrThrow({ where: { to: councilAddress.toLowerCase() } });
  expect(letter.text).toContain(`${council.name} has asked to change the email address`);
  // Staff reading the outbox see which link went, never the link itself.
  const staff = await createUser({ role: "staff" });
  const shown = (await listOutbox({ viewerId: staff.id }, origin)).messages.find((message) => message.to === councilAddress.toLowerCase())!;
  expect(shown.sentLinks.map((sent) => sent.name)).toEqual(["Email change link"]);
  expect(shown.text).not.toContain(token!);

  expect(await confirmEmailChange(token!, origin)).toMatchObject({ status: "changed", email: councilAddress.toLowerCase(), hasPassword: true });
  expect(await confirmEmailChange(token!, origin)).toEqual({ status: "used" });
  const after = await db.user.findUniqueOrThrow({ where: { id: member.id } });
  expect(after.email).toBe(councilAddress.toLowerCase());
  expect(after.emailConfirmedAt).toBeInstanceOf(Date);
  expect((await signIn({ email: councilAddress, password: TEST_PASSWORD }, { ip: "192.0.2.92" })).status).toBe("signed-in");
  const events = await db.auditEvent.findMany({ where: { userId: member.id, type: { in: ["email-change-requested", "email-changed"] } }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => [event.type, event.actorId])).toEqual([
    ["email-change-requested", officer.id],
    ["email-changed", null],
  ]);
});

test("an address another account uses is refused, when asked and when the link is opened; another council's member cannot be reached", async () => {
  const { council, officer } = await councilAndOfficer();
  const other = await createCouncil();
  const member = await createUser({ councilId: council.id });
  const stranger = await createUser({ councilId: other.id });
  const act = { councilId: council.id, membershipId: member.membershipId!, actorId: officer.id, appUrl: APP_URL };

  expect(await requestMemberEmailChange({ ...act, email: stranger.email }, origin)).toEqual({ status: "email-taken" });
  expect(await requestMemberEmailChange({ ...act, membershipId: stranger.membershipId!, email: `x.${Date.now()}@example.org` }, origin)).toEqual({
    status: "not-found",
  });

  const wanted = `wanted.${Date.now()}@example.org`;
  await requestMemberEmailChange({ ...act, email: wanted }, origin);
  const [token] = await emailedTokens({ to: wanted, appUrl: APP_URL, path: "change-email" });
  // Someone signs up with the address before the member opens the link.
  await createUser({ email: wanted });
  expect(await confirmEmailChange(token!, origin)).toEqual({ status: "email-taken" });
  expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(member.email);
  expect(await db.auditEvent.count({ where: { userId: member.id, type: "email-changed" } })).toBe(0);

  // An account closed (merged, deactivated) after the link went out does not move.
  const later = `later.${Date.now()}@example.org`;
  await requestMemberEmailChange({ ...act, email: later }, origin);
  const [laterToken] = await emailedTokens({ to: later, appUrl: APP_URL, path: "change-email" });
  await db.user.update({ where: { id: member.id }, data: { deactivatedAt: new Date() } });
  expect(await confirmEmailChange(laterToken!, origin)).toEqual({ status: "unknown" });
  expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(member.email);
});

test("merging two accounts of one person brings their learning, councils and committees together, and closes the other", async () => {
  const { council, officer } = await councilAndOfficer();
  const county = await createCouncil({ type: "county" });
  const module = findModule("prevent-duty", "en")!;
  const [first, second] = module.lessons;
  // A personal account (used since 2022) and the council account made from the list after the election.
  const personal = await createUser({ councilId: council.id, name: "Rhian Powell", membership: { memberSince: new Date("2022-05-05"), termStartedOn: null } });
  const councilAccount = await createUser({ councilId: council.id, name: "Cllr Rhian Powell", password: null, confirmed: false, membership: { termStartedOn: new Date("2026-05-07"), memberSince: null } });
  await addMembership({ userId: personal.id, councilId: county.id });
  const committee = await db.committee.create({ data: { councilId: council.id, name: "Planning committee" } });
  await db.committeeMembership.create({ data: { committeeId: committee.id, membershipId: councilAccount.membershipId!, role: "member", appointedOn: new Date("2026-05-20") } });
  await markLessonComplete({ userId: personal.id, module, lessonSlug: first!.slug });
  await markLessonComplete({ userId: councilAccount.id, module, lessonSlug: first!.slug });
  await markLessonComplete({ userId: councilAccount.id, module, lessonSlug: second!.slug });
  await db.reflection.create({ data: { userId: personal.id, moduleId: module.id, promptId: "p1", text: "What I noticed first." } });
  await db.reflection.create({ data: { userId: councilAccount.id, moduleId: module.id, promptId: "p1", text: "What I noticed later." } });
  await db.reflection.create({ data: { userId: councilAccount.id, moduleId: module.id, promptId: "p2", text: "Only here." } });
  const closedSession = await startSession(councilAccount.id);

  expect((await mergeCandidates({ councilId: council.id, membershipId: personal.membershipId! })).map((candidate) => candidate.name)).toEqual([
    "Cllr Rhian Powell",
  ]);
  const outcome = await mergeMemberAccounts(
    { councilId: council.id, keepMembershipId: personal.membershipId!, mergeMembershipId: councilAccount.membershipId!, actorId: officer.id },
    origin,
  );
  expect(outcome).toEqual({ status: "merged", keptUserId: personal.id });

  // One account holds everything; the lesson both had done counts once.
  expect(await db.lessonProgress.count({ where: { userId: personal.id, moduleId: module.id } })).toBe(2);
  expect((await learningFor({ userIds: [personal.id] })).get(personal.id)!.get(module.id)).toMatchObject({ lessonsDone: 2 });
  const reflections = await db.reflection.findMany({ where: { userId: personal.id }, orderBy: { promptId: "asc" } });
  expect(reflections.map((note) => [note.promptId, note.text])).toEqual([
    ["p1", "What I noticed first.\n\nWhat I noticed later."],
    ["p2", "Only here."],
  ]);
  const memberships = await db.membership.findMany({ where: { userId: personal.id }, include: { committees: true }, orderBy: { councilId: "asc" } });
  expect(memberships).toHaveLength(2);
  const here = memberships.find((membership) => membership.councilId === council.id)!;
  expect(here).toMatchObject({ memberSince: new Date("2022-05-05"), termStartedOn: new Date("2026-05-07") });
  expect(here.committees.map((seat) => seat.committeeId)).toEqual([committee.id]);

  // The other account is closed, points at the kept one, and its sessions are gone.
  const closed = await db.user.findUniqueOrThrow({ where: { id: councilAccount.id }, include: { memberships: true } });
  expect(closed).toMatchObject({ mergedIntoId: personal.id, memberships: [] });
  expect(closed.deactivatedAt).toBeInstanceOf(Date);
  expect((await readSession(closedSession)).user).toBeNull();
  expect((await listMembers({ councilId: council.id })).map((member) => member.user.id)).toEqual([personal.id]);
  const audit = await db.auditEvent.findMany({ where: { type: "accounts-merged" } });
  expect(audit.map((event) => event.userId).sort()).toEqual([personal.id, councilAccount.id].sort());
  expect(audit.every((event) => event.actorId === officer.id && event.detail === `${council.name}: ${councilAccount.email} merged into ${personal.email}`)).toBe(true);

  // Done twice, or with the closed account: nothing more happens.
  expect(
    await mergeMemberAccounts(
      { councilId: council.id, keepMembershipId: personal.membershipId!, mergeMembershipId: councilAccount.membershipId!, actorId: officer.id },
      origin,
    ),
  ).toEqual({ status: "not-found" });
});

test("two completions of one module keep the earlier; an officer cannot merge accounts that are not both their council's", async () => {
  const { council, officer } = await councilAndOfficer();
  const other = await createCouncil();
  const early = await createUser({ councilId: council.id });
  const late = await createUser({ councilId: council.id });
  const outsider = await createUser({ councilId: other.id });
  const completion = (userId: string, at: string, code: string) =>
    db.moduleCompletion.create({
      data: { userId, moduleId: "prevent-duty", moduleVersion: 1, moduleTitle: "The Prevent duty", holderName: "R P", scorePercent: 90, certificateCode: code, completedAt: new Date(at) },
    });
  await completion(early.id, "2026-06-01", `EARL-${Date.now()}`);
  const later = await completion(late.id, "2026-07-01", `LATE-${Date.now()}`);

  expect(
    await mergeMemberAccounts({ councilId: council.id, keepMembershipId: early.membershipId!, mergeMembershipId: outsider.membershipId!, actorId: officer.id }, origin),
  ).toEqual({ status: "not-found" });
  expect(await db.user.findUniqueOrThrow({ where: { id: outsider.id } })).toMatchObject({ deactivatedAt: null, mergedIntoId: null });

  // Kept: the later account; its certificate gives way to the earlier one, which moves across.
  await mergeMemberAccounts({ councilId: council.id, keepMembershipId: late.membershipId!, mergeMembershipId: early.membershipId!, actorId: officer.id }, origin);
  const completions = await db.moduleCompletion.findMany({ where: { userId: late.id } });
  expect(completions.map((kept) => kept.completedAt)).toEqual([new Date("2026-06-01")]);
  expect(await db.moduleCompletion.count({ where: { certificateCode: later.certificateCode } })).toBe(0);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "accounts-merged", userId: late.id } });
  expect(audit.detail).toContain(`${later.certificateCode} withdrawn`);
});
