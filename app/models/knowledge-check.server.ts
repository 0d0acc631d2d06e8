// The knowledge check at the end of a module, graded here. Which option is correct and why stays on the
// server until the councillor has submitted: questionsToAsk() is all a page gets before then.
import type { ModuleInfo } from "~/content/content.server";
import type { Quiz } from "~/content/schema";
import { db } from "~/utils/db.server";
import { completeIfDone } from "./progress.server";

export type Answers = Record<string, string>;

/** The questions and options without their answers or explanations. */
export function questionsToAsk(quiz: Quiz) {
  return quiz.questions.map((q) => ({ id: q.id, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) }));
}

/** Questions left unanswered, or answered with an option that is not theirs. */
export function unansweredQuestions(quiz: Quiz, answers: Answers): string[] {
  return quiz.questions.filter((q) => !q.options.some((o) => o.id === answers[q.id])).map((q) => q.id);
}

export function grade(quiz: Quiz, answers: Answers, passMark: number) {
  const results = quiz.questions.map((q) => {
    const correctOption = q.options.find((o) => o.correct)!;
    return {
      questionId: q.id,
      prompt: q.prompt,
      chosen: q.options.find((o) => o.id === answers[q.id])?.text ?? null,
      correctAnswer: correctOption.text,
      isCorrect: answers[q.id] === correctOption.id,
      explanation: q.explanation,
    };
  });
  const correct = results.filter((r) => r.isCorrect).length;
  const total = results.length;
  return {
    correct,
    total,
    scorePercent: Math.floor((correct * 100) / total),
    // compared exactly, so 7 of 10 passes a mark of 70 whatever the rounding
    passed: correct * 100 >= passMark * total,
    results,
  };
}

/** Grades and records an attempt; completes the module if the lessons are already done. */
export async function submitKnowledgeCheck({
  userId,
  module,
  quiz,
  answers,
}: {
  userId: string;
  module: ModuleInfo;
  quiz: Quiz;
  answers: Answers;
}) {
  const graded = grade(quiz, answers, module.passMark);
  const attempt = await db.quizAttempt.create({
    data: {
      userId,
      moduleId: module.id,
      moduleVersion: module.version,
      correct: graded.correct,
      total: graded.total,
      scorePercent: graded.scorePercent,
      passed: graded.passed,
      answers: JSON.stringify(answers),
    },
  });
  const completed = graded.passed ? await completeIfDone({ userId, module }) : null;
  return { attempt, completed };
}

/** A submitted attempt, graded for display. Only its author may see it. */
export async function attemptResults({
  userId,
  module,
  quiz,
  attemptId,
}: {
  userId: string;
  module: ModuleInfo;
  quiz: Quiz;
  attemptId: string;
}) {
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, userId, moduleId: module.id } });
  if (!attempt) return null;
  // The recorded score stands whatever changes later. Answers are shown only against the questions they
  // were given to: an earlier version's attempt must not reveal the answers to today's questions.
  const sameVersion = attempt.moduleVersion === module.version;
  const { results } = sameVersion ? grade(quiz, JSON.parse(attempt.answers) as Answers, module.passMark) : { results: [] };
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
