// A person's private calendar feed, on the real database (SQLite here, PostgreSQL with `npm run test:pg`),
// read back with ical.js as a calendar app would: it must name the same events the emailed invites did.
import ICAL from "ical.js";
import { expect, test } from "vitest";
import { createCouncil, createCourse, createUser } from "../../tests/factories";
import { invitesTo } from "../../tests/calendar";
import { deactivateUser, reactivateUser } from "~/models/user.server";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { bookPlace } from "./booking.server";
import { calendarFeedFor, createCalendarFeed, hasCalendarFeed, revokeCalendarFeed } from "./calendar-feed.server";
import { cancelCourse, updateCourse } from "./courses.server";
import { bookingUid } from "./invites.server";

const origin = { ip: "192.0.2.18", userAgent: "Vitest" };
const DAY = 86_400_000;

async function book(courseId: string, userId: string) {
  const outcome = await bookPlace({ courseId, userId }, origin);
  if (outcome.status !== "confirmed" && outcome.status !== "waiting") throw new Error(`not booked: ${outcome.status}`);
  return outcome.bookingId;
}

function eventsOf(feed: string | null) {
  if (feed === null) throw new Error("no feed");
  const calendar = new ICAL.Component(ICAL.parse(feed));
  return {
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((event) => ({
      uid: String(event.getFirstPropertyValue("uid")),
      sequence: Number(event.getFirstPropertyValue("sequence")),
      status: event.getFirstPropertyValue("status"),
      summary: event.getFirstPropertyValue("summary"),
    })),
  };
}

test("the feed has the person's places, each with its booking's UID and the SEQUENCE of the last invite emailed for it", async () => {
  const now = new Date();
  const council = await createCouncil();
  const [ann, bob] = await Promise.all([createUser({ councilId: council.id }), createUser({ councilId: council.id })]);
  const staff = await createUser({ role: "staff" });
  const moved = await createCourse({ startsAt: new Date(now.getTime() + 20 * DAY) }, now);
  const called = await createCourse({ startsAt: new Date(now.getTime() + 40 * DAY) }, now);
  const full = await createCourse({ capacity: 1, startsAt: new Date(now.getTime() + 50 * DAY) }, now);
  const draft = await createCourse({ status: "draft", startsAt: new Date(now.getTime() + 60 * DAY) }, now);
  const movedBooking = await book(moved.id, ann.id);
  const calledBooking = await book(called.id, ann.id);
  await book(full.id, bob.id);
  await book(full.id, ann.id); // waiting: no place, no event
  await book(moved.id, bob.id);
  // a booking on a draft cannot be made through the pages: written here to show drafts never reach the feed
  await db.booking.create({ data: { courseId: draft.id, userId: ann.id, status: "confirmed", queueNumber: 1, requestedAt: now, confirmedAt: now } });

  // moving the course sends an updated invite (SEQUENCE 1); cancelling the other sends a CANCEL (SEQUENCE 1)
  const { id: _id, status: _s, publishedAt: _p, cancelledAt: _c, lastTicket: _t, createdAt: _cr, updatedAt: _u, ...input } = moved;
  const update = await updateCourse({ courseId: moved.id, input: { ...input, venue: "Guildhall" }, actorId: staff.id }, origin, now);
  expect(update).toMatchObject({ status: "saved" });
  expect(await cancelCourse({ courseId: called.id, actorId: staff.id }, origin, now)).toMatchObject({ status: "cancelled" });

  const feed = eventsOf(await calendarFeedFor(await createCalendarFeed(ann.id, origin)));
  expect(feed.method).toBeNull();
  expect(feed.name).toBe("Leadership Essentials courses");
  expect(feed.events.map((event) => event.uid)).toEqual([bookingUid(movedBooking), bookingUid(calledBooking)]);
  expect(feed.events.map((event) => event.summary)).toEqual([moved.title, called.title]);
  expect(feed.events.map((event) => event.status)).toEqual(["CONFIRMED", "CANCELLED"]);
  // the same UID and SEQUENCE as the last file emailed for each booking, so a calendar holding both sees one event
  const lastInvite = new Map((await invitesTo(ann.email)).map((invite) => [invite.uid, invite.sequence]));
  expect(feed.events.map((event) => event.sequence)).toEqual([1, 1]);
  expect(feed.events.map((event) => event.sequence)).toEqual(feed.events.map((event) => lastInvite.get(event.uid)));
});

test("a new address replaces the old one at once, and only its SHA-256 is stored", async () => {
  const ann = await createUser();
  expect(await hasCalendarFeed(ann.id)).toBe(false);

  const first = await createCalendarFeed(ann.id, origin);
  expect(first).toMatch(/^[A-Za-z0-9_-]{43,}$/);
  const stored = await db.user.findUniqueOrThrow({ where: { id: ann.id }, select: { calendarFeedHash: true } });
  expect(stored.calendarFeedHash).toBe(hashToken(first));
  expect(stored.calendarFeedHash).not.toContain(first);
  expect(await calendarFeedFor(first)).toContain("BEGIN:VCALENDAR");
  expect(await hasCalendarFeed(ann.id)).toBe(true);

  const second = await createCalendarFeed(ann.id, origin);
  expect(second).not.toBe(first);
  expect(await calendarFeedFor(first)).toBeNull();
  expect(await calendarFeedFor(second)).toContain("BEGIN:VCALENDAR");
  const audit = await db.auditEvent.findMany({ where: { type: "calendar-feed-created", userId: ann.id } });
  expect(audit).toHaveLength(2);
  expect(audit[0]).toMatchObject({ actorId: ann.id, email: ann.email, ip: origin.ip });
  expect(JSON.stringify(audit)).not.toContain(first);
});

test("turning the feed off stops its address and clears the hash; turning it off again changes nothing", async () => {
  const ann = await createUser();
  const secret = await createCalendarFeed(ann.id, origin);

  expect(await revokeCalendarFeed(ann.id, origin)).toBe(true);
  expect((await db.user.findUniqueOrThrow({ where: { id: ann.id } })).calendarFeedHash).toBeNull();
  expect(await calendarFeedFor(secret)).toBeNull();
  expect(await hasCalendarFeed(ann.id)).toBe(false);
  expect(await revokeCalendarFeed(ann.id, origin)).toBe(false);
  expect(await db.auditEvent.count({ where: { type: "calendar-feed-revoked", userId: ann.id } })).toBe(1);
});

test("a deactivated account's feed is not served, and neither is an address that was never made", async () => {
  const [ann, staff] = await Promise.all([createUser(), createUser({ role: "staff" })]);
  const secret = await createCalendarFeed(ann.id, origin);
  expect(await calendarFeedFor(secret)).not.toBeNull();

  await deactivateUser({ userId: ann.id, actorId: staff.id }, origin);
  expect(await calendarFeedFor(secret)).toBeNull();
  // Deactivating ends the address for good: reactivated, they make a new one.
  await reactivateUser({ userId: ann.id, actorId: staff.id }, origin);
  expect(await calendarFeedFor(secret)).toBeNull();
  for (const unknown of ["", "x", secret.slice(1), `${secret}x`, "a".repeat(5000)]) expect(await calendarFeedFor(unknown)).toBeNull();
});
