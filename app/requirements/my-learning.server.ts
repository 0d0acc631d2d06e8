// "My learning", a councillor's home: what their councils require of them and by when, the modules they are
// taking, their courses and offers, what they have completed (here, at a course, or recorded by a council),
// and what to do next. It gathers from the learning, courses and requirements domains in one round of queries.
import { getCatalogue } from "~/content/content.server";
import { membershipsOf } from "~/councils/membership.server";
import { upcomingBookingsOf } from "~/courses/courses.server";
import { attendedCourses } from "~/courses/record.server";
import type { Language } from "~/i18n/config";
import { enrolmentsOf } from "~/learning/enrolments.server";
import { certificatesFor } from "~/learning/certificates.server";
import { learningOverview } from "~/learning/core";
import { progressForModules } from "~/learning/reader.server";
import { ukToday } from "~/utils/uk-time";
import { recordedTrainingOf } from "./recorded.server";
import { reviewsOf } from "./reviews.server";
import { addMonths, isSatisfied } from "./rules";
import { requirementsOf } from "./status.server";
import { lastPassesOf, trainingFrom } from "./training.server";

/** The module a newly elected member is pointed to first. */
export const INDUCTION_MODULE = "councillor-induction";
/** "Newly elected": first elected (or appointed) within this many months. */
const NEWLY_ELECTED_MONTHS = 12;

export async function myLearning({ userId, language, now = new Date() }: { userId: string; language: Language; now?: Date }) {
  const modules = getCatalogue(language).modules;
  const today = ukToday(now);
  // Each record is read once: what the page lists is also the training the requirements are checked against.
  const [progress, certificates, passes, enrolments, bookings, attended, recorded, memberships, reviews] = await Promise.all([
    progressForModules({ userId, modules }),
    certificatesFor({ userId }),
    lastPassesOf(userId),
    enrolmentsOf(userId),
    upcomingBookingsOf(userId, now),
    attendedCourses(userId, { language }),
    recordedTrainingOf(userId),
    membershipsOf(userId),
    reviewsOf(userId),
  ]);
  const training = trainingFrom({
    completions: certificates.map((c) => ({ ...c, userId })),
    passes,
    courses: attended.map((course) => ({ userId, id: course.courseId, title: course.title, topic: course.topic, endsAt: course.endsAt })),
    recorded: recorded.map((r) => ({ ...r, userId })),
  });
  const required = await requirementsOf({ userId, language, today, training });
  const home = { ...learningOverview(modules, progress), progress, certificates };
  const stateOf = (moduleId: string) => home.progress.get(moduleId)?.state ?? "not-started";
  const newlyElected = memberships.some(
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
    bookings,
    certificates: home.certificates.map((c) => ({ moduleId: c.moduleId, title: titleOf(c.moduleId, c.moduleTitle), completedAt: c.completedAt })),
    attended,
    recorded: recorded.map((r) => ({
      id: r.id,
      title: r.title,
      provider: r.provider,
      completedOn: r.completedOn,
      council: language === "cy" ? (r.council.welshName ?? r.council.name) : r.council.name,
      evidence: r.evidenceFile,
    })),
    reviews: reviews.map(({ membership, ...review }) => ({
      ...review,
      council: language === "cy" ? (membership.council.welshName ?? membership.council.name) : membership.council.name,
    })),
  };
}

/** A person's enrolment on one module, and what a council requires of them in it (the module page's "your learning"). */
export async function moduleEnrolment({ userId, moduleId, language }: { userId: string; moduleId: string; language: Language }) {
  const [enrolments, required] = await Promise.all([enrolmentsOf(userId), requirementsOf({ userId, language })]);
  const requirement = required.find((r) => r.moduleId === moduleId && r.status.state !== "exempt") ?? null;
  return { source: enrolments.get(moduleId)?.source ?? null, requirement };
}
