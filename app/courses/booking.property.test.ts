// Random sequences of booking, cancelling, accepting, declining, time passing (offers expiring, booking
// closing), staff moving someone up the list and changing the number of places, run against the real
// database; after every step the rules are checked on what the database holds:
//   - places held (confirmed and offered) never exceed the places;
//   - nobody holds two bookings on the course;
//   - while booking is open, nobody waits while a place is free and not offered;
//   - the waiting list is in the order people joined, except for staff moves;
//   - a freed place is offered to the first people waiting, in order.
import fc from "fast-check";
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { acceptOffer, bookPlace, cancelBooking, declineOffer, expireOffers } from "./booking.server";
import { updateCourse } from "./courses.server";
import { moveToFront } from "./delegates.server";

const HOUR = 3_600_000;
const PEOPLE = 6;
const origin = { ip: "192.0.2.99", userAgent: "fast-check" };

type Step =
  | { kind: "book" | "cancel" | "accept" | "decline" | "move"; who: number }
  | { kind: "wait"; hours: number }
  | { kind: "places"; capacity: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("book" as const), who: fc.nat(PEOPLE - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), who: fc.nat(PEOPLE - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("accept" as const), who: fc.nat(PEOPLE - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("decline" as const), who: fc.nat(PEOPLE - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), who: fc.nat(PEOPLE - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("places" as const), capacity: fc.integer({ min: 1, max: 4 }) }) },
);

async function snapshot(courseId: string) {
  const [course, bookings] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { capacity: true, bookingClosesAt: true } }),
    db.booking.findMany({ where: { courseId }, orderBy: { queueNumber: "asc" }, select: { userId: true, status: true } }),
  ]);
  const having = (status: string) => bookings.filter((booking) => booking.status === status).map((booking) => booking.userId);
  return { course, bookings, confirmed: having("confirmed"), offered: having("offered"), waiting: having("waiting") };
}

test("booking rules hold after every step of random sequences", async () => {
  const council = await createCouncil();
  const people = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => createUser({ councilId: council.id, name: `Person ${i}` })));
  const staff = await createUser({ role: "staff" });

  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(step, { minLength: 5, maxLength: 25 }), async (capacity, steps) => {
      let now = new Date();
      // Booking closes 5 days from now, so longer sequences also run on after closing.
      const course = await createCourse({ capacity, offerHours: 24, bookingClosesAt: new Date(now.getTime() + 5 * 24 * HOUR) }, now);
      // The order people joined the list, as they did it, with staff moves applied: what the list must follow.
      let joined: string[] = [];
      for (const action of steps) {
        const before = await snapshot(course.id);
        const person = "who" in action ? people[action.who] : null;
        const bookingId = person
          ? (await db.booking.findUnique({ where: { courseId_userId: { courseId: course.id, userId: person.id } }, select: { id: true } }))?.id
          : undefined;
        const own = { bookingId: bookingId ?? "none", userId: person?.id ?? "" };
        if (action.kind === "book") {
          const outcome = await bookPlace({ courseId: course.id, userId: person!.id }, origin, now);
          if (outcome.status === "confirmed" || outcome.status === "waiting") joined = [...joined.filter((id) => id !== person!.id), person!.id];
        } else if (action.kind === "cancel") await cancelBooking(own, origin, now);
        else if (action.kind === "accept") await acceptOffer(own, origin, now);
        else if (action.kind === "decline") await declineOffer(own, origin, now);
        else if (action.kind === "move") {
          const moved = await moveToFront({ courseId: course.id, bookingId: own.bookingId, actorId: staff.id, reason: "Property test" }, origin, now);
          if (moved.status === "moved") joined = [person!.id, ...joined.filter((id) => id !== person!.id)];
        } else if (action.kind === "wait") {
          now = new Date(now.getTime() + action.hours * HOUR);
          await expireOffers(now);
        } else if (action.kind === "places") {
          const { id: _id, status: _s, publishedAt: _p, cancelledAt: _c, lastTicket: _t, createdAt: _cr, updatedAt: _u, ...input } = course;
          await updateCourse({ courseId: course.id, input: { ...input, capacity: action.capacity }, actorId: staff.id }, origin, now);
        }

        const after = await snapshot(course.id);
        const label = `${JSON.stringify(action)} after ${JSON.stringify(steps)}`;
        expect(after.confirmed.length + after.offered.length, `places held ≤ places: ${label}`).toBeLessThanOrEqual(after.course.capacity);
        expect(new Set(after.bookings.map((booking) => booking.userId)).size, `one booking each: ${label}`).toBe(after.bookings.length);
        if (now < after.course.bookingClosesAt && after.waiting.length > 0) {
          expect(after.confirmed.length + after.offered.length, `nobody waits beside a free place: ${label}`).toBe(after.course.capacity);
        }
        expect(after.waiting, `the list keeps the order people joined: ${label}`).toEqual(joined.filter((id) => after.waiting.includes(id)));
        // New offers went to the first people waiting before this step (less whoever just left the list).
        const offeredNow = after.offered.filter((id) => !before.offered.includes(id));
        const queue = before.waiting.filter((id) => id !== person?.id || action.kind === "move");
        const firstWaiting = action.kind === "move" ? [person!.id, ...queue.filter((id) => id !== person!.id)] : queue;
        if (offeredNow.length > 0) expect(offeredNow, `offers in order: ${label}`).toEqual(firstWaiting.slice(0, offeredNow.length));
      }
    }),
    { numRuns: 25 },
  );
}, 240_000);
