// What a councillor writes or chooses inside a lesson: case-study choices and private reflections.
// Reflections belong to their author alone: no report, officer or staff page reads this table.
import { db } from "~/utils/db.server";

type Key = { userId: string; moduleId: string };

export async function notesForModule({ userId, moduleId }: Key) {
  const [answers, reflections] = await Promise.all([
    db.caseStudyAnswer.findMany({ where: { userId, moduleId }, select: { caseStudyId: true, choice: true } }),
    db.reflection.findMany({ where: { userId, moduleId }, select: { promptId: true, text: true, updatedAt: true } }),
  ]);
  return {
    caseStudyAnswers: Object.fromEntries(answers.map((a) => [a.caseStudyId, a.choice])) as Record<string, number>,
    reflections: Object.fromEntries(reflections.map((r) => [r.promptId, { text: r.text, updatedAt: r.updatedAt }])) as Record<string, { text: string; updatedAt: Date }>,
  };
}

export async function answerCaseStudy({ userId, moduleId, caseStudyId, choice }: Key & { caseStudyId: string; choice: number }) {
  await db.caseStudyAnswer.upsert({
    where: { userId_moduleId_caseStudyId: { userId, moduleId, caseStudyId } },
    create: { userId, moduleId, caseStudyId, choice },
    update: { choice, answeredAt: new Date() },
  });
}

export async function saveReflection({ userId, moduleId, promptId, text }: Key & { promptId: string; text: string }) {
  await db.reflection.upsert({
    where: { userId_moduleId_promptId: { userId, moduleId, promptId } },
    create: { userId, moduleId, promptId, text },
    update: { text },
  });
}

export async function deleteReflection({ userId, moduleId, promptId }: Key & { promptId: string }) {
  await db.reflection.deleteMany({ where: { userId, moduleId, promptId } });
}
