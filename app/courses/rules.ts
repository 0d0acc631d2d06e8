// The words of the booking rules, shared by the server and the pages (no server code here).
// See docs/decisions/015-scheduled-courses.md.

export const COURSE_FORMATS = ["in-person", "online", "both"] as const;
export type CourseFormat = (typeof COURSE_FORMATS)[number];

/** Who may book: councillors (and other council members), council officers, or both. */
export const AUDIENCES = ["councillors", "officers", "both"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const NATIONS = ["england", "wales"] as const;

/** draft: staff only; published: open to its audience; cancelled: kept with its bookings, for the record. */
export const COURSE_STATUSES = ["draft", "published", "cancelled"] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export function isCourseStatus(status: string): status is CourseStatus {
  return (COURSE_STATUSES as readonly string[]).includes(status);
}

/**
 * confirmed: has a place. waiting: on the waiting list. offered: a freed place is held for them until the
 * offer expires. The rest are ended: cancelled (by them, or staff released it), declined or expired (an
 * offer), removed (by staff), ineligible (no longer eligible when their turn came).
 */
export const BOOKING_STATUSES = ["confirmed", "waiting", "offered", "cancelled", "declined", "expired", "removed", "ineligible"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses that take one of the course's places: nobody else can have it. */
export const HOLDS_PLACE = ["confirmed", "offered"] satisfies BookingStatus[];
/** Statuses of a booking still in play: one of these per person and course at most. */
export const ACTIVE = ["confirmed", "waiting", "offered"] satisfies BookingStatus[];

export function isActive(status: string) {
  return (ACTIVE as string[]).includes(status);
}

/** A status as stored is one the pages have words for (the column is a plain string). */
export function isBookingStatus(status: string): status is BookingStatus {
  return (BOOKING_STATUSES as readonly string[]).includes(status);
}

export const ATTENDANCE = ["attended", "absent"] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export function isAttendance(value: string | null): value is Attendance {
  return (ATTENDANCE as readonly (string | null)[]).includes(value);
}

export const DEFAULT_OFFER_HOURS = 48;

/** Where a course is held in person, on one line: "Cardiff City Hall, Cathays Park, Cardiff CF10 3ND". */
export function placeOf(course: { venue: string | null; address: string | null }) {
  return [course.venue, course.address?.split(/\r?\n/).join(", ")].filter(Boolean).join(", ");
}

/**
 * When an offer made now ends: after the course's offer time in elapsed hours (so 48 hours across a clock
 * change is still 48 hours), and never after booking closes, which makes offers shorter near the date.
 */
export function offerExpiry(now: Date, course: { offerHours: number; bookingClosesAt: Date }) {
  return new Date(Math.min(now.getTime() + course.offerHours * 3_600_000, course.bookingClosesAt.getTime()));
}

/** Hours before an offer expires in which it gets one "ends soon" reminder (offers shorter than this get none). */
export const OFFER_REMINDER_HOURS = 12;

/** Access needs and dietary requirements are erased this many days after the course ends. */
export const NEEDS_KEPT_DAYS = 30;

/** How useful a course was, in feedback after it: 1 ("Not useful") to 5 ("Very useful"), the words the catalogue's. */
export const USEFULNESS = [1, 2, 3, 4, 5] as const;
export type Usefulness = (typeof USEFULNESS)[number];

/** Mean usefulness from the sum of the scores and how many there are, to one decimal place; null without responses. */
export function averageUsefulness(total: number, count: number) {
  return count > 0 ? Math.round((total / count) * 10) / 10 : null;
}

/** The longest feedback answers, in characters. */
export const FEEDBACK_LIMITS = { willDo: 1000, comments: 2000 } as const;

/** Delegates are asked for feedback by email once a course has ended, for courses that ended within this many days. */
export const FEEDBACK_ASK_WITHIN_DAYS = 14;
