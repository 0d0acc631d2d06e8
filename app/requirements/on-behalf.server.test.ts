// An officer enrolling and booking their own council's members, on the real database.
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { enrolmentsOf } from "~/learning/enrolments.server";
import { db } from "~/utils/db.server";
import { bookMember, enrolMember } from "./on-behalf.server";

const origin = { ip: "192.0.2.22", userAgent: "Vitest" };

test("an officer enrols a member on a module once; the member is emailed and the enrolment is the officer's, which the member cannot leave", async () => {
  const { id: councilId } = await createCouncil();
  const officer = await createUser({ role: "officer", councilId, name: "Olwen Officer" });
  const member = await createUser({ councilId });
  const outsider = await createUser();
  const act = { councilId, actorId: officer.id };
  expect(await enrolMember({ ...act, membershipId: member.membershipId!, moduleId: "prevent-duty" }, origin)).toEqual({ status: "enrolled" });
  expect(await enrolMember({ ...act, membershipId: member.membershipId!, moduleId: "prevent-duty" }, origin)).toEqual({ status: "already" });
  expect(await enrolMember({ ...act, membershipId: member.membershipId!, moduleId: "no-such-module" }, origin)).toEqual({ status: "no-such-module" });
  expect(await enrolMember({ ...act, membershipId: outsider.membershipId!, moduleId: "prevent-duty" }, origin)).toEqual({ status: "not-found" });
  expect((await enrolmentsOf(member.id)).get("prevent-duty")).toMatchObject({ source: "officer" });
  const emails = await db.emailMessage.findMany({ where: { to: member.email } });
  expect(emails.map((e) => e.subject)).toEqual(["The Prevent duty is in your learning"]);
  expect(emails[0].text).toContain("Olwen Officer at");
  expect(await db.auditEvent.count({ where: { type: "enrolled-by-officer", userId: member.id, actorId: officer.id } })).toBe(1);
});

test("an officer books a member onto a course under its rules: a place, then the waiting list; never another council's member", async () => {
  const { id: councilId } = await createCouncil();
  const officer = await createUser({ role: "officer", councilId, name: "Olwen Officer" });
  const [ann, bob] = await Promise.all([createUser({ councilId }), createUser({ councilId })]);
  const outsider = await createUser();
  const course = await createCourse({ capacity: 1 });
  const act = { councilId, actorId: officer.id, courseId: course.id };
  expect((await bookMember({ ...act, membershipId: ann.membershipId! }, origin)).status).toBe("confirmed");
  expect(await bookMember({ ...act, membershipId: bob.membershipId! }, origin)).toMatchObject({ status: "waiting", position: 1 });
  expect((await bookMember({ ...act, membershipId: outsider.membershipId! }, origin)).status).toBe("not-found");
  const [letter] = await db.emailMessage.findMany({ where: { to: ann.email } });
  expect(letter.text).toContain("Olwen Officer at your council booked this for you.");
  expect(await db.auditEvent.count({ where: { type: "place-booked", userId: ann.id, actorId: officer.id } })).toBe(1);
  // someone staff took off the course is not put back by an officer
  await db.booking.updateMany({ where: { courseId: course.id, userId: ann.id }, data: { status: "removed" } });
  expect((await bookMember({ ...act, membershipId: ann.membershipId! }, origin)).status).toBe("removed");
});
