// What staff running a course do with its people: see delegates, offers and the waiting list; add or remove
// someone; move someone up the waiting list (with a reason); decide late cancellations; give freed places
// after booking has closed; mark the register. Every action on a person is in the audit log, with the reason.
import { stringify } from "csv-stringify/sync";
import type { Language } from "~/i18n/config";
import { wordsOf } from "~/i18n/i18n.server";
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import {
  auditBooking,
  BOOKING_TRANSACTION,
  courseLabel,
  freshBooking,
  lockCourse,
  nextInvite,
  offerFreePlaces,
  PERSON_FOR_BOOKING,
  placesHeld,
  tell,
  type BookingCourse,
} from "./booking.server";
import { bookingLetters } from "./course-emails.server";
import { isActive, isAttendance, isBookingStatus, type Attendance } from "./rules";

/** The course with everyone on it, for staff running it: access and dietary needs are shown here only. */
export async function courseForStaff(courseId: string) {
  const course = await db.course.findUnique({ where: { id: courseId } });
  if (!course) return null;
  const bookings = await db.booking.findMany({
    where: { courseId },
    orderBy: [{ queueNumber: "asc" }, { requestedAt: "asc" }],
    select: {
      id: true,
      status: true,
      requestedAt: true,
      confirmedAt: true,
      offerExpiresAt: true,
      cancelRequestedAt: true,
      endedAt: true,
      attendance: true,
      accessNeeds: true,
      dietaryNeeds: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          council: { select: { name: true } },
          memberships: { where: { leftOfficeOn: null }, select: { council: { select: { name: true } } }, orderBy: { council: { name: "asc" } } },
        },
      },
    },
  });
  const people = bookings.map(({ user, ...booking }) => ({
    ...booking,
    person: { id: user.id, name: user.name, email: user.email, councils: user.council ? [user.council.name] : user.memberships.map((m) => m.council.name) },
  }));
  const delegates = people.filter((booking) => booking.status === "confirmed");
  const offers = people.filter((booking) => booking.status === "offered");
  const waiting = people.filter((booking) => booking.status === "waiting");
  const ended = people.filter((booking) => !isActive(booking.status));
  return { course, delegates, offers, waiting, ended, freePlaces: Math.max(0, course.capacity - delegates.length - offers.length) };
}

type StaffAction = { actorId: string; reason: string };
/** A booking as staff name it from a course's page: one of that course's, or none (a form sent by hand). */
type OnCourse = { courseId: string; bookingId: string };

/** A staff action on one booking of the course, in a transaction holding the course. */
async function onBooking<T>({ courseId, bookingId }: OnCourse, work: (tx: DbClient, course: BookingCourse, booking: BookingRow) => Promise<T>) {
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    const booking = course && (await tx.booking.findFirst({ where: { id: bookingId, courseId }, select: BOOKING_ROW }));
    return course && booking ? work(tx, course, booking) : null;
  }, BOOKING_TRANSACTION);
}
const BOOKING_ROW = { id: true, status: true, cancelRequestedAt: true, queueNumber: true, courseId: true, user: { select: PERSON_FOR_BOOKING } } as const;
type BookingRow = NonNullable<Awaited<ReturnType<typeof db.booking.findFirst<{ where: { id: string }; select: typeof BOOKING_ROW }>>>>;

/**
 * Adds a person as a delegate, by email, when a place is free: staff's decision, so neither the booking
 * window nor the waiting list's order applies, and the reason is recorded. Never over capacity.
 */
export async function addDelegate({ courseId, email, actorId, reason }: { courseId: string; email: string } & StaffAction, origin: RequestOrigin, now = new Date()) {
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    if (!course) return { status: "not-found" } as const;
    if (course.status === "cancelled") return { status: "cancelled" } as const;
    // A draft's delegates could not see it, and would not be told when it moves: publish first.
    if (course.status !== "published") return { status: "draft" } as const;
    const person = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: PERSON_FOR_BOOKING });
    if (!person || person.deactivatedAt || person.role === "staff") return { status: "no-such-person" } as const;
    const existing = await tx.booking.findUnique({ where: { courseId_userId: { courseId, userId: person.id } }, select: { id: true, status: true } });
    if (existing?.status === "confirmed") return { status: "already" } as const;
    // Someone holding an offer already has a place held: confirming it takes no other.
    if (existing?.status !== "offered" && (await placesHeld(tx, courseId)) >= course.capacity) return { status: "full" } as const;
    const data = freshBooking("confirmed", course.lastTicket, now);
    const booking = existing
      ? await tx.booking.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.booking.create({ data: { ...data, courseId, userId: person.id }, select: { id: true } });
    const invite = await nextInvite(tx, booking.id, course, person, "REQUEST");
    await tell(tx, person, bookingLetters.confirmed({ name: person.name, course }), [invite]);
    await auditBooking(tx, "place-booked", { person, course, actorId, detail: `added by staff: ${reason}` }, origin);
    return { status: "added", bookingId: booking.id } as const;
  }, BOOKING_TRANSACTION);
}

/** Takes a person off the course (a place, an offer or the waiting list); a freed place is offered on. */
export async function removeBooking({ actorId, reason, ...which }: OnCourse & StaffAction, origin: RequestOrigin, now = new Date()) {
  const outcome = await onBooking(which, async (tx, course, booking) => {
    if (!isActive(booking.status)) return { status: "not-active" } as const;
    await tx.booking.update({ where: { id: booking.id }, data: { status: "removed", endedAt: now } });
    const person = booking.user;
    if (booking.status === "confirmed") {
      const cancellation = await nextInvite(tx, booking.id, course, person, "CANCEL");
      await tell(tx, person, bookingLetters.removed({ name: person.name, course }), [cancellation]);
    } else {
      await tell(tx, person, bookingLetters.removedFromWaitingList({ name: person.name, course }));
    }
    await auditBooking(tx, "booking-ended", { person, course, actorId, detail: `removed by staff (${booking.status}): ${reason}` }, origin);
    await offerFreePlaces(tx, course, now, origin);
    return { status: "removed" } as const;
  });
  return outcome ?? ({ status: "not-found" } as const);
}

/** Moves someone to the front of the waiting list: the only way out of first come, first served, and audited. */
export async function moveToFront({ actorId, reason, ...which }: OnCourse & StaffAction, origin: RequestOrigin, now = new Date()) {
  const outcome = await onBooking(which, async (tx, course, booking) => {
    if (booking.status !== "waiting") return { status: "not-waiting" } as const;
    const first = await tx.booking.findFirst({ where: { courseId: course.id, status: "waiting" }, orderBy: { queueNumber: "asc" }, select: { queueNumber: true } });
    if (first && first.queueNumber < booking.queueNumber) {
      await tx.booking.update({ where: { id: booking.id }, data: { queueNumber: first.queueNumber - 1 } });
    }
    await auditBooking(tx, "waiting-list-moved", { person: booking.user, course, actorId, detail: `to the front: ${reason}` }, origin);
    await offerFreePlaces(tx, course, now, origin);
    return { status: "moved" } as const;
  });
  return outcome ?? ({ status: "not-found" } as const);
}

/**
 * Gives a free place to someone on the waiting list at once: for staff after booking has closed, when
 * freed places are no longer offered automatically. Audited with the reason.
 */
export async function givePlace({ actorId, reason, ...which }: OnCourse & StaffAction, origin: RequestOrigin, now = new Date()) {
  const outcome = await onBooking(which, async (tx, course, booking) => {
    if (booking.status !== "waiting" && booking.status !== "offered") return { status: "not-waiting" } as const;
    if (booking.status === "waiting" && (await placesHeld(tx, course.id)) >= course.capacity) return { status: "full" } as const;
    await tx.booking.update({ where: { id: booking.id }, data: { status: "confirmed", confirmedAt: now, offerExpiresAt: null } });
    const invite = await nextInvite(tx, booking.id, course, booking.user, "REQUEST");
    await tell(tx, booking.user, bookingLetters.confirmed({ name: booking.user.name, course }), [invite]);
    await auditBooking(tx, "place-booked", { person: booking.user, course, actorId, detail: `given a place by staff: ${reason}` }, origin);
    return { status: "given" } as const;
  });
  return outcome ?? ({ status: "not-found" } as const);
}

/** A delegate asked to cancel after the cut-off: staff release the place (offered on) or keep it. */
export async function decideCancellation(
  { release, actorId, ...which }: OnCourse & { release: boolean; actorId: string },
  origin: RequestOrigin,
  now = new Date(),
) {
  const outcome = await onBooking(which, async (tx, course, booking) => {
    if (booking.status !== "confirmed" || !booking.cancelRequestedAt) return { status: "no-request" } as const;
    const person = booking.user;
    if (release) {
      await tx.booking.update({ where: { id: booking.id }, data: { status: "cancelled", endedAt: now } });
      const cancellation = await nextInvite(tx, booking.id, course, person, "CANCEL");
      await tell(tx, person, bookingLetters.cancelled({ name: person.name, course }), [cancellation]);
    } else {
      await tx.booking.update({ where: { id: booking.id }, data: { cancelRequestedAt: null } });
      await tell(tx, person, bookingLetters.placeKept({ name: person.name, course }));
    }
    await auditBooking(tx, "cancellation-decided", { person, course, actorId, detail: release ? "place released" : "place kept" }, origin);
    if (release) await offerFreePlaces(tx, course, now, origin);
    return { status: release ? "released" : "kept" } as const;
  });
  return outcome ?? ({ status: "not-found" } as const);
}

/** The register: attended or absent for each delegate, once the course has started. */
export async function markAttendance(
  { courseId, marks, actorId }: { courseId: string; marks: { bookingId: string; attendance: Attendance }[]; actorId: string },
  origin: RequestOrigin,
  now = new Date(),
) {
  // Holding the course, as every change to its bookings does: a register saved while the course is being
  // cancelled or changed waits for that to finish, and sees what it left.
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    if (!course) return { status: "not-found" } as const;
    if (course.status !== "published" || now < course.startsAt) return { status: "not-started" } as const;
    let changed = 0;
    for (const mark of marks) {
      // Only a mark that changes counts (and is audited): unmarked, or marked the other way.
      const updated = await tx.booking.updateMany({
        where: { id: mark.bookingId, courseId, status: "confirmed", OR: [{ attendance: null }, { attendance: { not: mark.attendance } }] },
        data: { attendance: mark.attendance },
      });
      if (updated.count === 0) continue;
      changed++;
      const { user } = await tx.booking.findUniqueOrThrow({ where: { id: mark.bookingId }, select: { user: { select: { id: true, email: true } } } });
      await auditBooking(tx, "attendance-marked", { person: user, course, actorId, detail: mark.attendance }, origin);
    }
    return { status: "saved", changed } as const;
  }, BOOKING_TRANSACTION);
}

/** A file name made of the course's title: "Cyflwyniad i'r Cyngor" → "cyflwyniad-ir-cyngor". */
export function fileSlug(title: string) {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "course";
}

/**
 * Everyone on the course now (delegates, offers, then the waiting list in order) as a spreadsheet, in the
 * reader's language, with their needs: personal data leaving the service, so each export is audited.
 * Cells a spreadsheet would run as a formula (=, +, -, @) are written as text. Null when there is no course.
 */
export async function delegatesCsv({ courseId, actorId, language }: { courseId: string; actorId: string; language: Language }, origin: RequestOrigin) {
  const found = await courseForStaff(courseId);
  if (!found) return null;
  const { course, delegates, offers, waiting } = found;
  const t = wordsOf(language, "staff");
  const words = wordsOf(language, "courses");
  const status = (value: string) => (isBookingStatus(value) ? words(`statuses.${value}`) : value);
  const attendance = (value: string | null) => (isAttendance(value) ? words(`attendance.${value}`) : "");
  const rows = [...delegates, ...offers, ...waiting].map((booking) => ({
    name: booking.person.name,
    email: booking.person.email,
    councils: booking.person.councils.join("; "),
    status: status(booking.status),
    accessNeeds: booking.accessNeeds ?? "",
    dietaryNeeds: booking.dietaryNeeds ?? "",
    attendance: attendance(booking.attendance),
  }));
  const keys = ["name", "email", "councils", "status", "accessNeeds", "dietaryNeeds", "attendance"] as const;
  const columns = keys.map((key) => ({ key, header: t(`courses.csv.${key}`) }));
  const csv = stringify(rows, { bom: true, escape_formulas: true, header: true, columns });
  await recordAudit({ type: "delegates-exported", actorId, detail: `${courseLabel(course)}: ${rows.length} people` }, origin);
  return { csv, filename: `${fileSlug(course.title)}-delegates.csv` };
}
