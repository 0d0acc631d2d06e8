// The knowledge check at the end of a module: attempts drawn, graded (by the rules in core.ts) and recorded
// here. An attempt is started (its questions drawn and stored) by a POST, and submitted once: the database
// keeps one open attempt per person and module (a unique key) and grades a double submission once (a
// conditional update). Which option is correct and why stays on the server until the councillor has passed.
import { randomInt } from "node:crypto";
import type { KnowledgeCheckAttempt } from "@prisma/client";
import type { KnowledgeCheck } from "~/content/schema";
import { db, isUniqueViolation } from "~/utils/db.server";
import { drawnCheck, drawQuestions, grade, unansweredQuestions, wholeBank, type Answers, type Draw, type ModuleOutline, type Random } from "./core";
import { enrol } from "./enrolments.server";
import { completeIfDone } from "./progress.server";

function secureRandom() {
  return randomInt(2 ** 47) / 2 ** 47;
}

const openKeyOf = (userId: string, moduleId: string) => `${userId}:${moduleId}`;

/** The check an attempt asked, as it was shown; null when the content no longer has its questions. */
function checkOf(attempt: KnowledgeCheckAttempt, module: ModuleOutline, bank: KnowledgeCheck) {
  if (attempt.moduleVersion !== module.version) return null;
  return drawnCheck(bank, attempt.questions ? (JSON.parse(attempt.questions) as Draw) : wholeBank(bank));
}

/** The councillor's open attempt at this module's check with its questions as shown, or null. */
export async function openAttempt({ userId, module, knowledgeCheck }: { userId: string; module: ModuleOutline; knowledgeCheck: KnowledgeCheck }) {
  const attempt = await db.knowledgeCheckAttempt.findUnique({ where: { openKey: openKeyOf(userId, module.id) } });
  const check = attempt && checkOf(attempt, module, knowledgeCheck);
  return attempt && check ? { id: attempt.id, check } : null;
}

/**
 * Starts an attempt: draws its questions and stores them. An open attempt already started (another tab, a
 * double click) is kept and returned; one the content has changed under is dropped for a new draw.
 * `at` back-dates it (the demo data); `random` seeds the draw (tests, the demo data).
 */
export async function startKnowledgeCheck({
  userId,
  module,
  knowledgeCheck,
  at,
  random = secureRandom,
}: {
  userId: string;
  module: ModuleOutline;
  knowledgeCheck: KnowledgeCheck;
  at?: Date;
  random?: Random;
}) {
  const openKey = openKeyOf(userId, module.id);
  // starting the check starts the module, for someone who goes to it first
  await enrol({ userId, moduleId: module.id, source: "self" });
  for (;;) {
    const open = await db.knowledgeCheckAttempt.findUnique({ where: { openKey } });
    const openCheck = open && checkOf(open, module, knowledgeCheck);
    if (open && openCheck) return { id: open.id, check: openCheck };
    // an open attempt whose questions are gone (a new version) is never graded: it makes way (that one
    // only, by id, so a fresh attempt another request has just started stays)
    if (open) await db.knowledgeCheckAttempt.deleteMany({ where: { id: open.id, submittedAt: null } });
    const draw = drawQuestions(knowledgeCheck, random);
    try {
      const attempt = await db.knowledgeCheckAttempt.create({
        data: { userId, moduleId: module.id, moduleVersion: module.version, questions: JSON.stringify(draw), openKey, createdAt: at },
        select: { id: true },
      });
      return { id: attempt.id, check: drawnCheck(knowledgeCheck, draw)! };
    } catch (error) {
      // started at the same moment by another request: take that one
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

export type Submission =
  | { kind: "not-found" }
  /** submitted before (a double submission): graded once, the first stands */
  | { kind: "already-submitted"; attemptId: string }
  /** some of the attempt's questions are not answered with one of their options */
  | { kind: "unanswered"; questionIds: string[]; check: KnowledgeCheck }
  | { kind: "graded"; attemptId: string; passed: boolean; completed: Awaited<ReturnType<typeof completeIfDone>> };

/**
 * Grades an open attempt against its own questions and closes it; completes the module if the lessons are
 * already done. `at` back-dates the submission (the demo data); it defaults to now.
 */
export async function submitKnowledgeCheck({
  userId,
  module,
  knowledgeCheck,
  attemptId,
  answers,
  at = new Date(),
}: {
  userId: string;
  module: ModuleOutline;
  knowledgeCheck: KnowledgeCheck;
  attemptId: string;
  answers: Answers;
  at?: Date;
}): Promise<Submission> {
  const attempt = await db.knowledgeCheckAttempt.findFirst({ where: { id: attemptId, userId, moduleId: module.id } });
  if (!attempt) return { kind: "not-found" };
  if (attempt.submittedAt) return { kind: "already-submitted", attemptId };
  const check = checkOf(attempt, module, knowledgeCheck);
  if (!check) return { kind: "not-found" };
  const questionIds = unansweredQuestions(check, answers);
  if (questionIds.length > 0) return { kind: "unanswered", questionIds, check };
  const graded = grade(check, answers, module.passMark);
  const asked = Object.fromEntries(check.questions.map((q) => [q.id, answers[q.id]!]));
  const { count } = await db.knowledgeCheckAttempt.updateMany({
    where: { id: attemptId, submittedAt: null },
    data: {
      correct: graded.correct,
      total: graded.total,
      scorePercent: graded.scorePercent,
      passed: graded.passed,
      answers: JSON.stringify(asked),
      submittedAt: at,
      openKey: null,
    },
  });
  if (count === 0) return { kind: "already-submitted", attemptId };
  const completed = graded.passed ? await completeIfDone({ userId, module, at }) : null;
  return { kind: "graded", attemptId, passed: graded.passed, completed };
}

/**
 * A submitted attempt, for display to its author only. A pass shows every answer with its explanation; a
 * fail shows which questions were wrong and the lesson covering each, never the right answers.
 */
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
  const attempt = await db.knowledgeCheckAttempt.findFirst({ where: { id: attemptId, userId, moduleId: module.id, submittedAt: { not: null } } });
  if (!attempt) return null;
  // The recorded score stands whatever changes later. Answers are shown only against the questions they
  // were given to: an earlier version's attempt must not reveal the answers to today's questions.
  const check = checkOf(attempt, module, knowledgeCheck);
  const passed = attempt.passed!;
  const lessonTitle = new Map(module.lessons.map((l) => [l.slug, l.title]));
  const results = check
    ? grade(check, JSON.parse(attempt.answers!) as Answers, module.passMark).results.map((r) => ({
        questionId: r.questionId,
        prompt: r.prompt,
        chosen: r.chosen,
        isCorrect: r.isCorrect,
        lesson: lessonTitle.has(r.lesson) ? { slug: r.lesson, title: lessonTitle.get(r.lesson)! } : null,
        ...(passed ? { correctAnswer: r.correctAnswer, explanation: r.explanation } : {}),
      }))
    : [];
  return {
    id: attempt.id,
    correct: attempt.correct!,
    total: attempt.total!,
    scorePercent: attempt.scorePercent!,
    passed,
    submittedAt: attempt.submittedAt!,
    sameVersion: check !== null,
    results,
  };
}
