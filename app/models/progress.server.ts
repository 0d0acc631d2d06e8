// Where a councillor is in each module: lessons marked complete, the best knowledge-check score and the
// completion. Derived from what they did (POSTs), never from what they viewed, so no GET writes.
import type { ModuleInfo } from "~/content/content.server";
import { db } from "~/utils/db.server";
import { completeIfDone } from "./completion.server";

export type ModuleState = "not-started" | "in-progress" | "completed";
export type NextStep = { kind: "lesson"; slug: string; title: string } | { kind: "check" } | null;

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
  attempts: { moduleId: string; scorePercent: number; passed: boolean; createdAt: Date }[];
  completions: { moduleId: string; completedAt: Date; certificateCode: string }[];
};

/** Progress in every given module, in three queries whatever the number of modules. */
export async function progressForModules(userId: string, modules: ModuleInfo[]): Promise<Map<string, ModuleProgress>> {
  const moduleIds = modules.map((m) => m.id);
  const where = { userId, moduleId: { in: moduleIds } };
  const [lessons, attempts, completions] = await Promise.all([
    db.lessonProgress.findMany({ where, select: { moduleId: true, lessonSlug: true, completedAt: true } }),
    db.quizAttempt.findMany({ where, select: { moduleId: true, scorePercent: true, passed: true, createdAt: true } }),
    db.moduleCompletion.findMany({ where, select: { moduleId: true, completedAt: true, certificateCode: true } }),
  ]);
  return new Map(modules.map((module) => [module.id, summarise(module, { lessons, attempts, completions })]));
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
    nextStep: completion ? null : remaining[0] ? { kind: "lesson", slug: remaining[0].slug, title: remaining[0].title } : passed ? null : { kind: "check" },
    completedAt: completion?.completedAt ?? null,
    certificateCode: completion?.certificateCode ?? null,
    lastActivityAt: times.length > 0 ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
  };
}

/** Marks a lesson complete (again is harmless) and completes the module if that was the last step. */
export async function markLessonComplete({ userId, module, lessonSlug }: { userId: string; module: ModuleInfo; lessonSlug: string }) {
  if (!module.lessons.some((l) => l.slug === lessonSlug)) throw new Error(`No lesson ${lessonSlug} in ${module.id}`);
  await db.lessonProgress.upsert({
    where: { userId_moduleId_lessonSlug: { userId, moduleId: module.id, lessonSlug } },
    create: { userId, moduleId: module.id, lessonSlug },
    update: {},
  });
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
