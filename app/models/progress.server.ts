// Where a councillor is in each module: lessons marked complete, the best knowledge-check score and the
// completion. Derived from what they did (POSTs), never from what they viewed, so no GET writes.
import type { ModuleInfo } from "~/content/content.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { newCertificateCode } from "./completion.server";

export type ModuleState = "not-started" | "in-progress" | "completed";
/** "finish": everything is done but the completion is not recorded (a lesson was dropped from the module since) */
export type NextStep = { kind: "lesson"; slug: string; title: string } | { kind: "check" } | { kind: "finish" } | null;

/** Where a next step is: a lesson, the knowledge check, or (to finish, or when done) the module page. */
export function nextStepHref(moduleId: string, step: NextStep) {
  if (step?.kind === "lesson") return `/modules/${moduleId}/lessons/${step.slug}`;
  if (step?.kind === "check") return `/modules/${moduleId}/check`;
  return `/modules/${moduleId}`;
}

export type ModuleProgress = {
  moduleId: string;
  state: ModuleState;
  percent: number;
  completedLessons: string[];
  lessonsDone: number;
  bestScore: number | null;
  passed: boolean;
  minutesLeft: number;
  nextStep: NextStep;
  completedAt: Date | null;
  certificateCode: string | null;
  lastActivityAt: Date | null;
};

type Activity = {
  lessons: { moduleId: string; lessonSlug: string; completedAt: Date }[];
  /** One per module: the best score, whether any attempt passed, and the latest time */
  attempts: { moduleId: string; scorePercent: number; passed: boolean; createdAt: Date }[];
  completions: { moduleId: string; completedAt: Date; certificateCode: string }[];
};

/** Progress in every given module, in one query whatever the number of modules. */
export async function progressForModules(userId: string, modules: ModuleInfo[]): Promise<Map<string, ModuleProgress>> {
  const activity = await activityOf(
    userId,
    modules.map((m) => m.id),
  );
  return new Map(modules.map((module) => [module.id, summarise(module, activity)]));
}

type ActivityRow = {
  kind: "lesson" | "attempts" | "completion";
  moduleId: string;
  label: string | null;
  score: number | null;
  passed: number | null;
  at: Date | string;
};

// Every module and lesson page reads this, so it is one plain SQL query rather than three Prisma ones:
// Prisma 6 compiles each query on the main thread first (about 0.4 ms each; see npm run bench).
// It reads all of the councillor's modules (a few dozen rows) and attempts come summed up per module.
async function activityOf(userId: string, moduleIds: string[]): Promise<Activity> {
  const activity: Activity = { lessons: [], attempts: [], completions: [] };
  const wanted = new Set(moduleIds);
  const rows = await db.$queryRaw<ActivityRow[]>`
    SELECT 'lesson' AS kind, "moduleId", "lessonSlug" AS label, CAST(NULL AS INTEGER) AS score, CAST(NULL AS INTEGER) AS passed, "completedAt" AS at
      FROM "LessonProgress" WHERE "userId" = ${userId}
    UNION ALL
    SELECT 'attempts', "moduleId", NULL, MAX("scorePercent"), MAX(CASE WHEN "passed" THEN 1 ELSE 0 END), MAX("createdAt")
      FROM "QuizAttempt" WHERE "userId" = ${userId} GROUP BY "moduleId"
    UNION ALL
    SELECT 'completion', "moduleId", "certificateCode", NULL, NULL, "completedAt"
      FROM "ModuleCompletion" WHERE "userId" = ${userId}`;
  for (const row of rows) {
    if (!wanted.has(row.moduleId)) continue;
    const at = new Date(row.at);
    if (row.kind === "lesson") activity.lessons.push({ moduleId: row.moduleId, lessonSlug: row.label!, completedAt: at });
    else if (row.kind === "attempts")
      activity.attempts.push({ moduleId: row.moduleId, scorePercent: Number(row.score), passed: Number(row.passed) === 1, createdAt: at });
    else activity.completions.push({ moduleId: row.moduleId, completedAt: at, certificateCode: row.label! });
  }
  return activity;
}

export async function progressForModule(userId: string, module: ModuleInfo): Promise<ModuleProgress> {
  return (await progressForModules(userId, [module])).get(module.id)!;
}

function summarise(module: ModuleInfo, activity: Activity): ModuleProgress {
  const lessonSlugs = new Set(module.lessons.map((l) => l.slug));
  // lessons dropped from a later version of the module no longer count
  const done = activity.lessons.filter((l) => l.moduleId === module.id && lessonSlugs.has(l.lessonSlug));
  const completedLessons = done.map((l) => l.lessonSlug);
  const attempts = activity.attempts.filter((a) => a.moduleId === module.id);
  const completion = activity.completions.find((c) => c.moduleId === module.id) ?? null;
  const passed = attempts.some((a) => a.passed);
  const bestScore = attempts.length > 0 ? Math.max(...attempts.map((a) => a.scorePercent)) : null;
  const remaining = module.lessons.filter((l) => !completedLessons.includes(l.slug));
  const steps = module.lessons.length + 1;
  const stepsDone = completedLessons.length + (passed ? 1 : 0);
  const times = [...done.map((l) => l.completedAt), ...attempts.map((a) => a.createdAt), ...(completion ? [completion.completedAt] : [])];
  const started = stepsDone > 0 || attempts.length > 0;
  return {
    moduleId: module.id,
    state: completion ? "completed" : started ? "in-progress" : "not-started",
    percent: completion ? 100 : Math.floor((stepsDone / steps) * 100),
    completedLessons,
    lessonsDone: completedLessons.length,
    bestScore,
    passed,
    minutesLeft: completion ? 0 : remaining.reduce((sum, l) => sum + l.minutes, 0) + (passed ? 0 : module.checkMinutes),
    nextStep: completion
      ? null
      : remaining[0]
      ? { kind: "lesson", slug: remaining[0].slug, title: remaining[0].title }
      : passed
      ? { kind: "finish" }
      : { kind: "check" },
    completedAt: completion?.completedAt ?? null,
    certificateCode: completion?.certificateCode ?? null,
    lastActivityAt: times.length > 0 ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
  };
}

/** Marks a lesson complete (again is harmless) and completes the module if that was the last step. */
export async function markLessonComplete({ userId, module, lessonSlug }: { userId: string; module: ModuleInfo; lessonSlug: string }) {
  if (!module.lessons.some((l) => l.slug === lessonSlug)) throw new Error(`No lesson ${lessonSlug} in ${module.id}`);
  try {
    await db.lessonProgress.upsert({
      where: { userId_moduleId_lessonSlug: { userId, moduleId: module.id, lessonSlug } },
      create: { userId, moduleId: module.id, lessonSlug },
      update: {},
    });
  } catch (error) {
    // the same lesson marked twice at once (a double click): the first one counts
    if (!isUniqueViolation(error)) throw error;
  }
  return completeIfDone({ userId, module });
}

/** The module the councillor was most recently working on and not yet finished, with its next step. */
export async function continueLearning(userId: string, modules: ModuleInfo[]) {
  const progress = await progressForModules(userId, modules);
  const inProgress = modules
    .map((module) => ({ module, progress: progress.get(module.id)! }))
    .filter(({ progress }) => progress.state === "in-progress")
    .sort((a, b) => (b.progress.lastActivityAt?.getTime() ?? 0) - (a.progress.lastActivityAt?.getTime() ?? 0));
  return { current: inProgress[0] ?? null, progress };
}

/**
 * Records the module's completion once every lesson is done and the check passed (the "finish" step),
 * with the version, title, name and council as they are now. { isNew: true } when this call completed it,
 * null while there is more to do. A completion is never undone by a later version.
 */
export async function completeIfDone({ userId, module }: { userId: string; module: ModuleInfo }) {
  const key = { userId_moduleId: { userId, moduleId: module.id } };
  const progress = await progressForModule(userId, module);
  // (a completion another request has just written counts as done here, never as "more to do")
  if (progress.state === "completed") return { completion: await db.moduleCompletion.findUniqueOrThrow({ where: key }), isNew: false };
  if (progress.nextStep?.kind !== "finish") return null;
  const holder = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, council: { select: { name: true } } } });
  try {
    const completion = await db.moduleCompletion.create({
      data: {
        userId,
        moduleId: module.id,
        moduleVersion: module.version,
        moduleTitle: module.title,
        holderName: holder.name,
        councilName: holder.council?.name ?? null,
        scorePercent: progress.bestScore!,
        certificateCode: newCertificateCode(),
      },
    });
    return { completion, isNew: true };
  } catch (error) {
    // two requests finished the module at once: the first one's completion stands
    if (!isUniqueViolation(error)) throw error;
    return { completion: await db.moduleCompletion.findUniqueOrThrow({ where: key }), isNew: false };
  }
}
