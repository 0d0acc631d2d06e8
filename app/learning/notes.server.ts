// What a councillor writes or chooses inside a lesson: case-study choices and private reflections.
// Reflections belong to their author alone: only the author's own lesson pages read them here, and no
// report, officer or staff page reads these tables (learningFor in reader.server.ts never does).
import { lessonTree, type ModuleInfo } from "~/content/content.server";
import { componentsIn } from "~/content/tree";
import { db } from "~/utils/db.server";
import { caseStudyChoice, reflectionProblem } from "./core";

type NoteRow = { kind: "case-study" | "reflection"; key: string; text: string; at: Date | string };

/** The councillor's own case-study choices and reflections in a module (one plain SQL query: lesson pages read it). */
export async function notesForModule({ userId, moduleId }: { userId: string; moduleId: string }) {
  const rows = await db.$queryRaw<NoteRow[]>`
    SELECT 'case-study' AS kind, "caseStudyId" AS key, "choice" AS text, "answeredAt" AS at
      FROM "CaseStudyAnswer" WHERE "userId" = ${userId} AND "moduleId" = ${moduleId}
    UNION ALL
    SELECT 'reflection', "promptId", "text", "updatedAt"
      FROM "Reflection" WHERE "userId" = ${userId} AND "moduleId" = ${moduleId}`;
  const notes = { caseStudyAnswers: {} as Record<string, string>, reflections: {} as Record<string, { text: string; updatedAt: Date }> };
  for (const row of rows) {
    if (row.kind === "case-study") notes.caseStudyAnswers[row.key] = row.text;
    else notes.reflections[row.key] = { text: row.text, updatedAt: new Date(row.at) };
  }
  return notes;
}

type InLesson = { userId: string; module: ModuleInfo; lessonSlug: string };

/** The case studies and reflection prompts a lesson really has (null: no such lesson): a form can only name one of these. */
async function lessonActivities(module: ModuleInfo, lessonSlug: string) {
  const tree = await lessonTree(module, lessonSlug);
  return (
    tree && {
      caseStudies: componentsIn(tree, "CaseStudy").map((c) => ({ id: c.p!.id as string, choices: c.p!.choices as string[] })),
      reflections: componentsIn(tree, "Reflection").map((c) => c.p!.id as string),
    }
  );
}

/** Records the choice (by its position in the lesson; its text is stored) a councillor committed to. */
export async function answerCaseStudy({
  userId,
  module,
  lessonSlug,
  caseStudyId,
  choice,
}: InLesson & { caseStudyId: string; choice: number | undefined }) {
  const caseStudy = (await lessonActivities(module, lessonSlug))?.caseStudies.find((c) => c.id === caseStudyId);
  if (!caseStudy) return { status: "not-in-lesson" } as const;
  const text = caseStudyChoice(caseStudy.choices, choice);
  if (text === null) return { status: "no-choice" } as const;
  await db.caseStudyAnswer.upsert({
    where: { userId_moduleId_caseStudyId: { userId, moduleId: module.id, caseStudyId } },
    create: { userId, moduleId: module.id, caseStudyId, choice: text },
    update: { choice: text, answeredAt: new Date() },
  });
  return { status: "answered" } as const;
}

export async function saveReflection({ userId, module, lessonSlug, promptId, text }: InLesson & { promptId: string; text: string }) {
  if (!(await lessonActivities(module, lessonSlug))?.reflections.includes(promptId)) return { status: "not-in-lesson" } as const;
  const problem = reflectionProblem(text);
  if (problem) return { status: "invalid", problem } as const;
  await db.reflection.upsert({
    where: { userId_moduleId_promptId: { userId, moduleId: module.id, promptId } },
    create: { userId, moduleId: module.id, promptId, text: text.trim() },
    update: { text: text.trim() },
  });
  return { status: "saved" } as const;
}

/** Deletes the councillor's own reflection (someone else's is never touched: the user id comes from the session). */
export async function deleteReflection({ userId, module, lessonSlug, promptId }: InLesson & { promptId: string }) {
  if (!(await lessonActivities(module, lessonSlug))?.reflections.includes(promptId)) return { status: "not-in-lesson" } as const;
  await db.reflection.deleteMany({ where: { userId, moduleId: module.id, promptId } });
  return { status: "deleted" } as const;
}
