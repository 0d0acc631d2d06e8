// The rules of a council's training requirements, as plain functions of dates: who a requirement applies
// to is decided by the caller, and this says, for one member, whether it is met, due or overdue and when.
// Every date here is date-only (midnight UTC of a UK date), so a clock change never moves a due date.
// See docs/decisions/016-training-requirements.md.

export const REQUIREMENT_AUDIENCES = ["all", "committee", "chosen", "elected-since"] as const;
export type RequirementAudience = (typeof REQUIREMENT_AUDIENCES)[number];

export const DUE_RULES = ["by-date", "after-election", "after-appointment", "after-term-start"] as const;
export type DueRule = (typeof DUE_RULES)[number];

/** What meets a requirement: a module, courses on a topic, or a named kind of training met by either or both. */
export const REQUIREMENT_TARGETS = ["module", "topic", "named"] as const;
export type RequirementTarget = (typeof REQUIREMENT_TARGETS)[number];

export type RequirementRule = {
  id: string;
  moduleId: string | null;
  courseTopic: string | null;
  dueRule: DueRule;
  dueOn: Date | null;
  dueWithinDays: number | null;
  validForMonths: number | null;
  earlierWithinMonths: number | null;
  /** When it was set, as a UK date: a requirement by a date applies to everyone from then */
  setOn: Date;
};

/** The member's dates the rules read. joinedOn stands in for a date the council has not recorded. */
export type MemberDates = {
  memberSince: Date | null;
  termStartedOn: Date | null;
  /** Appointed to the requirement's committee (a committee requirement only) */
  appointedOn: Date | null;
  /** When the membership was confirmed or added here */
  joinedOn: Date;
};

/** One piece of training a person did: a module completed (or its check passed again), a course attended, or training recorded by an officer. */
export type Training =
  | { source: "module"; on: Date; moduleId: string; title: string }
  | { source: "course"; on: Date; topic: string; title: string; courseId: string }
  | { source: "recorded"; on: Date; requirementId: string | null; title: string; provider: string; recordedTrainingId: string };

export type TrainingStatus =
  | { state: "exempt" }
  /** refreshBy: the date it falls due again (a refresher), null when once is enough */
  | { state: "met"; by: Training; refreshBy: Date | null }
  /** lapsed: the training whose time ran out (a refresher falling due again), null when never done (or done too long before) */
  | { state: "due" | "overdue"; dueOn: Date; lapsed: Training | null };

const DAY = 86_400_000;

export function addDays(date: Date, days: number) {
  return new Date(date.getTime() + days * DAY);
}

/** The last instant (millisecond) of a date-only day: what happened on or before it counts "as of" that day. */
export function endOfDay(day: Date) {
  return new Date(addDays(day, 1).getTime() - 1);
}

/** A date N months later; the 31st of a shorter month is its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: Date, months: number) {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date) {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

/** The date the requirement applies to this member from: their first election, appointment, term's start, or when it was set. */
export function appliesFrom(rule: RequirementRule, member: MemberDates): Date {
  switch (rule.dueRule) {
    case "after-election":
      return member.memberSince ?? member.joinedOn;
    case "after-appointment":
      return member.appointedOn ?? member.joinedOn;
    case "after-term-start":
      return member.termStartedOn ?? member.memberSince ?? member.joinedOn;
    case "by-date":
      return rule.setOn;
  }
}

/** The first due date: the date set, or N days after the member's date. */
export function firstDueOn(rule: RequirementRule, member: MemberDates): Date {
  if (rule.dueRule === "by-date") return rule.dueOn!;
  return addDays(appliesFrom(rule, member), rule.dueWithinDays ?? 0);
}

/** Whether a piece of training is of the kind that meets the requirement (its date aside). */
export function meets(rule: Pick<RequirementRule, "id" | "moduleId" | "courseTopic">, training: Training) {
  switch (training.source) {
    case "module":
      return training.moduleId === rule.moduleId;
    case "course":
      return training.topic === rule.courseTopic;
    case "recorded":
      return training.requirementId === rule.id;
  }
}

/**
 * Where a member stands on a requirement today. The latest training that meets it counts, unless it was done
 * longer before the requirement applied to them than the council allows. A refresher lasts validForMonths,
 * then falls due on the day it ran out (or on the first due date, if that is later); it is overdue the day after.
 */
export function trainingStatus({
  rule,
  member,
  training,
  exempt,
  today,
}: {
  rule: RequirementRule;
  member: MemberDates;
  training: Training[];
  exempt: boolean;
  today: Date;
}): TrainingStatus {
  if (exempt) return { state: "exempt" };
  const countsFrom = rule.earlierWithinMonths === null ? null : addMonths(appliesFrom(rule, member), -rule.earlierWithinMonths);
  const latest = training
    .filter((t) => meets(rule, t) && (!countsFrom || t.on >= countsFrom))
    .reduce<Training | null>((last, t) => (!last || t.on > last.on ? t : last), null);
  const firstDue = firstDueOn(rule, member);
  if (latest) {
    const refreshBy = rule.validForMonths === null ? null : addMonths(latest.on, rule.validForMonths);
    if (!refreshBy || today < refreshBy) return { state: "met", by: latest, refreshBy };
    const dueOn = refreshBy > firstDue ? refreshBy : firstDue;
    return { state: today > dueOn ? "overdue" : "due", dueOn, lapsed: latest };
  }
  return { state: today > firstDue ? "overdue" : "due", dueOn: firstDue, lapsed: null };
}

/** The next date something is owed: the due date, or the date a met refresher falls due again; null when nothing ever is. */
export function nextDueOn(status: TrainingStatus): Date | null {
  if (status.state === "exempt") return null;
  return status.state === "met" ? status.refreshBy : status.dueOn;
}

/** Met for now: done (and not run out) or excused. */
export function isSatisfied(status: TrainingStatus) {
  return status.state === "met" || status.state === "exempt";
}

/** A member's answer to the offer of an annual development review. */
export const REVIEW_OUTCOMES = ["taken-up", "declined"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The municipal year a date falls in, by the calendar year it starts: May 2026 to April 2027 is 2026. */
export function municipalYearOf(date: Date) {
  return date.getUTCMonth() >= 4 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** How often an overdue member is reminded, until the council's number of reminders is reached. */
export const OVERDUE_EVERY_DAYS = 7;

export type ReminderStep = "due-soon" | "due-tomorrow" | `overdue-${number}` | "escalated";

/**
 * The reminder owed today about a due date, or null: "due soon" within the council's days before it, "due
 * tomorrow" the day before, then an overdue notice every week from the day after, and after the council's
 * number of those, one escalation to the officer instead; then nothing. A step the job missed (it did not run
 * that day) is not sent late: only the step for today is.
 */
export function reminderStep({ dueOn, today, remindDaysBefore, overdueReminders }: { dueOn: Date; today: Date; remindDaysBefore: number; overdueReminders: number }): ReminderStep | null {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft > remindDaysBefore || daysLeft === 0) return null;
  if (daysLeft === 1) return "due-tomorrow";
  if (daysLeft > 1) return "due-soon";
  const number = Math.floor((-daysLeft - 1) / OVERDUE_EVERY_DAYS) + 1;
  return number <= overdueReminders ? `overdue-${number}` : "escalated";
}
