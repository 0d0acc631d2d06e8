// What a councillor writes or chooses inside a lesson: case-study choices and private reflections.
// Reflections belong to their author alone: no report, officer or staff page reads this table.
import { db } from "~/utils/db.server";

type Key = { userId: string; moduleId: string };

type NoteRow = { kind: "case-study" | "reflection"; key: string; text: string | null; at: Date | string };

/** The councillor's own case-study choices and reflections in a module (one plain SQL query: lesson pages read it). */
export async function notesForModule({ userId, moduleId }: Key) {
  const rows = await db.$queryRaw<NoteRow[]>`
    SELECT 'case-study' AS kind, "caseStudyId" AS key, "choice" AS text, "answeredAt" AS at
      FROM "CaseStudyAnswer" WHERE "userId" = ${userId} AND "moduleId" = ${moduleId}
    UNION ALL
    SELECT 'reflection', "promptId", "text", "updatedAt"
      FROM "Reflection" WHERE "userId" = ${userId} AND "moduleId" = ${moduleId}`;
  const notes = { caseStudyAnswers: {} as Record<string, string>, reflections: {} as Record<string, { text: string; updatedAt: Date }> };
  for (const row of rows) {
    if (row.kind === "case-study") notes.caseStudyAnswers[row.key] = row.text ?? "";
    else notes.reflections[row.key] = { text: row.text ?? "", updatedAt: new Date(row.at) };
  }
  return notes;
}

/** Records the choice (its text) a councillor committed to. */
export async function answerCaseStudy({ userId, moduleId, caseStudyId, choice }: Key & { caseStudyId: string; choice: string }) {
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
