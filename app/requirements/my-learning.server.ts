// "My learning", a councillor's home: what their councils require of them and by when, the modules they are
// taking, their courses and offers, what they have completed (here, at a course, or recorded by a council),
// and what to do next. It gathers from the learning, courses and requirements domains in two SQL queries: the
// person's progress in each module (reader.server.ts) and the rest of their record (learning-record.server.ts).
import { findModule, getCatalogue } from "~/content/content.server";
import type { Language } from "~/i18n/config";
import type { EnrolmentSource } from "~/learning/enrolments.server";
import { learningOverview } from "~/learning/core";
import { progressForModules } from "~/learning/reader.server";
import { ukToday } from "~/utils/uk-time";
import { feedbackDue, learningRecordOf, moduleRecordOf } from "./learning-record.server";
import { addMonths, isSatisfied } from "./rules";
import { requirementsFrom, trainingIn } from "./status.server";

/** The module a newly elected member is pointed to first. */
export const INDUCTION_MODULE = "councillor-induction";
/** "Newly elected": first elected (or appointed) within this many months. */
const NEWLY_ELECTED_MONTHS = 12;

export async function myLearning({ userId, language, now = new Date() }: { userId: string; language: Language; now?: Date }) {
  const modules = getCatalogue(language).modules;
  const today = ukToday(now);
  // Two queries: where they are in each module, and the rest of their record. Each record is read once: what
  // the page lists is also the training the requirements are checked against.
  const [progress, record] = await Promise.all([progressForModules({ userId, modules }), learningRecordOf(userId, now)]);
  const required = requirementsFrom({ userId, record, training: trainingIn(userId, record), language, today });
  const newest = <T>(rows: T[], at: (row: T) => Date) => [...rows].sort((a, b) => at(b).getTime() - at(a).getTime());
  const certificates = newest(record.completion, (c) => c.completedAt);
  const enrolments = new Map(record.enrolment.map((enrolment) => [enrolment.moduleId, { source: enrolment.source as EnrolmentSource }]));
  const home = { ...learningOverview(modules, progress), progress, certificates };
  const stateOf = (moduleId: string) => home.progress.get(moduleId)?.state ?? "not-started";
  const newlyElected = record.membership.some(
    (m) => !m.leftOfficeOn && m.confirmedAt && m.memberSince && m.memberSince >= addMonths(today, -NEWLY_ELECTED_MONTHS),
  );
  const induction = modules.find((module) => module.id === INDUCTION_MODULE);
  const recommended = newlyElected && induction && stateOf(induction.id) !== "completed" ? induction : home.firstNotStarted;
  // modules still owed to a council are being taken, whether or not the person has opened them yet
  const owed = new Set(required.filter((r) => r.moduleId && !isSatisfied(r.status)).map((r) => r.moduleId!));
  const taking = modules
    .filter((module) => stateOf(module.id) !== "completed" && (owed.has(module.id) || enrolments.has(module.id) || stateOf(module.id) === "in-progress"))
    .map((module) => ({
      id: module.id,
      title: module.title,
      percent: home.progress.get(module.id)?.percent ?? 0,
      source: owed.has(module.id) ? ("requirement" as const) : (enrolments.get(module.id)?.source ?? ("self" as const)),
    }));
  const titleOf = (moduleId: string, recorded: string) => modules.find((module) => module.id === moduleId)?.title ?? recorded;
  return {
    required,
    current: home.current && {
      moduleId: home.current.module.id,
      title: home.current.module.title,
      percent: home.current.progress.percent,
      minutesLeft: home.current.progress.minutesLeft,
      nextStep: home.current.progress.nextStep,
    },
    recommended:
      recommended && recommended.id !== home.current?.module.id
        ? { id: recommended.id, title: recommended.title, summary: recommended.summary, minutes: recommended.minutes, inductionFirst: recommended.id === INDUCTION_MODULE && newlyElected }
        : null,
    taking,
    completedCount: home.completedCount,
    moduleCount: home.moduleCount,
    bookings: record.booking
      .filter((booking) => booking.endsAt > now)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map(({ status, offerExpiresAt, courseId, title, language, startsAt, endsAt }) => ({ status, offerExpiresAt, course: { id: courseId, title, language, startsAt, endsAt } })),
    certificates: home.certificates.map((c) => ({ moduleId: c.moduleId, title: titleOf(c.moduleId, c.moduleTitle), completedAt: c.completedAt })),
    attended: newest(record.attended, (course) => course.startsAt)
      .slice(0, 500)
      .map((course) => ({ ...course, moduleTitle: course.moduleId ? (findModule(course.moduleId, language)?.title ?? null) : null })),
    recorded: newest(record.recorded, (r) => r.completedOn)
      .slice(0, 200)
      .map((r) => ({
        id: r.id,
        title: r.title,
        provider: r.provider,
        completedOn: r.completedOn,
        council: nameIn(language, r.councilName, r.councilWelshName),
        evidence: r.evidenceFileId && r.evidenceFileName ? { id: r.evidenceFileId, name: r.evidenceFileName } : null,
      })),
    /** Courses attended and ended that await their feedback: ids (at most 500), for links beside the courses attended */
    feedbackDue: feedbackDue(record.awaitingFeedback),
    reviews: [...record.review]
      .sort((a, b) => b.municipalYear - a.municipalYear)
      .map(({ councilName, councilWelshName, ...review }) => ({ ...review, council: nameIn(language, councilName, councilWelshName) })),
    /** What the page's heading names: the council on their account, else the councils they sit on now */
    councils: record.council.length
      ? record.council.map((council) => council.name)
      : record.membership
          .filter((membership) => !membership.leftOfficeOn)
          .map((membership) => membership.councilName)
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

const nameIn = (language: Language, name: string, welshName: string | null) => (language === "cy" ? (welshName ?? name) : name);

/**
 * A person's enrolment on one module, what a council requires of them in it (the module page's "your learning"),
 * and the scheduled courses that go with it that they attended, latest first. One query.
 */
export async function moduleEnrolment({ userId, moduleId, language, now = new Date() }: { userId: string; moduleId: string; language: Language; now?: Date }) {
  const record = await moduleRecordOf(userId, moduleId);
  const required = requirementsFrom({ userId, record, training: trainingIn(userId, record), language, today: ukToday(now) });
  const requirement = required.find((r) => r.moduleId === moduleId && r.status.state !== "exempt") ?? null;
  const attended = record.attended
    .filter((course) => course.moduleId === moduleId)
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())
    .map(({ courseId, title, startsAt }) => ({ courseId, title, startsAt }));
  return { source: (record.enrolment[0]?.source as EnrolmentSource | undefined) ?? null, requirement, attended };
}
