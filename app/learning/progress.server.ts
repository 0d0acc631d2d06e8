// Writes a councillor's progress: lessons marked complete and the module's completion, which is recorded
// the moment the rule in core.ts says it is done (by whichever step came last), with the certificate's code.
import type { ModuleCompletion } from "@prisma/client";
import { currentCouncilNames } from "~/councils/membership.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { newCertificateCode } from "./certificates.server";
import { enrol } from "./enrolments.server";
import { isReadyToComplete, stepAfterLesson, type ModuleOutline, type ModuleProgress, type NextStep } from "./core";
import { progressForModule } from "./reader.server";

/** isNew: this call recorded the completion (rather than an earlier step or a concurrent request). */
export type Completed = { completion: ModuleCompletion; isNew: boolean };

/**
 * Marks a lesson complete (again is harmless) and completes the module if that was the last step.
 * `next` is where the councillor goes now: the following lesson, else what is left (null when complete).
 * `at` back-dates the record (the demo data); it defaults to now.
 */
export async function markLessonComplete({
  userId,
  module,
  lessonSlug,
  at,
}: {
  userId: string;
  module: ModuleOutline;
  lessonSlug: string;
  at?: Date;
}): Promise<{ completed: Completed | null; next: NextStep }> {
  if (!module.lessons.some((l) => l.slug === lessonSlug)) throw new Error(`No lesson ${lessonSlug} in ${module.id}`);
  try {
    await db.lessonProgress.create({ data: { userId, moduleId: module.id, lessonSlug, completedAt: at }, select: { id: true } });
  } catch (error) {
    // marked before, or twice at once (a double click): the unique index keeps the first, which stands
    if (!isUniqueViolation(error)) throw error;
  }
  // starting a module enrols the person on it (a module they were already enrolled on keeps how they came to it)
  await enrol({ userId, moduleId: module.id, source: "self" });
  const progress = await progressForModule({ userId, module });
  const completed = await recordCompletion({ userId, module, progress, at });
  return { completed, next: completed?.isNew ? null : stepAfterLesson(module, lessonSlug, progress) };
}

/**
 * Records the module's completion if every step is done (the "finish" step: a lesson was dropped since the
 * last one), with the version, title, name and council as they are now. null while there is more to do.
 */
export async function completeIfDone({ userId, module, at }: { userId: string; module: ModuleOutline; at?: Date }) {
  return recordCompletion({ userId, module, progress: await progressForModule({ userId, module }), at });
}

async function recordCompletion({
  userId,
  module,
  progress,
  at,
}: {
  userId: string;
  module: ModuleOutline;
  progress: ModuleProgress;
  at?: Date;
}): Promise<Completed | null> {
  const key = { userId_moduleId: { userId, moduleId: module.id } };
  // (a completion another request has just written counts as done here, never as "more to do")
  if (progress.state === "completed") return { completion: await db.moduleCompletion.findUniqueOrThrow({ where: key }), isNew: false };
  if (!isReadyToComplete(progress)) return null;
  const [holder, councils] = await Promise.all([db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }), currentCouncilNames(userId)]);
  try {
    const completion = await db.moduleCompletion.create({
      data: {
        userId,
        moduleId: module.id,
        moduleVersion: module.version,
        moduleTitle: module.title,
        holderName: holder.name,
        // Every council they sit on: a county and a district councillor's certificate names both
        councilName: councils.join(", ") || null,
        scorePercent: progress.bestScore!,
        certificateCode: newCertificateCode(),
        completedAt: at,
      },
    });
    return { completion, isNew: true };
  } catch (error) {
    // two requests finished the module at once: the unique index keeps the first one's completion
    if (!isUniqueViolation(error)) throw error;
    return { completion: await db.moduleCompletion.findUniqueOrThrow({ where: key }), isNew: false };
  }
}
