// Places on a course: booking, the waiting list, offers of freed places, cancelling. The rules that must
// hold under concurrency (a place is never sold twice, nobody jumps the queue, one offer per freed place)
// hold because every change to a course's bookings is one short transaction that starts by writing the
// course's row (lockCourse): the changes to one course queue one after another in the database, on every
// process, and each decides on what the last one left. See docs/decisions/015-scheduled-courses.md.
import type { Letter } from "~/models/account-emails.server";
import { emailLanguages, writeEmail } from "~/models/account-emails.server";
import { recordAudit, type AuditEventType, type RequestOrigin } from "~/models/audit.server";
import { enqueueEmail } from "~/models/email.server";
import type { Prisma } from "@prisma/client";
import { db, type DbClient } from "~/utils/db.server";
import { bookingLetters, courseUrl } from "./course-emails.server";
import { whyNotEligible, type Ineligibility } from "./eligibility";
import { calendarInvite, type InviteMethod } from "./invites.server";
import { HOLDS_PLACE, isActive, offerExpiry, OFFER_REMINDER_HOURS } from "./rules";

/**
 * Booking transactions wait their turn: 200 people booking the same course at once queue on its row, so a
 * request may wait seconds for the connection (SQLite has one) or the lock before its few milliseconds of work.
 */
export const BOOKING_TRANSACTION = { maxWait: 60_000, timeout: 30_000 } as const;

/** What the rules, letters and invites read of a course. */
export const COURSE_FOR_BOOKING = {
  id: true,
  title: true,
  description: true,
  status: true,
  capacity: true,
  startsAt: true,
  endsAt: true,
  bookingOpensAt: true,
  bookingClosesAt: true,
  cancellationCutoffAt: true,
  offerHours: true,
  audience: true,
  nation: true,
  electedWithinMonths: true,
  format: true,
  venue: true,
  address: true,
  joiningLink: true,
  contactName: true,
  contactEmail: true,
  lastTicket: true,
} as const;

/** What eligibility and letters read of a person. */
export const PERSON_FOR_BOOKING = {
  id: true,
  name: true,
  email: true,
  role: true,
  language: true,
  deactivatedAt: true,
  council: { select: { nation: true } },
  // Only memberships the council has confirmed: a claim made at sign-up says nothing until its officer agrees.
  memberships: { where: { leftOfficeOn: null, confirmedAt: { not: null } }, select: { memberSince: true, council: { select: { nation: true } } } },
} as const;

export type BookingCourse = NonNullable<Awaited<ReturnType<typeof lockCourse>>>;
type BookingPerson = Prisma.UserGetPayload<{ select: typeof PERSON_FOR_BOOKING }>;

/**
 * Takes the course for this transaction: the first write, so every other change to its bookings waits until
 * this one commits (PostgreSQL holds the row lock, SQLite the write lock). Raising lastTicket also numbers
 * the waiting list in the order requests arrive. Null when there is no such course.
 */
export async function lockCourse(tx: DbClient, courseId: string) {
  const locked = await tx.course.updateMany({ where: { id: courseId }, data: { lastTicket: { increment: 1 } } });
  if (locked.count === 0) return null;
  return tx.course.findUniqueOrThrow({ where: { id: courseId }, select: COURSE_FOR_BOOKING });
}

/** Why nobody can book this course now, or null when booking is open. */
export function bookingRefusal(course: { status: string; startsAt: Date; bookingOpensAt: Date; bookingClosesAt: Date }, now: Date) {
  if (course.status === "cancelled") return "cancelled" as const;
  if (course.status !== "published") return "not-found" as const;
  if (now >= course.startsAt) return "past" as const;
  if (now < course.bookingOpensAt) return "not-open" as const;
  if (now >= course.bookingClosesAt) return "closed" as const;
  return null;
}

/** An email to the person through the outbox, in this transaction. */
export async function tell(tx: DbClient, person: BookingPerson, letter: Letter, attachments?: ReturnType<typeof calendarInvite>[]) {
  await enqueueEmail({ to: person.email, ...writeEmail(person, letter), attachments }, tx);
}

/** The SEQUENCE of the last calendar file sent for a booking (`calendarSequence` counts the files sent). */
export function lastSentSequence(calendarSequence: number) {
  return Math.max(0, calendarSequence - 1);
}

/** Whether an offer can still be accepted: its expiry is a time, whether or not the expiry job has run. */
export function offerIsOpen(booking: { status: string; offerExpiresAt: Date | null }, now: Date) {
  return booking.status === "offered" && booking.offerExpiresAt !== null && booking.offerExpiresAt > now;
}

/** What a booking becomes when someone is (again) given a place or a place on the list: nothing of a past one stays. */
export function freshBooking(status: "confirmed" | "waiting", queueNumber: number, now: Date) {
  return {
    status,
    queueNumber,
    requestedAt: now,
    confirmedAt: status === "confirmed" ? now : null,
    offeredAt: null,
    offerExpiresAt: null,
    offerReminderSentAt: null,
    cancelRequestedAt: null,
    endedAt: null,
    attendance: null,
  };
}

/**
 * The calendar file for a booking, with the next SEQUENCE, which this raises: every file sent for a
 * booking has a higher SEQUENCE than the one before, whatever happened in between.
 */
export async function nextInvite(tx: DbClient, bookingId: string, course: BookingCourse, person: BookingPerson, method: InviteMethod) {
  const { calendarSequence } = await tx.booking.update({
    where: { id: bookingId },
    data: { calendarSequence: { increment: 1 } },
    select: { calendarSequence: true },
  });
  return calendarInvite({
    bookingId,
    sequence: calendarSequence - 1,
    method,
    course,
    attendee: { name: person.name, email: person.email },
    courseUrl: courseUrl(course.id),
    language: emailLanguages(person)[0],
  });
}

/** Position on the waiting list, from 1. */
export async function waitingPosition(tx: DbClient, courseId: string, queueNumber: number) {
  return 1 + (await tx.booking.count({ where: { courseId, status: "waiting", queueNumber: { lt: queueNumber } } }));
}

/** Places held now: confirmed, or offered and not yet answered. */
export async function placesHeld(tx: DbClient, courseId: string) {
  return tx.booking.count({ where: { courseId, status: { in: HOLDS_PLACE } } });
}

/** How the audit log names a course: "Prevent in practice (2027-03-18)". */
export function courseLabel(course: { title: string; startsAt: Date }) {
  return `${course.title} (${course.startsAt.toISOString().slice(0, 10)})`;
}

export async function auditBooking(
  tx: DbClient,
  type: AuditEventType,
  { person, course, actorId, detail }: { person: { id: string; email: string }; course: { title: string; startsAt: Date }; actorId?: string | null; detail?: string },
  origin: RequestOrigin,
) {
  const text = [courseLabel(course), detail].filter(Boolean).join(": ");
  await recordAudit({ type, userId: person.id, actorId: actorId ?? null, email: person.email, detail: text }, origin, tx);
}

/**
 * Offers the course's free places to the people waiting, first come first served, one offer per free place.
 * Someone no longer eligible when their turn comes leaves the list (and is told). Only while booking is
 * open: after it closes, freed places wait for staff to decide. Runs inside a transaction holding the course.
 */
export async function offerFreePlaces(tx: DbClient, course: BookingCourse, now: Date, origin: RequestOrigin = {}) {
  if (course.status !== "published" || now >= course.bookingClosesAt || now >= course.startsAt) return 0;
  let free = course.capacity - (await placesHeld(tx, course.id));
  let offers = 0;
  while (free > 0) {
    const next = await tx.booking.findFirst({
      where: { courseId: course.id, status: "waiting" },
      orderBy: [{ queueNumber: "asc" }, { requestedAt: "asc" }],
      select: { id: true, user: { select: PERSON_FOR_BOOKING } },
    });
    if (!next) break;
    if (whyNotEligible(next.user, course, now)) {
      await tx.booking.update({ where: { id: next.id }, data: { status: "ineligible", endedAt: now } });
      await tell(tx, next.user, bookingLetters.ineligible({ name: next.user.name, course }));
      await auditBooking(tx, "booking-ended", { person: next.user, course, detail: "no longer eligible when a place was offered" }, origin);
      continue;
    }
    const expiresAt = offerExpiry(now, course);
    await tx.booking.update({
      where: { id: next.id },
      data: { status: "offered", offeredAt: now, offerExpiresAt: expiresAt, offerReminderSentAt: null },
    });
    await tell(tx, next.user, bookingLetters.offered({ name: next.user.name, course, bookingId: next.id, expiresAt }));
    await auditBooking(tx, "place-offered", { person: next.user, course, detail: `until ${expiresAt.toISOString()}` }, origin);
    free--;
    offers++;
  }
  return offers;
}

export type BookingRequest = {
  courseId: string;
  userId: string;
  accessNeeds?: string | null;
  dietaryNeeds?: string | null;
  /** Staff or an officer booking for the person */
  actorId?: string | null;
  /** An officer of the person's council booking for them: named in the email, and never putting back someone staff removed */
  bookedBy?: string | null;
};

export type BookingOutcome =
  | { status: "confirmed"; bookingId: string }
  | { status: "waiting"; bookingId: string; position: number }
  | { status: "already"; bookingId: string; bookingStatus: string }
  | { status: "not-eligible"; reason: Ineligibility }
  | { status: "not-found" | "cancelled" | "past" | "not-open" | "closed" | "removed" };

/**
 * Books a place, or a place on the waiting list when the course is full or people are already waiting
 * (a free place is theirs first). One booking per person and course: booking again after cancelling
 * reuses it, at the back of the queue.
 */
export async function bookPlace(request: BookingRequest, origin: RequestOrigin, now = new Date()): Promise<BookingOutcome> {
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, request.courseId);
    if (!course) return { status: "not-found" };
    const refusal = bookingRefusal(course, now);
    if (refusal) return { status: refusal };
    const person = await tx.user.findUnique({ where: { id: request.userId }, select: PERSON_FOR_BOOKING });
    if (!person) return { status: "not-found" };
    const reason = whyNotEligible(person, course, now);
    if (reason) return { status: "not-eligible", reason };
    const existing = await tx.booking.findUnique({ where: { courseId_userId: { courseId: course.id, userId: person.id } }, select: { id: true, status: true } });
    if (existing && isActive(existing.status)) return { status: "already", bookingId: existing.id, bookingStatus: existing.status };
    // Staff took them off this course: only staff can put them back.
    if (existing?.status === "removed" && (!request.actorId || request.bookedBy)) return { status: "removed" };

    const waiting = await tx.booking.count({ where: { courseId: course.id, status: "waiting" } });
    const confirmed = waiting === 0 && (await placesHeld(tx, course.id)) < course.capacity;
    const data = {
      ...freshBooking(confirmed ? "confirmed" : "waiting", course.lastTicket, now),
      accessNeeds: request.accessNeeds || null,
      dietaryNeeds: request.dietaryNeeds || null,
    };
    const booking = existing
      ? await tx.booking.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.booking.create({ data: { ...data, courseId: course.id, userId: person.id }, select: { id: true } });

    if (confirmed) {
      const invite = await nextInvite(tx, booking.id, course, person, "REQUEST");
      await tell(tx, person, bookingLetters.confirmed({ name: person.name, course, bookedBy: request.bookedBy }), [invite]);
      await auditBooking(tx, "place-booked", { person, course, actorId: request.actorId }, origin);
      return { status: "confirmed", bookingId: booking.id };
    }
    const position = await waitingPosition(tx, course.id, course.lastTicket);
    await tell(tx, person, bookingLetters.waiting({ name: person.name, course, position, bookedBy: request.bookedBy }));
    await auditBooking(tx, "waiting-list-joined", { person, course, actorId: request.actorId, detail: `position ${position}` }, origin);
    return { status: "waiting", bookingId: booking.id, position };
  }, BOOKING_TRANSACTION);
}

/** The person's own booking; with `courseId`, only a booking on that course (the course page's buttons). */
type OwnBooking = { bookingId: string; userId: string; courseId?: string };

/**
 * The person's own booking, in a transaction holding its course: null when it is not theirs (or gone).
 * Reads the booking's course id first, outside the transaction: it never changes.
 */
async function withOwnBooking<T>(
  { bookingId, userId, courseId }: OwnBooking,
  work: (tx: DbClient, course: BookingCourse, booking: { id: string; status: string; offerExpiresAt: Date | null; user: BookingPerson }) => Promise<T>,
) {
  const found = await db.booking.findFirst({ where: { id: bookingId, userId, courseId }, select: { courseId: true } });
  if (!found) return null;
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, found.courseId);
    const booking = await tx.booking.findFirst({
      where: { id: bookingId, userId, courseId },
      select: { id: true, status: true, offerExpiresAt: true, user: { select: PERSON_FOR_BOOKING } },
    });
    if (!course || !booking) return null;
    return work(tx, course, booking);
  }, BOOKING_TRANSACTION);
}

/**
 * The person cancels: a place before the cut-off is freed (and offered to whoever is waiting); after the
 * cut-off, staff decide, and the place is kept until they do. On the waiting list, they leave it; with an
 * offer open, they decline it.
 */
export async function cancelBooking(own: OwnBooking, origin: RequestOrigin, now = new Date()) {
  const outcome = await withOwnBooking(own, async (tx, course, booking) => {
    const person = booking.user;
    if (booking.status === "offered") return declineInTransaction(tx, course, booking, now, origin);
    if (booking.status === "waiting") {
      await tx.booking.update({ where: { id: booking.id }, data: { status: "cancelled", endedAt: now } });
      await tell(tx, person, bookingLetters.leftWaitingList({ name: person.name, course }));
      await auditBooking(tx, "booking-ended", { person, course, detail: "left the waiting list" }, origin);
      return { status: "left-waiting-list" } as const;
    }
    if (booking.status !== "confirmed") return { status: "not-active" } as const;
    if (now >= course.startsAt) return { status: "past" } as const;
    if (now >= course.cancellationCutoffAt) {
      const asked = await tx.booking.updateMany({ where: { id: booking.id, cancelRequestedAt: null }, data: { cancelRequestedAt: now } });
      if (asked.count === 1) {
        await tell(tx, person, bookingLetters.cancelRequested({ name: person.name, course }));
        await auditBooking(tx, "cancellation-requested", { person, course }, origin);
      }
      return { status: "requested" } as const;
    }
    await tx.booking.update({ where: { id: booking.id }, data: { status: "cancelled", endedAt: now } });
    const cancellation = await nextInvite(tx, booking.id, course, person, "CANCEL");
    await tell(tx, person, bookingLetters.cancelled({ name: person.name, course }), [cancellation]);
    await auditBooking(tx, "booking-ended", { person, course, detail: "cancelled by the delegate" }, origin);
    await offerFreePlaces(tx, course, now, origin);
    return { status: "cancelled" } as const;
  });
  return outcome ?? ({ status: "not-found" } as const);
}

/** The offer in a booking still open at `now`, as a condition of the write that answers it. */
function openOffer(now: Date) {
  return { status: "offered", offerExpiresAt: { gt: now } };
}

/**
 * Why an offer could not be answered: still "offered" means its time has passed, "expired" that the job
 * ended it first; anything else was never an open offer.
 */
function unanswerable(status: string) {
  return { status: status === "offered" || status === "expired" ? "expired" : "not-offered" } as const;
}

async function declineInTransaction(tx: DbClient, course: BookingCourse, booking: { id: string; status: string; user: BookingPerson }, now: Date, origin: RequestOrigin) {
  const declined = await tx.booking.updateMany({ where: { id: booking.id, ...openOffer(now) }, data: { status: "declined", endedAt: now } });
  // An offer whose time has passed ended then, declined or not: the expiry job records it as expired.
  if (declined.count === 0) return unanswerable(booking.status);
  await tell(tx, booking.user, bookingLetters.declined({ name: booking.user.name, course }));
  await auditBooking(tx, "offer-declined", { person: booking.user, course }, origin);
  await offerFreePlaces(tx, course, now, origin);
  return { status: "declined" } as const;
}

/**
 * Accepts an open offer. Its expiry is a time: after it the offer cannot be accepted, even before the
 * expiry job has run. Racing the job, the conditional update gives exactly one outcome.
 */
export async function acceptOffer(own: OwnBooking, origin: RequestOrigin, now = new Date()) {
  const outcome = await withOwnBooking(own, async (tx, course, booking) => {
    if (booking.status === "confirmed") return { status: "already-confirmed" } as const;
    const accepted = await tx.booking.updateMany({ where: { id: booking.id, ...openOffer(now) }, data: { status: "confirmed", confirmedAt: now } });
    if (accepted.count === 0) return unanswerable(booking.status);
    const invite = await nextInvite(tx, booking.id, course, booking.user, "REQUEST");
    await tell(tx, booking.user, bookingLetters.confirmed({ name: booking.user.name, course }), [invite]);
    await auditBooking(tx, "offer-accepted", { person: booking.user, course }, origin);
    return { status: "confirmed" } as const;
  });
  return outcome ?? ({ status: "not-found" } as const);
}

export async function declineOffer(own: OwnBooking, origin: RequestOrigin, now = new Date()) {
  const outcome = await withOwnBooking(own, (tx, course, booking) => declineInTransaction(tx, course, booking, now, origin));
  return outcome ?? ({ status: "not-found" } as const);
}

/**
 * Ends offers whose time has passed and passes each place on. Safe to run in several processes at once:
 * each offer is ended by one conditional update, so it is ended, told and passed on once.
 */
export async function expireOffers(now = new Date(), { limit = 200 } = {}) {
  const due = await db.booking.findMany({
    where: { status: "offered", offerExpiresAt: { lte: now } },
    orderBy: { offerExpiresAt: "asc" },
    take: limit,
    select: { id: true, courseId: true },
  });
  let expired = 0;
  for (const { id, courseId } of due) {
    expired += await db.$transaction(async (tx) => {
      const course = await lockCourse(tx, courseId);
      if (!course) return 0;
      const ended = await tx.booking.updateMany({ where: { id, status: "offered", offerExpiresAt: { lte: now } }, data: { status: "expired", endedAt: now } });
      if (ended.count === 0) return 0;
      const { user } = await tx.booking.findUniqueOrThrow({ where: { id }, select: { user: { select: PERSON_FOR_BOOKING } } });
      await tell(tx, user, bookingLetters.offerExpired({ name: user.name, course }));
      await auditBooking(tx, "offer-expired", { person: user, course }, {});
      await offerFreePlaces(tx, course, now);
      return 1;
    }, BOOKING_TRANSACTION);
  }
  return expired;
}

/** One "your offer ends soon" email per offer, in its last hours; claimed by a conditional update, so sent once. */
export async function remindEndingOffers(now = new Date(), { limit = 200 } = {}) {
  const soon = new Date(now.getTime() + OFFER_REMINDER_HOURS * 3_600_000);
  const due = await db.booking.findMany({
    where: { status: "offered", offerReminderSentAt: null, offerExpiresAt: { gt: now, lte: soon } },
    take: limit,
    select: { id: true, offeredAt: true, offerExpiresAt: true, course: { select: COURSE_FOR_BOOKING }, user: { select: PERSON_FOR_BOOKING } },
  });
  let reminded = 0;
  for (const offer of due) {
    // An offer shorter than the reminder window (near the date) is all "soon": no reminder on top of the offer.
    if (!offer.offeredAt || !offer.offerExpiresAt || offer.offerExpiresAt.getTime() - offer.offeredAt.getTime() <= OFFER_REMINDER_HOURS * 3_600_000) continue;
    reminded += await db.$transaction(async (tx) => {
      const claimed = await tx.booking.updateMany({
        where: { id: offer.id, status: "offered", offerReminderSentAt: null, offeredAt: offer.offeredAt },
        data: { offerReminderSentAt: now },
      });
      if (claimed.count === 0) return 0;
      const letter = bookingLetters.offerEndsSoon({ name: offer.user.name, course: offer.course, bookingId: offer.id, expiresAt: offer.offerExpiresAt! });
      await tell(tx, offer.user, letter);
      return 1;
    }, BOOKING_TRANSACTION);
  }
  return reminded;
}

/** An offer as its page shows it: the person's own booking, and whether the offer is still open. */
export async function offerFor({ bookingId, userId }: OwnBooking, now = new Date()) {
  const booking = await db.booking.findFirst({
    where: { id: bookingId, userId },
    select: { status: true, offerExpiresAt: true, course: { select: { id: true, title: true, language: true, status: true } } },
  });
  if (!booking || booking.course.status === "draft") return null;
  return { ...booking, open: offerIsOpen(booking, now) };
}

/** The calendar file of a confirmed place as last sent (same SEQUENCE): null without one. */
export async function bookingCalendarFile({ courseId, userId }: { courseId: string; userId: string }) {
  const booking = await db.booking.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: { id: true, status: true, calendarSequence: true, course: { select: COURSE_FOR_BOOKING }, user: { select: PERSON_FOR_BOOKING } },
  });
  if (!booking || booking.status !== "confirmed" || booking.course.status !== "published") return null;
  return calendarInvite({
    bookingId: booking.id,
    sequence: lastSentSequence(booking.calendarSequence),
    method: "REQUEST",
    course: booking.course,
    attendee: { name: booking.user.name, email: booking.user.email },
    courseUrl: courseUrl(courseId),
    // in the emailed invite's language, so the file is the same event in the same words
    language: emailLanguages(booking.user)[0],
  });
}
