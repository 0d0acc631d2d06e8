// A person's private calendar feed of their course bookings, at /calendar/<secret>.ics: calendar apps
// subscribe to it and cannot sign in, so the secret in the address is the only key. Only its SHA-256 is
// stored (as for tokens), so the address is shown once; making a new one or turning it off stops the old
// address at once. Each event has its booking's UID and the SEQUENCE of the last invite emailed for it,
// so the feed and the emailed invites describe one event, not two.
import { randomBytes } from "node:crypto";
import { emailLanguages, RECIPIENT } from "~/models/account-emails.server";
import { wordsOf } from "~/i18n/i18n.server";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { hashToken } from "~/utils/tokens.server";
import { COURSE_FOR_BOOKING, lastSentSequence } from "./booking.server";
import { courseUrl } from "./course-emails.server";
import { calendarFeed } from "./invites.server";

/** 256 random bits: the address cannot be guessed, so it needs no rate limit. */
const SECRET_BYTES = 32;
/** base64url of 32 bytes is 43 characters: anything far longer is not one of ours, and is not hashed. */
const LONGEST_SECRET = 100;

/** Makes a new feed address for the person, replacing any old one, and returns its secret: the only time it exists in full. */
export async function createCalendarFeed(userId: string, origin: RequestOrigin = {}) {
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  const user = await db.user.update({ where: { id: userId }, data: { calendarFeedHash: hashToken(secret) }, select: { email: true } });
  await recordAudit({ type: "calendar-feed-created", userId, actorId: userId, email: user.email }, origin);
  return secret;
}

/** Turns the feed off: its address stops working. False when there was none. */
export async function revokeCalendarFeed(userId: string, origin: RequestOrigin = {}) {
  const revoked = await db.user.updateMany({ where: { id: userId, calendarFeedHash: { not: null } }, data: { calendarFeedHash: null } });
  if (revoked.count === 0) return false;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await recordAudit({ type: "calendar-feed-revoked", userId, actorId: userId, email: user.email }, origin);
  return true;
}

/** Whether the person has a feed address now (the address itself cannot be shown again). */
export async function hasCalendarFeed(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { calendarFeedHash: true } });
  return Boolean(user?.calendarFeedHash);
}

/**
 * The feed's iCalendar text for a secret, or null when no active account that may book has it. Their places
 * on published courses, and on cancelled courses (cancelCourse keeps those bookings confirmed) as cancelled
 * events, so a calendar shows the course called off, as the emailed cancellation did. Drafts never appear.
 */
export async function calendarFeedFor(secret: string) {
  if (!secret || secret.length > LONGEST_SECRET) return null;
  const user = await db.user.findUnique({
    where: { calendarFeedHash: hashToken(secret) },
    select: { id: true, role: true, deactivatedAt: true, ...RECIPIENT },
  });
  if (!user || user.deactivatedAt || !can(user, "course:book")) return null;
  const bookings = await db.booking.findMany({
    where: { userId: user.id, status: "confirmed", course: { status: { in: ["published", "cancelled"] } } },
    orderBy: { course: { startsAt: "asc" } },
    take: 1000,
    select: { id: true, calendarSequence: true, course: { select: COURSE_FOR_BOOKING } },
  });
  // The language of the emailed invites (emailLanguages), so the feed's events read as those did.
  const language = emailLanguages(user)[0];
  return calendarFeed({
    language,
    name: wordsOf(language, "courses")("feed.calendarName"),
    events: bookings.map(({ id, calendarSequence, course }) => ({
      bookingId: id,
      // the SEQUENCE of the last file emailed (nextInvite raises the stored number past it), as bookingCalendarFile does
      sequence: lastSentSequence(calendarSequence),
      course,
      courseUrl: courseUrl(course.id),
      cancelled: course.status === "cancelled",
    })),
  });
}
