// The booking race through the councillor's course page (courses.$courseId.tsx), on SQLite and, with `npm run test:pg`,
// on PostgreSQL: its action called for 200 people at once as Remix calls it (form, permission, booking, flash redirect),
// without a server. `npm run bench` runs the same race over HTTP on SQLite (tests/bench/booking-race.ts).
import { expect, test } from "vitest";
import { createCouncil, createCourse } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { db } from "~/utils/db.server";
import { getFlash } from "~/utils/flash.server";
import * as coursePage from "./courses.$courseId";

async function flashOf(response: Response) {
  const cookie = response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  return (await getFlash(new Request("http://localhost/courses", { headers: { Cookie: cookie } }))).message;
}

test("200 councillors press Book on a 20-place course at once: 20 booked, 180 told their own place in the queue, nobody shown an error", async () => {
  const course = await createCourse({ capacity: 20 });
  const council = await createCouncil();
  const people = await Promise.all(Array.from({ length: 200 }, () => contextFor("councillor", council.id)));
  const here = `/courses/${course.id}`;

  const answers = await Promise.all(
    people.map((context) => outcomeOf(() => coursePage.action(argsFor(here, context, { method: "POST", params: { courseId: course.id }, form: { intent: "book" } })))),
  );
  // Every answer is the redirect back to the page, with a message of its own.
  for (const answer of answers) {
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(302);
    expect((answer as Response).headers.get("Location")).toBe(here);
  }
  const messages = await Promise.all(answers.map((answer) => flashOf(answer as Response)));
  expect(messages.filter((message) => message === "Your place is booked. We have emailed you a calendar invitation.")).toHaveLength(20);
  const told = new Map<string, number>();
  messages.forEach((message, i) => {
    const position = /^The course is full: you are number (\d+) on the waiting list\./.exec(message ?? "")?.[1];
    if (position) told.set(people[i].user!.id, Number(position));
  });
  expect([...told.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));

  // The first 20 the database took have the places; the rest wait in that order, each where they were told.
  const bookings = await db.booking.findMany({ where: { courseId: course.id }, orderBy: { queueNumber: "asc" } });
  expect(new Set(bookings.map((booking) => booking.userId)).size).toBe(200);
  expect(bookings.slice(0, 20).every((booking) => booking.status === "confirmed")).toBe(true);
  expect(bookings.slice(20).map((booking) => [booking.status, told.get(booking.userId)])).toEqual(Array.from({ length: 180 }, (_, i) => ["waiting", i + 1]));
  expect(await db.emailMessage.count({ where: { to: { in: people.map((context) => context.user!.email) } } })).toBe(200);
}, 120_000);
