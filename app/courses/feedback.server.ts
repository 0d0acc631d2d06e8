// Feedback after a course: a delegate who attended (a confirmed place, marked "attended" on the register)
// gives it once the course has ended, once: how useful it was (1 to 5), what they will do differently and
// any comments, the last two optional. It is anonymous beyond staff: staff see the totals and the answers,
// never who gave them, and council officers see none of it (no officer page reads this file). Giving it is
// the person's own act, so it is not audited. One per course and person: the unique index on
// CourseFeedback(courseId, userId) decides between two submissions at once.
import { db, isUniqueViolation } from "~/utils/db.server";
import { PERSON_FOR_BOOKING, tell } from "./booking.server";
import { bookingLetters } from "./course-emails.server";
import { averageUsefulness, FEEDBACK_ASK_WITHIN_DAYS, USEFULNESS, type Usefulness } from "./rules";

/** Why someone cannot give feedback on a course: the route says it in their language. */
export type FeedbackRefusal = "not-found" | "not-attended" | "not-ended" | "already";

export type FeedbackInput = { courseId: string; userId: string; usefulness: Usefulness; willDo: string | null; comments: string | null };

/**
 * Whether this person may give feedback on this course now: "open", or why not. Null when there is no such
 * course for them to see (a draft, or none).
 */
export async function feedbackStateFor({ courseId, userId }: { courseId: string; userId: string }, now = new Date()) {
  const course = await db.course.findFirst({
    where: { id: courseId, status: { not: "draft" } },
    select: {
      id: true,
      title: true,
      language: true,
      status: true,
      endsAt: true,
      bookings: { where: { userId }, select: { status: true, attendance: true } },
      feedback: { where: { userId }, select: { id: true } },
    },
  });
  if (!course) return null;
  const { bookings, feedback, ...shown } = course;
  return { course: shown, state: stateOf({ course, booking: bookings[0] ?? null, given: feedback.length > 0 }, now) };
}

/** The rule, without the database: attended (a confirmed place marked so, on a course that happened), ended, not yet given. */
export function stateOf(
  { course, booking, given }: { course: { status: string; endsAt: Date }; booking: { status: string; attendance: string | null } | null; given: boolean },
  now: Date,
): "open" | FeedbackRefusal {
  if (course.status !== "published" || booking?.status !== "confirmed" || booking.attendance !== "attended") return "not-attended";
  if (now < course.endsAt) return "not-ended";
  return given ? "already" : "open";
}

/**
 * Saves a delegate's feedback, once. A second submission (even one arriving at the same moment) is refused
 * as "already": it neither doubles nor overwrites the first.
 */
export async function giveFeedback(input: FeedbackInput, now = new Date()): Promise<{ status: "given" } | { status: FeedbackRefusal }> {
  const found = await feedbackStateFor(input, now);
  if (!found) return { status: "not-found" };
  if (found.state !== "open") return { status: found.state };
  try {
    await db.courseFeedback.create({
      data: {
        courseId: input.courseId,
        userId: input.userId,
        usefulness: input.usefulness,
        willDo: input.willDo || null,
        comments: input.comments || null,
        submittedAt: now,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "already" };
    throw error;
  }
  return { status: "given" };
}

/** The totals, without the database: responses, their share of those who attended, the average and the count at each point of the scale. */
export function summarise(scores: number[], attended: number) {
  const count = scores.length;
  const distribution = USEFULNESS.map((score) => ({ score, count: scores.filter((given) => given === score).length }));
  return {
    count,
    attended,
    /** Responses as a share of those who attended, 0 to 1; null when nobody attended */
    responseRate: attended > 0 ? count / attended : null,
    /** Mean usefulness, to one decimal place; null without responses */
    average: averageUsefulness(
      scores.reduce((sum, score) => sum + score, 0),
      count,
    ),
    distribution,
  };
}

/**
 * A course's feedback for staff: the totals, and the answers written, with nobody's name and in no order
 * that follows the register (oldest first). For the staff course page only.
 */
export async function feedbackFor(courseId: string) {
  const [rows, attended] = await Promise.all([
    db.courseFeedback.findMany({ where: { courseId }, orderBy: { submittedAt: "asc" }, select: { usefulness: true, willDo: true, comments: true } }),
    db.booking.count({ where: { courseId, status: "confirmed", attendance: "attended" } }),
  ]);
  return {
    ...summarise(
      rows.map((row) => row.usefulness),
      attended,
    ),
    willDo: rows.flatMap((row) => (row.willDo ? [row.willDo] : [])),
    comments: rows.flatMap((row) => (row.comments ? [row.comments] : [])),
  };
}

/**
 * Emails each delegate marked as attended once their course has ended, asking for feedback: once per booking
 * (claimed by a conditional update, so several processes running the jobs send one email), only for courses
 * that ended in the last FEEDBACK_ASK_WITHIN_DAYS days, and not to someone who has already given it.
 */
export async function askForFeedback(now = new Date(), { limit = 200 } = {}) {
  const due = await db.booking.findMany({
    where: {
      status: "confirmed",
      attendance: "attended",
      feedbackAskedAt: null,
      course: { status: "published", endsAt: { lte: now, gt: new Date(now.getTime() - FEEDBACK_ASK_WITHIN_DAYS * 86_400_000) } },
    },
    take: limit,
    select: { id: true, userId: true, course: { select: { id: true, title: true } }, user: { select: PERSON_FOR_BOOKING } },
  });
  let asked = 0;
  for (const booking of due) {
    asked += await db.$transaction(async (tx) => {
      const claimed = await tx.booking.updateMany({ where: { id: booking.id, feedbackAskedAt: null }, data: { feedbackAskedAt: now } });
      if (claimed.count === 0) return 0;
      const given = await tx.courseFeedback.count({ where: { courseId: booking.course.id, userId: booking.userId } });
      if (given > 0 || booking.user.deactivatedAt) return 0;
      await tell(tx, booking.user, bookingLetters.feedbackAsked({ name: booking.user.name, course: booking.course }));
      return 1;
    });
  }
  return asked;
}
