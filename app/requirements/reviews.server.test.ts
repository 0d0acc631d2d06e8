// Annual development reviews on the real database: recorded per member and municipal year, corrected in place,
// needs turned into enrolments, seen by the member, never reachable from another council.
import { expect, test } from "vitest";
import { createCouncil, createUser } from "../../tests/factories";
import { enrolmentsOf } from "~/learning/enrolments.server";
import { db } from "~/utils/db.server";
import { currentMunicipalYear, reviewsAt, reviewsOf, saveReview } from "./reviews.server";

const origin = { ip: "192.0.2.23", userAgent: "Vitest" };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

test("an officer records a member's review for the year, corrects it, and enrols them on the needs agreed; the member sees it", async () => {
  const { id: councilId } = await createCouncil();
  const other = await createCouncil();
  const officer = await createUser({ role: "officer", councilId });
  const otherOfficer = await createUser({ role: "officer", councilId: other.id });
  const [ann, bob] = await Promise.all([createUser({ councilId, name: "Ann Adams" }), createUser({ councilId, name: "Bob Brown" })]);
  const act = { councilId, membershipId: ann.membershipId!, municipalYear: 2026, actorId: officer.id };
  const offered = { offeredOn: day("2026-06-12"), outcome: null, heldOn: null, reviewer: null, needs: null };
  expect(await saveReview({ ...act, record: offered, enrolOn: [] }, origin)).toEqual({ status: "saved", enrolled: 0 });
  const held = { offeredOn: day("2026-06-12"), outcome: "taken-up" as const, heldOn: day("2026-07-01"), reviewer: "Cllr Jane Morgan", needs: "Chairing skills; planning" };
  expect(await saveReview({ ...act, record: held, enrolOn: ["difficult-conversations"] }, origin)).toEqual({ status: "saved", enrolled: 1 });
  // one review per member and year, corrected in place
  expect(await db.developmentReview.count({ where: { membershipId: ann.membershipId! } })).toBe(1);
  expect((await enrolmentsOf(ann.id)).get("difficult-conversations")).toMatchObject({ source: "officer" });
  expect((await reviewsAt(councilId, 2026)).map((m) => [m.user.name, m.review?.outcome ?? null])).toEqual([
    ["Ann Adams", "taken-up"],
    ["Bob Brown", null],
  ]);
  expect(await reviewsOf(ann.id)).toMatchObject([{ municipalYear: 2026, outcome: "taken-up", reviewer: "Cllr Jane Morgan", needs: "Chairing skills; planning" }]);
  expect(await reviewsOf(bob.id)).toEqual([]);
  // another council's officer cannot write to this member's record
  expect(await saveReview({ ...act, councilId: other.id, actorId: otherOfficer.id, record: held, enrolOn: [] }, origin)).toEqual({ status: "not-found" });
  expect(await db.auditEvent.count({ where: { type: "review-recorded", userId: ann.id } })).toBe(2);
});

test("the municipal year turns in May, on the UK calendar", () => {
  // 23:30 on 30 April in the UK (BST) is still April; an hour later it is May
  expect(currentMunicipalYear(new Date("2027-04-30T22:30:00Z"))).toBe(2026);
  expect(currentMunicipalYear(new Date("2027-04-30T23:30:00Z"))).toBe(2027);
});
