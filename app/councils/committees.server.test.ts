// A council's committees and who sits on them, on the real database.
import { expect, test } from "vitest";
import { createCouncil, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { addCommittee, appointToCommittee, listCommittees, removeFromCommittee } from "./committees.server";
import { markLeftOffice } from "./membership.server";

const origin = { ip: "192.0.2.82", userAgent: "Vitest" };

async function committee(councilId: string, name: string, actorId: string) {
  const added = await addCommittee({ councilId, name, actorId }, origin);
  if (added.status !== "added") throw new Error(`${name} not added`);
  return added.committeeId;
}

test("a council's committee names are its own: the same name twice, in any case or spacing, is one committee; another council may use it", async () => {
  const council = await createCouncil();
  const other = await createCouncil();
  const officer = await createUser({ role: "officer", councilId: council.id });
  await committee(council.id, "Planning  committee ", officer.id);
  expect(await addCommittee({ councilId: council.id, name: "planning Committee", actorId: officer.id }, origin)).toEqual({ status: "exists" });
  // Two officers adding the same committee at once: the unique index keeps one.
  const both = await Promise.all([
    addCommittee({ councilId: council.id, name: "Licensing committee", actorId: officer.id }, origin),
    addCommittee({ councilId: council.id, name: "Licensing committee", actorId: officer.id }, origin),
  ]);
  expect(both.map((outcome) => outcome.status).sort()).toEqual(["added", "exists"]);
  expect((await addCommittee({ councilId: other.id, name: "Planning committee", actorId: officer.id }, origin)).status).toBe("added");
  expect((await listCommittees(council.id)).map((entry) => entry.name)).toEqual(["Licensing committee", "Planning committee"]);
  expect(await db.auditEvent.count({ where: { type: "committee-added", actorId: officer.id } })).toBe(3);
});

test("an officer puts their own members on their own committees as member or substitute; counts are of current members", async () => {
  const council = await createCouncil();
  const other = await createCouncil();
  const officer = await createUser({ role: "officer", councilId: council.id });
  const planning = await committee(council.id, "Planning committee", officer.id);
  const theirs = await committee(other.id, "Audit committee", officer.id);
  const [ann, bob, cat] = await Promise.all(["Ann", "Bob", "Cat"].map((name) => createUser({ councilId: council.id, name })));
  const outsider = await createUser({ councilId: other.id });
  const seat = (membershipId: string, committeeId: string, role: "member" | "substitute") => ({
    councilId: council.id,
    membershipId,
    actorId: officer.id,
    seat: { committeeId, role, appointedOn: new Date("2026-05-20") },
  });

  expect(await appointToCommittee(seat(ann.membershipId!, planning, "member"), origin)).toEqual({ status: "appointed" });
  expect(await appointToCommittee(seat(bob.membershipId!, planning, "member"), origin)).toEqual({ status: "appointed" });
  expect(await appointToCommittee(seat(cat.membershipId!, planning, "substitute"), origin)).toEqual({ status: "appointed" });
  // The same seat again changes nothing; another council's committee or member is not reachable.
  expect(await appointToCommittee(seat(ann.membershipId!, planning, "member"), origin)).toEqual({ status: "unchanged" });
  expect(await appointToCommittee(seat(ann.membershipId!, theirs, "member"), origin)).toEqual({ status: "not-found" });
  expect(await appointToCommittee(seat(outsider.membershipId!, planning, "member"), origin)).toEqual({ status: "not-found" });

  // Bob leaves office: he is no longer counted on the committee.
  await markLeftOffice({ councilId: council.id, membershipId: bob.membershipId!, actorId: officer.id, leftOfficeOn: new Date("2026-06-01") }, origin);
  expect(await listCommittees(council.id)).toEqual([{ id: planning, name: "Planning committee", members: 1, substitutes: 1 }]);

  // Cat becomes a full member, then comes off the committee.
  expect(await appointToCommittee(seat(cat.membershipId!, planning, "member"), origin)).toEqual({ status: "appointed" });
  expect((await listCommittees(council.id))[0]).toMatchObject({ members: 2, substitutes: 0 });
  expect(await removeFromCommittee({ councilId: other.id, membershipId: cat.membershipId!, committeeId: planning, actorId: officer.id }, origin)).toEqual({
    status: "not-found",
  });
  expect(await removeFromCommittee({ councilId: council.id, membershipId: cat.membershipId!, committeeId: planning, actorId: officer.id }, origin)).toEqual({
    status: "removed",
  });
  const events = await db.auditEvent.findMany({ where: { userId: cat.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => event.detail)).toEqual([
    `${council.name}: Planning committee, substitute from 2026-05-20`,
    `${council.name}: Planning committee, member from 2026-05-20`,
    `${council.name}: off Planning committee`,
  ]);
});
