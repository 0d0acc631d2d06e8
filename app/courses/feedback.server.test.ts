// Feedback after a course, on the real database (SQLite here, PostgreSQL with `npm run test:pg`): who may
// give it, once each even when two submissions arrive together, and the totals staff see.
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { bookPlace } from "./booking.server";
import { cancelCourse } from "./courses.server";
import { markAttendance } from "./delegates.server";
import { coursesAwaitingFeedback } from "~/requirements/learning-record.server";
import { askForFeedback, feedbackFor, feedbackStateFor, giveFeedback, summarise } from "./feedback.server";
import type { Attendance } from "./rules";

const origin = { ip: "192.0.2.19", userAgent: "Vitest" };
const DAY = 86_400_000;
const ANSWERS = { usefulness: 4, willDo: null, comments: null } as const;

/**
 * A course that started `daysAgo` days ago (lasting `hours`), with `people` councillors booked on it and the
 * register marked as given (a mark for each person in turn; null leaves one unmarked).
 */
async function courseWith(marks: (Attendance | null)[], { daysAgo = 10, hours = 6, extra = 0 } = {}) {
  const startsAt = new Date(Date.now() - daysAgo * DAY);
  const booked = new Date(startsAt.getTime() - 10 * DAY);
  const course = await createCourse({ startsAt, endsAt: new Date(startsAt.getTime() + hours * 3_600_000) }, booked);
  const council = await createCouncil();
  const people = await Promise.all(Array.from({ length: marks.length + extra }, (_, i) => createUser({ councilId: council.id, name: `Delegate ${i}` })));
  const bookings: string[] = [];
  for (const person of people.slice(0, marks.length)) {
    const outcome = await bookPlace({ courseId: course.id, userId: person.id }, origin, booked);
    if (outcome.status !== "confirmed") throw new Error(`not booked: ${outcome.status}`);
    bookings.push(outcome.bookingId);
  }
  const staff = await createUser({ role: "staff" });
  const given = marks.flatMap((attendance, i) => (attendance ? [{ bookingId: bookings[i]!, attendance }] : []));
  await markAttendance({ courseId: course.id, marks: given, actorId: staff.id }, origin, new Date(startsAt.getTime() + 60_000));
  return { course, people, staff };
}

test("only a delegate the register marked as attended may give feedback, and only once the course has ended", async () => {
  const { course, people } = await courseWith(["attended", "absent", null], { extra: 1 });
  const [ann, bob, cat, dan] = people;
  expect(await giveFeedback({ courseId: course.id, userId: bob!.id, ...ANSWERS })).toEqual({ status: "not-attended" });
  expect(await giveFeedback({ courseId: course.id, userId: cat!.id, ...ANSWERS })).toEqual({ status: "not-attended" });
  // never booked at all
  expect(await giveFeedback({ courseId: course.id, userId: dan!.id, ...ANSWERS })).toEqual({ status: "not-attended" });
  expect(await giveFeedback({ courseId: course.id, userId: ann!.id, ...ANSWERS }, new Date(course.endsAt.getTime() - 60_000))).toEqual({ status: "not-ended" });
  expect(await db.courseFeedback.count({ where: { courseId: course.id } })).toBe(0);

  expect(await giveFeedback({ courseId: course.id, userId: ann!.id, usefulness: 5, willDo: "Brief my group", comments: "Good day" })).toEqual({ status: "given" });
  expect(await giveFeedback({ courseId: course.id, userId: ann!.id, usefulness: 1, willDo: null, comments: "Changed my mind" })).toEqual({ status: "already" });
  expect(await db.courseFeedback.findMany({ where: { courseId: course.id }, select: { userId: true, usefulness: true, comments: true } })).toEqual([
    { userId: ann!.id, usefulness: 5, comments: "Good day" },
  ]);
  expect((await feedbackStateFor({ courseId: course.id, userId: ann!.id }))?.state).toBe("already");
  expect(await giveFeedback({ courseId: "no-such-course", userId: ann!.id, ...ANSWERS })).toEqual({ status: "not-found" });
});

test("a residential still running, a cancelled course and a draft take no feedback", async () => {
  const running = await courseWith(["attended"], { daysAgo: 1, hours: 48 });
  expect(await giveFeedback({ courseId: running.course.id, userId: running.people[0]!.id, ...ANSWERS })).toEqual({ status: "not-ended" });
  // the same course, two days on, has ended
  expect(await giveFeedback({ courseId: running.course.id, userId: running.people[0]!.id, ...ANSWERS }, new Date(Date.now() + 2 * DAY))).toEqual({ status: "given" });

  const calledOff = await courseWith(["attended"]);
  await cancelCourse({ courseId: calledOff.course.id, actorId: calledOff.staff.id }, origin);
  expect(await giveFeedback({ courseId: calledOff.course.id, userId: calledOff.people[0]!.id, ...ANSWERS })).toEqual({ status: "not-attended" });

  const draft = await courseWith(["attended"]);
  await db.course.update({ where: { id: draft.course.id }, data: { status: "draft" } });
  expect(await giveFeedback({ courseId: draft.course.id, userId: draft.people[0]!.id, ...ANSWERS })).toEqual({ status: "not-found" });
});

test("one feedback per person even when several submissions arrive at once", async () => {
  const { course, people } = await courseWith(["attended"]);
  const outcomes = await Promise.all(
    [5, 4, 3, 2, 1].map((usefulness) => giveFeedback({ courseId: course.id, userId: people[0]!.id, usefulness: usefulness as 1, willDo: null, comments: `Try ${usefulness}` })),
  );
  expect(outcomes.filter((outcome) => outcome.status === "given")).toHaveLength(1);
  expect(outcomes.filter((outcome) => outcome.status === "already")).toHaveLength(4);
  expect(await db.courseFeedback.count({ where: { courseId: course.id } })).toBe(1);
});

test("staff's totals: responses against those who attended, the average and each point of the scale, the answers without names", async () => {
  const { course, people } = await courseWith(["attended", "attended", "attended", "attended", "attended", "absent"]);
  const answers = [
    { usefulness: 5, willDo: "Hold a ward surgery on cohesion", comments: "The panel was the best part" },
    { usefulness: 4, willDo: null, comments: "Ran over time" },
    { usefulness: 4, willDo: "Read our cohesion plan", comments: null },
    { usefulness: 1, willDo: null, comments: null },
  ] as const;
  for (const [i, answer] of answers.entries()) {
    expect(await giveFeedback({ courseId: course.id, userId: people[i]!.id, ...answer }, new Date(Date.now() + i * 1000))).toEqual({ status: "given" });
  }
  const totals = await feedbackFor(course.id);
  // 4 of the 5 who attended (the absent one is not counted); (5 + 4 + 4 + 1) / 4 = 3.5
  expect(totals).toEqual({
    count: 4,
    attended: 5,
    responseRate: 0.8,
    average: 3.5,
    distribution: [
      { score: 1, count: 1 },
      { score: 2, count: 0 },
      { score: 3, count: 0 },
      { score: 4, count: 2 },
      { score: 5, count: 1 },
    ],
    willDo: ["Hold a ward surgery on cohesion", "Read our cohesion plan"],
    comments: ["The panel was the best part", "Ran over time"],
  });
  const text = JSON.stringify(totals);
  for (const person of people) {
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(person.id);
  }

  const empty = await courseWith(["absent"]);
  expect(await feedbackFor(empty.course.id)).toMatchObject({ count: 0, attended: 0, responseRate: null, average: null });
});

test("the totals' arithmetic: an average to one decimal place, no rate when nobody attended", () => {
  expect(summarise([5, 4, 4], 6)).toMatchObject({ count: 3, attended: 6, responseRate: 0.5, average: 4.3 });
  expect(summarise([2, 3], 2).distribution.map((point) => point.count)).toEqual([0, 1, 1, 0, 0]);
  expect(summarise([], 0)).toMatchObject({ count: 0, responseRate: null, average: null });
});

test("a person's home page is asked for feedback on courses they attended that have ended, until they give it", async () => {
  const ended = await courseWith(["attended", "absent"]);
  const [ann, bob] = ended.people;
  expect(await coursesAwaitingFeedback(ann!.id)).toEqual([ended.course.id]);
  expect(await coursesAwaitingFeedback(bob!.id)).toEqual([]);
  await giveFeedback({ courseId: ended.course.id, userId: ann!.id, ...ANSWERS });
  expect(await coursesAwaitingFeedback(ann!.id)).toEqual([]);

  const running = await courseWith(["attended"], { daysAgo: 1, hours: 48 });
  expect(await coursesAwaitingFeedback(running.people[0]!.id)).toEqual([]);
});

test("after the course, each delegate marked attended is emailed once for feedback, in their language, even when the job runs twice at once", async () => {
  const { course, people } = await courseWith(["attended", "attended", "absent", "attended"]);
  const [ann, bob, cat, dan] = people;
  await db.user.update({ where: { id: bob!.id }, data: { language: "cy" } });
  await giveFeedback({ courseId: course.id, userId: dan!.id, ...ANSWERS });
  await Promise.all([askForFeedback(), askForFeedback()]);
  const sent = await db.emailMessage.findMany({ where: { to: { in: people.map((person) => person!.email) } }, select: { to: true, subject: true, text: true } });
  const about = sent.filter((message) => message.text.includes(`/courses/${course.id}/feedback`));
  expect(about.map((message) => message.to).sort()).toEqual([ann!.email, bob!.email].sort());
  expect(about.find((message) => message.to === ann!.email)?.subject).toBe(`How was ${course.title}? Tell us in a minute`);
  expect(about.find((message) => message.to === bob!.email)?.text).toContain(`/courses/${course.id}/feedback?lng=cy`);
  expect(sent.some((message) => message.to === cat!.email && message.text.includes("/feedback"))).toBe(false);
  // run again later: nobody is asked twice
  expect(await askForFeedback()).toBe(0);

  // a course still running asks nobody yet; one long past asks nobody at all
  const running = await courseWith(["attended"], { daysAgo: 1, hours: 48 });
  const old = await courseWith(["attended"], { daysAgo: 40 });
  expect(await askForFeedback()).toBe(0);
  expect(await db.booking.findFirst({ where: { courseId: { in: [running.course.id, old.course.id] }, feedbackAskedAt: { not: null } } })).toBeNull();
});
