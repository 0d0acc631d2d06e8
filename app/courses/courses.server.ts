// Courses as staff schedule them and as councillors and officers find them. Changes that touch bookings
// (capacity, time or place, cancelling) run in a transaction holding the course, as booking does.
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { COUNTED_MEMBER } from "~/councils/membership.server";
import { db } from "~/utils/db.server";
import { ukTimeToUtc } from "~/utils/uk-time";
import {
  auditBooking,
  BOOKING_TRANSACTION,
  courseLabel,
  lockCourse,
  nextInvite,
  offerFreePlaces,
  offerIsOpen,
  PERSON_FOR_BOOKING,
  placesHeld,
  tell,
  waitingPosition,
} from "./booking.server";
import { bookingLetters } from "./course-emails.server";
import { whyNotEligible } from "./eligibility";
import { ACTIVE, HOLDS_PLACE, isActive } from "./rules";

/** A course as the staff form gives it (CourseSchema in app/utils/schemas.server.ts checks it). */
export type CourseInput = {
  title: string;
  /** en | cy | both: the language it is held in */
  language: string;
  topic: string;
  description: string;
  moduleId: string | null;
  format: string;
  venue: string | null;
  address: string | null;
  joiningLink: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  cancellationCutoffAt: Date;
  audience: string;
  electedWithinMonths: number | null;
  nation: string | null;
  contactName: string;
  contactEmail: string;
  offerHours: number;
};

/** What the calendar event shows: a change to any of these tells every delegate and sends an updated invite. */
const IN_THE_INVITE = ["title", "description", "startsAt", "endsAt", "format", "venue", "address", "joiningLink", "contactName", "contactEmail"] as const;

export async function createCourse(input: CourseInput, actorId: string, origin: RequestOrigin) {
  const course = await db.course.create({ data: { ...input, status: "draft" }, select: { id: true } });
  await recordAudit({ type: "course-created", actorId, detail: courseLabel(input) }, origin);
  return course;
}

function changedFields(before: Record<string, unknown>, after: CourseInput) {
  return (Object.keys(after) as (keyof CourseInput)[]).filter((key) => {
    const old = before[key];
    const now = after[key];
    return old instanceof Date && now instanceof Date ? old.getTime() !== now.getTime() : (old ?? null) !== (now ?? null);
  });
}

/**
 * Saves staff's changes. Capacity cannot go below the places held (confirmed and offered); raising it offers
 * the new places to the waiting list. Changing what a published course's invite shows (IN_THE_INVITE) tells
 * each delegate, with an updated invite, and those holding an offer.
 */
export async function updateCourse({ courseId, input, actorId }: { courseId: string; input: CourseInput; actorId: string }, origin: RequestOrigin, now = new Date()) {
  return db.$transaction(async (tx) => {
    const locked = await lockCourse(tx, courseId);
    if (!locked) return { status: "not-found" } as const;
    const before = await tx.course.findUniqueOrThrow({ where: { id: courseId } });
    if (before.status === "cancelled") return { status: "cancelled" } as const;
    const held = await placesHeld(tx, courseId);
    if (input.capacity < held) return { status: "below-bookings", held } as const;
    const changed = changedFields(before, input);
    if (changed.length === 0) return { status: "unchanged" } as const;
    await tx.course.update({ where: { id: courseId }, data: input });
    // An offer never outlives booking: if it now closes sooner, so do the offers open.
    await tx.booking.updateMany({
      where: { courseId, status: "offered", offerExpiresAt: { gt: input.bookingClosesAt } },
      data: { offerExpiresAt: input.bookingClosesAt },
    });
    const course = { ...locked, ...input };
    await recordAudit({ type: "course-changed", actorId, detail: `${input.title}: ${changed.join(", ")}` }, origin, tx);
    let told = 0;
    if (before.status === "published" && changed.some((field) => (IN_THE_INVITE as readonly string[]).includes(field))) {
      const bookings = await tx.booking.findMany({
        where: { courseId, status: { in: HOLDS_PLACE } },
        select: { id: true, status: true, user: { select: PERSON_FOR_BOOKING } },
      });
      for (const booking of bookings) {
        const withInvite = booking.status === "confirmed";
        const invite = withInvite ? [await nextInvite(tx, booking.id, course, booking.user, "REQUEST")] : undefined;
        await tell(tx, booking.user, bookingLetters.courseChanged({ name: booking.user.name, course, withInvite }), invite);
        told++;
      }
    }
    await offerFreePlaces(tx, course, now, origin);
    return { status: "saved", told } as const;
  }, BOOKING_TRANSACTION);
}

export async function publishCourse({ courseId, actorId }: { courseId: string; actorId: string }, origin: RequestOrigin, now = new Date()) {
  const published = await db.course.updateMany({ where: { id: courseId, status: "draft" }, data: { status: "published", publishedAt: now } });
  if (published.count === 0) return { status: "not-draft" } as const;
  const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { title: true, startsAt: true } });
  await recordAudit({ type: "course-published", actorId, detail: courseLabel(course) }, origin);
  return { status: "published" } as const;
}

/**
 * Cancels the course: every delegate gets a calendar cancellation, everyone waiting or holding an offer is
 * told and leaves the list. Delegates' bookings stay confirmed, as the record of who had a place.
 */
export async function cancelCourse({ courseId, actorId }: { courseId: string; actorId: string }, origin: RequestOrigin, now = new Date()) {
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    if (!course) return { status: "not-found" } as const;
    const cancelled = await tx.course.updateMany({ where: { id: courseId, status: { not: "cancelled" } }, data: { status: "cancelled", cancelledAt: now } });
    if (cancelled.count === 0) return { status: "already" } as const;
    const bookings = await tx.booking.findMany({
      where: { courseId, status: { in: ACTIVE } },
      select: { id: true, status: true, user: { select: PERSON_FOR_BOOKING } },
    });
    for (const booking of bookings) {
      const hadPlace = booking.status === "confirmed";
      if (hadPlace) {
        const cancellation = await nextInvite(tx, booking.id, course, booking.user, "CANCEL");
        await tell(tx, booking.user, bookingLetters.courseCancelled({ name: booking.user.name, course, hadPlace }), [cancellation]);
      } else {
        await tx.booking.update({ where: { id: booking.id }, data: { status: "cancelled", endedAt: now } });
        await tell(tx, booking.user, bookingLetters.courseCancelled({ name: booking.user.name, course, hadPlace }));
      }
      await auditBooking(tx, "booking-ended", { person: booking.user, course, actorId, detail: `course cancelled (${booking.status})` }, origin);
    }
    await recordAudit({ type: "course-cancelled", actorId, detail: `${course.title}: ${bookings.length} people told` }, origin, tx);
    return { status: "cancelled", told: bookings.length } as const;
  }, BOOKING_TRANSACTION);
}

/** The first instant of a month ("2027-03") and of the next, in UK time. */
function ukMonth(month: string) {
  const [year, number] = month.split("-").map(Number);
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
  const from = ukTimeToUtc(`${month}-01`, "00:00");
  const to = ukTimeToUtc(`${next}-01`, "00:00");
  return from && to ? { gte: from, lt: to } : undefined;
}

export type CourseFilters = { topic?: string; format?: string; month?: string };

/** How many places each course has taken and how many people wait, for a list of courses. */
async function placeCounts(courseIds: string[]) {
  const groups = await db.booking.groupBy({ by: ["courseId", "status"], where: { courseId: { in: courseIds }, status: { in: ACTIVE } }, _count: true });
  const counts = new Map<string, { held: number; waiting: number }>();
  for (const group of groups) {
    const count = counts.get(group.courseId) ?? { held: 0, waiting: 0 };
    if (group.status === "waiting") count.waiting += group._count;
    else count.held += group._count;
    counts.set(group.courseId, count);
  }
  return (courseId: string) => counts.get(courseId) ?? { held: 0, waiting: 0 };
}

const LISTED = {
  id: true,
  title: true,
  language: true,
  topic: true,
  format: true,
  venue: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  status: true,
  bookingOpensAt: true,
  bookingClosesAt: true,
} as const;

/** Published courses still to come, soonest first, with places left and the viewer's own booking on each. */
export async function listUpcomingCourses({ filters, viewerId }: { filters: CourseFilters; viewerId: string }, now = new Date()) {
  const courses = await db.course.findMany({
    where: {
      status: "published",
      startsAt: filters.month ? ukMonth(filters.month) : undefined,
      endsAt: { gt: now },
      topic: filters.topic || undefined,
      format: filters.format || undefined,
    },
    orderBy: { startsAt: "asc" },
    take: 200,
    select: { ...LISTED, audience: true, nation: true, electedWithinMonths: true, bookings: { where: { userId: viewerId }, select: { status: true, queueNumber: true } } },
  });
  const [counts, viewer] = await Promise.all([
    placeCounts(courses.map((course) => course.id)),
    db.user.findUniqueOrThrow({ where: { id: viewerId }, select: PERSON_FOR_BOOKING }),
  ]);
  return Promise.all(
    courses.map(async ({ bookings: [own], ...course }) => {
      const { held, waiting } = counts(course.id);
      const booking = own && isActive(own.status) ? own : null;
      const position = booking?.status === "waiting" ? await waitingPosition(db, course.id, booking.queueNumber) : null;
      const forViewer = whyNotEligible(viewer, course, now) === null;
      return { ...course, placesLeft: Math.max(0, course.capacity - held), waiting, forViewer, booking: booking && { status: booking.status, position } };
    }),
  );
}

/** A course as a councillor or officer sees it: not a draft; the joining link only for a confirmed delegate. */
export async function courseForPerson({ courseId, viewerId }: { courseId: string; viewerId: string }, now = new Date()) {
  const course = await db.course.findFirst({ where: { id: courseId, status: { not: "draft" } } });
  if (!course) return null;
  const [viewer, booking, counts] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: viewerId }, select: PERSON_FOR_BOOKING }),
    db.booking.findUnique({
      where: { courseId_userId: { courseId, userId: viewerId } },
      select: { id: true, status: true, queueNumber: true, offerExpiresAt: true, cancelRequestedAt: true, accessNeeds: true, dietaryNeeds: true },
    }),
    placeCounts([courseId]),
  ]);
  const { held, waiting } = counts(courseId);
  const position = booking?.status === "waiting" ? await waitingPosition(db, courseId, booking.queueNumber) : null;
  const { joiningLink, lastTicket: _ticket, ...shown } = course;
  return {
    course: { ...shown, joiningLink: booking?.status === "confirmed" ? joiningLink : null },
    placesLeft: Math.max(0, course.capacity - held),
    waiting,
    booking: booking && { ...booking, position, offerOpen: offerIsOpen(booking, now) },
    ineligibility: whyNotEligible(viewer, course, now),
  };
}

/** Every course for staff, newest start first, with its places held, offers and waiting list. */
export async function listCoursesForStaff() {
  const courses = await db.course.findMany({ orderBy: { startsAt: "desc" }, take: 500, select: LISTED });
  const counts = await placeCounts(courses.map((course) => course.id));
  return courses.map((course) => ({ ...course, ...counts(course.id) }));
}

/** A person's bookings still in play on courses still to come, soonest first. */
export async function upcomingBookingsOf(userId: string, now = new Date()) {
  return db.booking.findMany({
    where: { userId, status: { in: ACTIVE }, course: { status: "published", endsAt: { gt: now } } },
    orderBy: { course: { startsAt: "asc" } },
    select: { status: true, offerExpiresAt: true, course: { select: { id: true, title: true, language: true, startsAt: true, endsAt: true } } },
  });
}

/**
 * A council's members' bookings, for its officers: only members the council counts (current and confirmed),
 * so an officer never sees another council's people; courses from the last year and to come.
 */
export async function councilBookings(councilId: string, now = new Date()) {
  return db.booking.findMany({
    where: {
      user: { memberships: { some: { councilId, ...COUNTED_MEMBER } } },
      course: { status: { not: "draft" }, endsAt: { gt: new Date(now.getTime() - 365 * 86_400_000) } },
    },
    orderBy: [{ course: { startsAt: "desc" } }, { user: { name: "asc" } }],
    take: 1000,
    select: {
      id: true,
      status: true,
      attendance: true,
      user: { select: { name: true } },
      course: { select: { id: true, title: true, language: true, startsAt: true, endsAt: true, status: true } },
    },
  });
}
