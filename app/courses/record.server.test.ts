// Courses in a person's learning record, from the register, on the real database (SQLite here, PostgreSQL
// with `npm run test:pg`).
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { findModule } from "~/content/content.server";
import { db } from "~/utils/db.server";
import { bookPlace } from "./booking.server";
import { cancelCourse } from "./courses.server";
import { markAttendance } from "./delegates.server";
import { attendedCourses } from "./record.server";

const origin = { ip: "192.0.2.18", userAgent: "Vitest" };
const DAY = 86_400_000;

async function book(courseId: string, userId: string, now: Date) {
  const outcome = await bookPlace({ courseId, userId }, origin, now);
  if (outcome.status !== "confirmed") throw new Error(`not booked: ${outcome.status}`);
  return outcome.bookingId;
}

test("only the person's own places marked attended count, on courses that went ahead, with the module each goes with", async () => {
  const booked = new Date();
  const council = await createCouncil();
  const [ann, bob] = await Promise.all([createUser({ councilId: council.id }), createUser({ councilId: council.id })]);
  const staff = await createUser({ role: "staff" });
  const module = findModule("prevent-duty", "en")!;
  const blended = await createCourse({ moduleId: module.id }, booked);
  const plain = await createCourse({ startsAt: new Date(blended.startsAt.getTime() + DAY) }, booked);
  const missed = await createCourse({ startsAt: new Date(blended.startsAt.getTime() + 2 * DAY) }, booked);
  const unmarked = await createCourse({ startsAt: new Date(blended.startsAt.getTime() + 3 * DAY) }, booked);
  const calledOff = await createCourse({ moduleId: module.id, startsAt: new Date(blended.startsAt.getTime() + 4 * DAY) }, booked);
  const places = {
    blended: await book(blended.id, ann.id, booked),
    plain: await book(plain.id, ann.id, booked),
    missed: await book(missed.id, ann.id, booked),
    unmarked: await book(unmarked.id, ann.id, booked),
    calledOff: await book(calledOff.id, ann.id, booked),
    bobs: await book(blended.id, bob.id, booked),
  };
  const after = new Date(calledOff.endsAt.getTime() + DAY);
  const mark = (courseId: string, bookingId: string, attendance: "attended" | "absent") =>
    markAttendance({ courseId, marks: [{ bookingId, attendance }], actorId: staff.id }, origin, after);
  await mark(blended.id, places.blended, "attended");
  await mark(blended.id, places.bobs, "attended");
  await mark(plain.id, places.plain, "attended");
  await mark(missed.id, places.missed, "absent");
  await mark(calledOff.id, places.calledOff, "attended");
  // called off after its register was marked: the course did not go ahead, so the mark is no attendance
  expect(await cancelCourse({ courseId: calledOff.id, actorId: staff.id }, origin, after)).toMatchObject({ status: "cancelled" });

  const record = await attendedCourses(ann.id);
  expect(record.map((course) => course.courseId)).toEqual([plain.id, blended.id]); // latest first
  expect(record[1]).toEqual({
    courseId: blended.id,
    title: blended.title,
    startsAt: blended.startsAt,
    endsAt: blended.endsAt,
    topic: blended.topic,
    moduleId: module.id,
    moduleTitle: module.title,
  });
  expect(record[0]).toMatchObject({ moduleId: null, moduleTitle: null });
  expect((await attendedCourses(ann.id, { moduleId: module.id })).map((course) => course.courseId)).toEqual([blended.id]);
  expect((await attendedCourses(bob.id)).map((course) => course.courseId)).toEqual([blended.id]);
  expect(await attendedCourses((await createUser({ councilId: council.id })).id)).toEqual([]);
});

test("attending a course that goes with a module does not complete the module", async () => {
  const booked = new Date();
  const ann = await createUser();
  const staff = await createUser({ role: "staff" });
  const course = await createCourse({ moduleId: "prevent-duty" }, booked);
  const place = await book(course.id, ann.id, booked);
  const after = new Date(course.endsAt.getTime() + DAY);
  await markAttendance({ courseId: course.id, marks: [{ bookingId: place, attendance: "attended" }], actorId: staff.id }, origin, after);

  expect(await attendedCourses(ann.id, { moduleId: "prevent-duty" })).toHaveLength(1);
  expect(await db.moduleCompletion.count({ where: { userId: ann.id } })).toBe(0);
});
