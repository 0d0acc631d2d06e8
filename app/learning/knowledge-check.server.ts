// The knowledge check at the end of a module: attempts graded (by the rule in core.ts) and recorded here.
// Which option is correct and why stays on the server until the councillor has submitted.
import type { KnowledgeCheck } from "~/content/schema";
import { db } from "~/utils/db.server";
import { grade, type Answers, type ModuleOutline } from "./core";
import { completeIfDone } from "./progress.server";

/**
 * Grades and records an attempt; completes the module if the lessons are already done.
 * `at` back-dates the attempt (the demo data); it defaults to now.
 */
export async function submitKnowledgeCheck({
  userId,
  module,
  knowledgeCheck,
  answers,
  at,
}: {
  userId: string;
  module: ModuleOutline;
  knowledgeCheck: KnowledgeCheck;
  answers: Answers;
  at?: Date;
}) {
  const graded = grade(knowledgeCheck, answers, module.passMark);
  const attempt = await db.knowledgeCheckAttempt.create({
    data: {
      userId,
      moduleId: module.id,
      moduleVersion: module.version,
      correct: graded.correct,
      total: graded.total,
      scorePercent: graded.scorePercent,
      passed: graded.passed,
      answers: JSON.stringify(answers),
      createdAt: at,
    },
  });
  const completed = graded.passed ? await completeIfDone({ userId, module, at }) : null;
  return { attempt, completed };
}

/** A submitted attempt, graded for display. Only its author may see it. */
export async function attemptResults({
  userId,
  module,
  knowledgeCheck,
  attemptId,
}: {
  userId: string;
  module: ModuleOutline;
  knowledgeCheck: KnowledgeCheck;
  attemptId: string;
}) {
  const attempt = await db.knowledgeCheckAttempt.findFirst({ where: { id: attemptId, userId, moduleId: module.id } });
  if (!attempt) return null;
  // The recorded score stands whatever changes later. Answers are shown only against the questions they
  // were given to: an earlier version's attempt must not reveal the answers to today's questions.
  const sameVersion = attempt.moduleVersion === module.version;
  const { results } = sameVersion ? grade(knowledgeCheck, JSON.parse(attempt.answers) as Answers, module.passMark) : { results: [] };
  return {
    id: attempt.id,
    correct: attempt.correct,
    total: attempt.total,
    scorePercent: attempt.scorePercent,
    passed: attempt.passed,
    createdAt: attempt.createdAt,
    sameVersion,
    results,
  };
}
