// The learning rules, decided from what a person has done and what the module is now. No database, no
// Node: the reader (reader.server.ts) loads records and asks these functions; pages and the seed ask the
// reader and the writers. Nothing else decides whether a module is complete.
import type { KnowledgeCheck } from "~/content/schema";

/** The parts of a module the rules read (the catalogue's ModuleInfo fits). */
export type ModuleOutline = {
  id: string;
  version: number;
  title: string;
  passMark: number;
  /** Minutes the knowledge check is expected to take */
  checkMinutes: number;
  lessons: { slug: string; title: string; minutes: number }[];
};

/** What one person has done in one module, as recorded: state only, never text they wrote. */
export type ModuleRecord = {
  lessons: { slug: string; completedAt: Date }[];
  /** Every knowledge-check attempt summed up; null before the first */
  attempts: { count: number; bestScore: number; passed: boolean; lastAt: Date } | null;
  completion: { completedAt: Date; moduleVersion: number } | null;
};

/** Nothing done yet: a fresh record each time, so filling one in never changes another. */
export const noRecord = (): ModuleRecord => ({ lessons: [], attempts: null, completion: null });

export type ModuleState = "not-started" | "in-progress" | "completed";

/** "finish": everything is done but the completion is not recorded (a lesson was dropped from the module since) */
export type NextStep = { kind: "lesson"; slug: string; title: string } | { kind: "check" } | { kind: "finish" } | null;

export type ModuleProgress = {
  moduleId: string;
  state: ModuleState;
  percent: number;
  /** Slugs of the module's current lessons marked complete, in the module's order */
  completedLessons: string[];
  lessonsDone: number;
  bestScore: number | null;
  passed: boolean;
  minutesLeft: number;
  nextStep: NextStep;
  completedAt: Date | null;
  /** The module's version when it was completed (a later version never undoes a completion) */
  completedVersion: number | null;
  lastActivityAt: Date | null;
};

/**
 * Where a person is in a module. Steps are the lessons plus the knowledge check; a lesson dropped from a
 * later version no longer counts and a lesson added must be done, but a recorded completion always stands.
 */
export function moduleProgress(module: ModuleOutline, record: ModuleRecord): ModuleProgress {
  const doneAt = new Map(record.lessons.map((l) => [l.slug, l.completedAt]));
  const done = module.lessons.filter((l) => doneAt.has(l.slug));
  const remaining = module.lessons.filter((l) => !doneAt.has(l.slug));
  const { attempts, completion } = record;
  const passed = attempts?.passed ?? false;
  const stepsDone = done.length + (passed ? 1 : 0);
  const times = [...done.map((l) => doneAt.get(l.slug)!), ...(attempts ? [attempts.lastAt] : []), ...(completion ? [completion.completedAt] : [])];
  const started = stepsDone > 0 || attempts !== null;
  return {
    moduleId: module.id,
    state: completion ? "completed" : started ? "in-progress" : "not-started",
    percent: completion ? 100 : Math.floor((stepsDone * 100) / (module.lessons.length + 1)),
    completedLessons: done.map((l) => l.slug),
    lessonsDone: done.length,
    bestScore: attempts?.bestScore ?? null,
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
    completedVersion: completion?.moduleVersion ?? null,
    lastActivityAt: times.length > 0 ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
  };
}

/** The rule for completing a module: every current lesson done and the knowledge check passed, not yet recorded. */
export function isReadyToComplete(progress: ModuleProgress) {
  return progress.nextStep?.kind === "finish";
}

/** Where a next step is: a lesson, the knowledge check, or (to finish, or when done) the module page. */
export function nextStepHref(moduleId: string, step: NextStep) {
  if (step?.kind === "lesson") return `/modules/${moduleId}/lessons/${step.slug}`;
  if (step?.kind === "check") return `/modules/${moduleId}/check`;
  return `/modules/${moduleId}`;
}

/** After marking a lesson complete: the lesson that follows it in the module, else whatever is left to do. */
export function stepAfterLesson(module: ModuleOutline, lessonSlug: string, progress: ModuleProgress): NextStep {
  const index = module.lessons.findIndex((l) => l.slug === lessonSlug);
  const following = index === -1 ? undefined : module.lessons[index + 1];
  return following ? { kind: "lesson", slug: following.slug, title: following.title } : progress.nextStep;
}

/**
 * A person's learning at a glance: the unfinished module they most recently worked on, the first module
 * they have not started, and how many of the catalogue's modules they have completed.
 */
export function learningOverview<M extends ModuleOutline>(modules: M[], progress: Map<string, ModuleProgress>) {
  const of = (module: M) => progress.get(module.id) ?? moduleProgress(module, noRecord());
  const current =
    modules
      .map((module) => ({ module, progress: of(module) }))
      .filter(({ progress }) => progress.state === "in-progress")
      // (a module in progress always has some activity: a lesson marked or an attempt made)
      .sort((a, b) => b.progress.lastActivityAt!.getTime() - a.progress.lastActivityAt!.getTime())[0] ?? null;
  return {
    current,
    firstNotStarted: modules.find((m) => of(m).state === "not-started") ?? null,
    completedCount: modules.filter((m) => of(m).state === "completed").length,
    moduleCount: modules.length,
  };
}

// ---------------------------------------------------------------- the knowledge check

/** Question id → the id of the option chosen */
export type Answers = Record<string, string>;

/** How many questions an attempt asks, drawn from the module's bank. */
export const QUESTIONS_PER_ATTEMPT = 8;

/** The questions an attempt asks, in the order shown, each with its options' ids in the order shown. */
export type Draw = { id: string; options: string[] }[];

/** A number in [0, 1), as Math.random: the server draws with crypto, tests and the demo data with a seed. */
export type Random = () => number;

/**
 * Draws an attempt's questions from the bank: one for each learning outcome, the rest at random, in a random
 * order. Options are shuffled, and the right one is put in whichever position has held the right answer least
 * so far in this attempt (ties at random), so no position answered throughout can pass: with 8 questions of
 * four options, each position holds exactly two answers.
 */
export function drawQuestions(bank: KnowledgeCheck, random: Random): Draw {
  const take = <T>(items: T[], index = Math.floor(random() * items.length)) => items.splice(index, 1)[0]!;
  const shuffled = <T>(items: T[]) => {
    const left = [...items];
    return items.map(() => take(left));
  };
  const left = [...bank.questions];
  const chosen: KnowledgeCheck["questions"] = [];
  for (const outcome of shuffled([...new Set(left.map((q) => q.outcome))])) {
    const candidates = left.flatMap((q, i) => (q.outcome === outcome ? [i] : []));
    chosen.push(take(left, candidates[Math.floor(random() * candidates.length)]));
  }
  // then the rest of the bank in a random order, up to the number asked
  const answersAt: number[] = [];
  return shuffled([...chosen, ...shuffled(left)].slice(0, QUESTIONS_PER_ATTEMPT)).map((q) => {
    const held = q.options.map((_, position) => answersAt[position] ?? 0);
    const least = held.flatMap((count, position) => (count === Math.min(...held) ? [position] : []));
    const position = least[Math.floor(random() * least.length)]!;
    answersAt[position] = held[position]! + 1;
    const options = shuffled(q.options.filter((o) => !o.correct)).map((o) => o.id);
    options.splice(position, 0, q.options.find((o) => o.correct)!.id);
    return { id: q.id, options };
  });
}

/** An attempt from before drawing asked every question in the file's order. */
export function wholeBank(bank: KnowledgeCheck): Draw {
  return bank.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) }));
}

/**
 * The check an attempt asks: its drawn questions and options, in the order shown. null when the bank no longer
 * has them (the content changed under the same version), so the attempt cannot be shown or graded.
 */
export function drawnCheck(bank: KnowledgeCheck, draw: Draw): KnowledgeCheck | null {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const questions: KnowledgeCheck["questions"] = [];
  for (const drawn of draw) {
    const question = byId.get(drawn.id);
    const options = drawn.options.map((id) => question?.options.find((o) => o.id === id));
    if (!question || options.length !== question.options.length || options.some((o) => !o)) return null;
    questions.push({ ...question, options: options as typeof question.options });
  }
  return { questions };
}

/** A seeded Random (mulberry32): the same seed draws the same attempts. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The questions and options without their answers or explanations: all a page gets before a submission. */
export function questionsToAsk(check: KnowledgeCheck) {
  return check.questions.map((q) => ({ id: q.id, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) }));
}

/** Questions left unanswered, or answered with an option that is not theirs. */
export function unansweredQuestions(check: KnowledgeCheck, answers: Answers): string[] {
  return check.questions.filter((q) => !q.options.some((o) => o.id === answers[q.id])).map((q) => q.id);
}

export function grade(check: KnowledgeCheck, answers: Answers, passMark: number) {
  const results = check.questions.map((q) => {
    const correctOption = q.options.find((o) => o.correct)!;
    return {
      questionId: q.id,
      prompt: q.prompt,
      chosen: q.options.find((o) => o.id === answers[q.id])?.text ?? null,
      correctAnswer: correctOption.text,
      isCorrect: answers[q.id] === correctOption.id,
      explanation: q.explanation,
      lesson: q.lesson,
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

/**
 * Answers that get exactly `correct` questions right (the demo data and tests use them): the questions
 * from `firstRight` on (wrapping round) get their correct option, the others their first wrong one.
 */
export function answersScoring(check: KnowledgeCheck, correct: number, firstRight = 0): Answers {
  const total = check.questions.length;
  return Object.fromEntries(
    check.questions.map((q, i) => {
      const right = (((i - firstRight) % total) + total) % total < correct;
      return [q.id, q.options.find((o) => o.correct === right)!.id];
    }),
  );
}

// ---------------------------------------------------------------- case studies and reflections

export const REFLECTION_MAX_LENGTH = 5000;

/** Why a reflection cannot be saved (the page puts it in words: "too-long" means over REFLECTION_MAX_LENGTH); null when it can (after trimming). */
export type ReflectionProblem = "empty" | "too-long";

export function reflectionProblem(text: string): ReflectionProblem | null {
  const trimmed = text.trim();
  if (trimmed === "") return "empty";
  if (trimmed.length > REFLECTION_MAX_LENGTH) return "too-long";
  return null;
}

/** The text of the choice made in a case study (its text is stored, so reordering keeps it); null for no valid choice. */
export function caseStudyChoice(choices: string[], index: number | undefined): string | null {
  return choices[index ?? -1] ?? null;
}

/** A case study's discussion is shown once the councillor has committed to one of its current choices. */
export function isDiscussionOpen(choices: string[], answer: string | undefined): boolean {
  return choices.some((choice) => choice === answer);
}
