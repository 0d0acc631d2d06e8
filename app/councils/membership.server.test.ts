// Memberships as councils keep them: what each council's officer sees, and the changes they make, on the
// real database (SQLite here, PostgreSQL with `npm run test:pg`).
import { expect, test } from "vitest";
import { addMembership, createCouncil, createUser } from "../../tests/factories";
import { findModule } from "~/content/content.server";
import { learningFor } from "~/learning/reader.server";
import { markLessonComplete } from "~/learning/progress.server";
import { db } from "~/utils/db.server";
import {
  claimMembership,
  confirmMember,
  currentCouncilNames,
  getMember,
  listMembers,
  markLeftOffice,
  membershipsOf,
  returnToOffice,
  updateMembership,
  withdrawClaim,
} from "./membership.server";

const origin = { ip: "192.0.2.81", userAgent: "Vitest" };

async function officerOf(councilId: string) {
  return createUser({ role: "officer", councilId });
}

test("an officer's list holds their council's current members and the claims of people with a confirmed address, never another council's", async () => {
  const council = await createCouncil();
  const other = await createCouncil();
  const zara = await createUser({ councilId: council.id, name: "Zara Ahmed" });
  const ben = await createUser({ councilId: council.id, name: "Ben Carter", membership: { kind: "co-opted" } });
  // Named the council at sign-up and confirmed their address: shown, as waiting to be confirmed.
  const claimant = await createUser({ councilId: council.id, name: "Cai Claimant", membership: { confirmed: false } });
  // Named it without confirming their address: anyone can type any council, so not shown at all.
  await createUser({ councilId: council.id, name: "Anna Unconfirmed", confirmed: false, membership: { confirmed: false } });
  // Invited from the council's own list and not yet signed in: the council's member all the same.
  const invited = await createUser({ councilId: council.id, name: "Ifan Invited", confirmed: false, password: null });
  await createUser({ councilId: council.id, name: "Lowri Left", membership: { leftOfficeOn: new Date("2026-05-08") } });
  await createUser({ councilId: council.id, name: "Dai Deactivated", deactivated: true });
  await officerOf(council.id);
  await createUser({ councilId: other.id, name: "Olwen Other" });

  const current = await listMembers({ councilId: council.id });
  expect(current.map((member) => [member.user.name, member.kind, !!member.confirmedAt, member.user.invited])).toEqual([
    ["Ben Carter", "co-opted", true, false],
    ["Cai Claimant", "elected", false, false],
    ["Ifan Invited", "elected", true, true],
    ["Zara Ahmed", "elected", true, false],
  ]);
  expect(current.map((member) => member.user.id)).toEqual([ben.id, claimant.id, invited.id, zara.id]);
  // No password hash leaves the query.
  expect(JSON.stringify(current)).not.toContain("argon2");

  const left = await listMembers({ councilId: council.id, listing: "left" });
  expect(left.map((member) => member.user.name)).toEqual(["Dai Deactivated", "Lowri Left"]);
  expect(await listMembers({ councilId: other.id })).toHaveLength(1);
});

test("a twin-hatter's learning is theirs: each council sees it for its own membership, and neither sees the other's details", async () => {
  const county = await createCouncil({ name: "Lancashire Test County Council", type: "county" });
  const district = await createCouncil({ name: "Pendle Test Borough Council" });
  const person = await createUser({ councilId: district.id, membership: { termStartedOn: new Date("2023-05-04") } });
  const countyMembership = await addMembership({ userId: person.id, councilId: county.id, kind: "elected", termStartedOn: new Date("2025-05-01") });
  const module = findModule("prevent-duty", "en")!;
  await markLessonComplete({ userId: person.id, module, lessonSlug: module.lessons[0]!.slug });

  for (const councilId of [county.id, district.id]) {
    const learning = await learningFor({ councilId });
    expect(learning.get(person.id)!.get("prevent-duty")).toMatchObject({ state: "in-progress", lessonsDone: 1 });
  }
  // The county's officer opens the county membership; asking for the district's by its id finds nothing.
  expect((await getMember({ councilId: county.id, membershipId: countyMembership.id }))?.termStartedOn).toEqual(new Date("2025-05-01"));
  expect(await getMember({ councilId: county.id, membershipId: person.membershipId! })).toBeNull();
  expect((await membershipsOf(person.id)).map((membership) => membership.council.name)).toEqual([county.name, district.name]);
  expect(await currentCouncilNames(person.id)).toEqual([county.name, district.name]);
});

test("an officer confirms a claim once, for their own council only, and it is audited", async () => {
  const council = await createCouncil();
  const other = await createCouncil();
  const officer = await officerOf(council.id);
  const claimant = await createUser({ councilId: council.id, membership: { confirmed: false } });
  const act = { councilId: council.id, membershipId: claimant.membershipId!, actorId: officer.id };

  // Another council's officer cannot confirm it, by its id or any other way.
  expect(await confirmMember({ ...act, councilId: other.id }, origin)).toEqual({ status: "not-found" });
  // Two clicks at once: one confirmation, one audit event.
  const outcomes = await Promise.all([confirmMember(act, origin), confirmMember(act, origin)]);
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["confirmed", "not-found"]);
  const events = await db.auditEvent.findMany({ where: { userId: claimant.id, type: "membership-confirmed" } });
  expect(events).toEqual([expect.objectContaining({ actorId: officer.id, ip: origin.ip, detail: `${council.name}: confirmed as a member` })]);
  expect([...(await learningFor({ councilId: council.id })).keys()]).toEqual([claimant.id]);
});

test("a claim by someone who has not confirmed their address cannot be confirmed or opened", async () => {
  const council = await createCouncil();
  const officer = await officerOf(council.id);
  const stranger = await createUser({ councilId: council.id, confirmed: false, membership: { confirmed: false } });
  const act = { councilId: council.id, membershipId: stranger.membershipId!, actorId: officer.id };
  expect(await getMember(act)).toBeNull();
  expect(await confirmMember(act, origin)).toEqual({ status: "not-found" });
  expect(await markLeftOffice({ ...act, leftOfficeOn: new Date("2026-06-01") }, origin)).toEqual({ status: "not-found" });
});

test("correcting a member's details records each change, confirms a claim, and leaves another council's membership alone", async () => {
  const council = await createCouncil();
  const other = await createCouncil();
  const officer = await officerOf(council.id);
  const person = await createUser({ councilId: council.id, membership: { confirmed: false, memberSince: new Date("2022-05-05") } });
  const elsewhere = await addMembership({ userId: person.id, councilId: other.id, memberSince: new Date("2019-05-02") });
  const details = { kind: "co-opted" as const, memberSince: new Date("2022-05-05"), termStartedOn: new Date("2026-05-07"), ward: "Riverside", partyGroup: null };

  const act = { councilId: council.id, membershipId: person.membershipId!, actorId: officer.id };
  expect(await updateMembership({ ...act, details }, origin)).toEqual({ status: "updated", changed: true });
  const after = await db.membership.findUniqueOrThrow({ where: { id: person.membershipId! } });
  expect(after).toMatchObject({ kind: "co-opted", termStartedOn: new Date("2026-05-07"), ward: "Riverside", partyGroup: null });
  expect(after.confirmedAt).toBeInstanceOf(Date);
  const events = await db.auditEvent.findMany({ where: { userId: person.id }, orderBy: { type: "asc" } });
  expect(events.map((event) => [event.type, event.detail, event.actorId])).toEqual([
    ["membership-changed", `${council.name}: kind elected → co-opted; termStartedOn none → 2026-05-07; ward none → Riverside`, officer.id],
    ["membership-confirmed", `${council.name}: confirmed as a member`, officer.id],
  ]);

  // Saving the same details again changes nothing and records nothing.
  expect(await updateMembership({ ...act, details }, origin)).toEqual({ status: "updated", changed: false });
  expect(await db.auditEvent.count({ where: { userId: person.id } })).toBe(2);
  // The other council's membership cannot be reached through this council.
  expect(await updateMembership({ ...act, membershipId: elsewhere.id, details }, origin)).toEqual({ status: "not-found" });
  expect(await db.membership.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ kind: "elected", ward: null });
});

test("a member who leaves office keeps their history but drops out of current lists and counts, and can come back", async () => {
  const council = await createCouncil();
  const officer = await officerOf(council.id);
  const person = await createUser({ councilId: council.id, name: "Siân Standingdown" });
  const module = findModule("prevent-duty", "en")!;
  await markLessonComplete({ userId: person.id, module, lessonSlug: module.lessons[0]!.slug });
  const act = { councilId: council.id, membershipId: person.membershipId!, actorId: officer.id };

  expect(await markLeftOffice({ ...act, leftOfficeOn: new Date("2026-05-08") }, origin)).toEqual({ status: "left" });
  expect(await markLeftOffice({ ...act, leftOfficeOn: new Date("2026-05-09") }, origin)).toEqual({ status: "not-found" });
  expect(await listMembers({ councilId: council.id })).toEqual([]);
  expect((await listMembers({ councilId: council.id, listing: "left" })).map((member) => member.leftOfficeOn)).toEqual([new Date("2026-05-08")]);
  expect((await learningFor({ councilId: council.id })).size).toBe(0);
  // Their learning is still theirs.
  expect(await db.lessonProgress.count({ where: { userId: person.id } })).toBe(1);
  expect(await currentCouncilNames(person.id)).toEqual([]);

  expect(await returnToOffice(act, origin)).toEqual({ status: "returned" });
  expect((await listMembers({ councilId: council.id })).map((member) => member.user.id)).toEqual([person.id]);
  const events = await db.auditEvent.findMany({ where: { userId: person.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => [event.type, event.detail])).toEqual([
    ["left-office", `${council.name}: left office on 2026-05-08`],
    ["returned-to-office", `${council.name}: back in office`],
  ]);
});

test("a lay member is appointed, not elected", async () => {
  const council = await createCouncil({ nation: "wales", region: "Wales", type: "welsh-principal" });
  const officer = await officerOf(council.id);
  const lay = await createUser({ councilId: council.id, membership: { kind: "lay", memberSince: new Date("2024-09-01") } });
  const details = { kind: "lay" as const, memberSince: new Date("2024-09-01"), termStartedOn: new Date("2024-09-01"), ward: null, partyGroup: null };
  await updateMembership({ councilId: council.id, membershipId: lay.membershipId!, actorId: officer.id, details }, origin);
  const [member] = await listMembers({ councilId: council.id });
  expect(member).toMatchObject({ kind: "lay", memberSince: new Date("2024-09-01"), termStartedOn: new Date("2024-09-01") });
});

test("a person names a council once; they may take back a claim not yet confirmed, never a confirmed membership or another's", async () => {
  const council = await createCouncil();
  const second = await createCouncil();
  const person = await createUser({ councilId: council.id });
  const stranger = await createUser();

  expect(await claimMembership({ userId: person.id, councilId: council.id, memberSince: new Date("2026-05-07") }, origin)).toEqual({ status: "already-member" });
  const claim = await claimMembership({ userId: person.id, councilId: second.id, memberSince: new Date("2025-05-01") }, origin);
  if (claim.status !== "claimed") throw new Error("not claimed");

  expect(await withdrawClaim({ userId: stranger.id, membershipId: claim.membershipId }, origin)).toEqual({ status: "not-found" });
  expect(await withdrawClaim({ userId: person.id, membershipId: person.membershipId! }, origin)).toEqual({ status: "not-found" });
  expect(await withdrawClaim({ userId: person.id, membershipId: claim.membershipId }, origin)).toEqual({ status: "withdrawn" });
  expect((await membershipsOf(person.id)).map((membership) => membership.council.id)).toEqual([council.id]);
  const events = await db.auditEvent.findMany({ where: { userId: person.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => [event.type, event.detail])).toEqual([
    ["membership-claimed", second.name],
    ["membership-withdrawn", second.name],
  ]);
});

test("an officer confirming a claim as its holder takes it back: one of them wins, never both", async () => {
  const council = await createCouncil();
  const officer = await officerOf(council.id);
  for (let round = 0; round < 5; round++) {
    const person = await createUser({ councilId: council.id, membership: { confirmed: false } });
    const [confirmed, withdrawn] = await Promise.all([
      confirmMember({ councilId: council.id, membershipId: person.membershipId!, actorId: officer.id }, origin),
      withdrawClaim({ userId: person.id, membershipId: person.membershipId! }, origin),
    ]);
    const left = await db.membership.findMany({ where: { userId: person.id } });
    expect([confirmed.status, withdrawn.status].filter((status) => status !== "not-found")).toHaveLength(1);
    expect(left).toHaveLength(confirmed.status === "confirmed" ? 1 : 0);
    const events = await db.auditEvent.count({ where: { userId: person.id, type: { in: ["membership-confirmed", "membership-withdrawn"] } } });
    expect(events).toBe(1);
  }
});
