// The learning rules without a database: module state, next step, grading, case studies and reflections.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { KnowledgeCheck } from "~/content/schema";
import { sampleKnowledgeCheck } from "../../tests/knowledge-check-fixture";
import {
  answersScoring,
  caseStudyChoice,
  drawnCheck,
  drawQuestions,
  grade,
  isDiscussionOpen,
  isReadyToComplete,
  learningOverview,
  moduleProgress,
  nextStepHref,
  noRecord,
  QUESTIONS_PER_ATTEMPT,
  questionsToAsk,
  reflectionProblem,
  seededRandom,
  stepAfterLesson,
  unansweredQuestions,
  wholeBank,
  type ModuleOutline,
  type ModuleRecord,
} from "./core";

const day = (n: number) => new Date(Date.UTC(2026, 5, n));

function outline(slugs = ["one", "two", "three", "four"], overrides: Partial<ModuleOutline> = {}): ModuleOutline {
  return {
    id: "sample",
    version: 1,
    title: "A sample module",
    passMark: 70,
    checkMinutes: 5,
    lessons: slugs.map((slug) => ({ slug, title: `Lesson ${slug}`, minutes: 8 })),
    ...overrides,
  };
}

function record({ lessons = [] as string[], best = null as number | null, passed = false, completedOn = null as number | null } = {}): ModuleRecord {
  return {
    lessons: lessons.map((slug, i) => ({ slug, completedAt: day(i + 1) })),
    attempts: best === null ? null : { count: 1, bestScore: best, passed, lastAt: day(20) },
    completion: completedOn === null ? null : { completedAt: day(completedOn), moduleVersion: 1 },
  };
}


describe("where a councillor is in a module", () => {
  test("percent, time left and the next step follow the lessons done and the knowledge check", () => {
    const module = outline();
    expect(moduleProgress(module, noRecord())).toMatchObject({
      state: "not-started",
      percent: 0,
      minutesLeft: 4 * 8 + 5,
      nextStep: { kind: "lesson", slug: "one" },
      lastActivityAt: null,
    });
    expect(moduleProgress(module, record({ lessons: ["one", "three"] }))).toMatchObject({
      state: "in-progress",
      percent: 40,
      minutesLeft: 2 * 8 + 5,
      completedLessons: ["one", "three"],
      nextStep: { kind: "lesson", slug: "two" },
      lastActivityAt: day(2),
    });
    expect(moduleProgress(module, record({ lessons: ["four", "two", "one", "three"] }))).toMatchObject({
      percent: 80,
      minutesLeft: 5,
      completedLessons: ["one", "two", "three", "four"],
      nextStep: { kind: "check" },
    });
  });

  test("a failed attempt starts the module but is not a step done; a pass with every lesson done is ready to finish", () => {
    const module = outline();
    const failed = moduleProgress(module, record({ best: 50 }));
    expect(failed).toMatchObject({ state: "in-progress", percent: 0, bestScore: 50, passed: false });
    const ready = moduleProgress(module, record({ lessons: ["one", "two", "three", "four"], best: 83, passed: true }));
    expect(ready).toMatchObject({ state: "in-progress", percent: 100, minutesLeft: 0, nextStep: { kind: "finish" } });
    expect(isReadyToComplete(ready)).toBe(true);
    expect(isReadyToComplete(failed)).toBe(false);
  });

  test("the last activity is the latest of the lessons marked, the last attempt and the completion", () => {
    const module = outline();
    const lessonsOnly = record({ lessons: ["one", "two"] });
    expect(moduleProgress(module, { ...lessonsOnly, attempts: { count: 2, bestScore: 40, passed: false, lastAt: day(15) } }).lastActivityAt).toEqual(day(15));
    expect(moduleProgress(module, { ...lessonsOnly, completion: { completedAt: day(25), moduleVersion: 1 } }).lastActivityAt).toEqual(day(25));
    // no record is nothing done
    expect(noRecord()).toEqual({ lessons: [], attempts: null, completion: null });
  });

  test("each next step links to its page: a lesson, the knowledge check, else the module page", () => {
    expect(nextStepHref("sample", { kind: "lesson", slug: "two", title: "Lesson two" })).toBe("/modules/sample/lessons/two");
    expect(nextStepHref("sample", { kind: "check" })).toBe("/modules/sample/check");
    expect(nextStepHref("sample", { kind: "finish" })).toBe("/modules/sample");
    expect(nextStepHref("sample", null)).toBe("/modules/sample");
  });

  test("a completion stands whatever the module has become: date and version are kept", () => {
    const revised = outline(["one", "two", "three", "four", "five"], { version: 2 });
    const progress = moduleProgress(revised, record({ lessons: ["one"], completedOn: 9 }));
    expect(progress).toMatchObject({
      state: "completed",
      percent: 100,
      minutesLeft: 0,
      nextStep: null,
      completedAt: day(9),
      completedVersion: 1,
    });
    expect(isReadyToComplete(progress)).toBe(false);
  });

  const modules = fc
    .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 8 })
    .chain((slugs) =>
      fc.record({
        module: fc.record({
          id: fc.constant("m"),
          version: fc.integer({ min: 1, max: 5 }),
          title: fc.constant("M"),
          passMark: fc.integer({ min: 1, max: 100 }),
          checkMinutes: fc.integer({ min: 3, max: 10 }),
          lessons: fc.tuple(...slugs.map((slug) => fc.record({ slug: fc.constant(slug), title: fc.constant(slug), minutes: fc.integer({ min: 1, max: 20 }) }))),
        }),
        done: fc.subarray(slugs),
        dropped: fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,6}$/), { maxLength: 3 }),
        attempts: fc.option(fc.record({ count: fc.integer({ min: 1, max: 9 }), bestScore: fc.integer({ min: 0, max: 100 }), passed: fc.boolean(), lastAt: fc.date({ noInvalidDate: true }) }), { nil: null }),
        completion: fc.option(fc.record({ completedAt: fc.date({ noInvalidDate: true }), moduleVersion: fc.integer({ min: 1, max: 5 }) }), { nil: null }),
      }),
    );
  const recordOf = (c: { done: string[]; dropped: string[]; attempts: ModuleRecord["attempts"]; completion: ModuleRecord["completion"] }): ModuleRecord => ({
    lessons: [...c.done, ...c.dropped].map((slug, i) => ({ slug, completedAt: day(i + 1) })),
    attempts: c.attempts,
    completion: c.completion,
  });

  test("for any module and record: the next step is the first lesson left, then the check, then finishing; done means 100%", () => {
    fc.assert(
      fc.property(modules, (c) => {
        const p = moduleProgress(c.module, recordOf(c));
        const left = c.module.lessons.filter((l) => !c.done.includes(l.slug));
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(100);
        expect(p.lessonsDone).toBe(c.done.length);
        if (c.completion) {
          expect(p).toMatchObject({ state: "completed", percent: 100, minutesLeft: 0, nextStep: null });
          return;
        }
        const passed = c.attempts?.passed ?? false;
        if (left.length > 0) expect(p.nextStep).toEqual({ kind: "lesson", slug: left[0]!.slug, title: left[0]!.title });
        else expect(p.nextStep).toEqual({ kind: passed ? "finish" : "check" });
        expect(p.minutesLeft).toBe(left.reduce((sum, l) => sum + l.minutes, 0) + (passed ? 0 : c.module.checkMinutes));
        expect(p.state).toBe(c.done.length > 0 || c.attempts ? "in-progress" : "not-started");
        expect(p.percent === 100).toBe(left.length === 0 && passed);
      }),
    );
  });

  test("for any record: lessons no longer in the module change nothing, and doing one more lesson never lowers the percent", () => {
    fc.assert(
      fc.property(modules, (c) => {
        const p = moduleProgress(c.module, recordOf(c));
        const withoutDropped = moduleProgress(c.module, recordOf({ ...c, dropped: [] }));
        expect(p).toEqual(withoutDropped);
        const next = c.module.lessons.find((l) => !c.done.includes(l.slug));
        if (next) expect(moduleProgress(c.module, recordOf({ ...c, done: [...c.done, next.slug] })).percent).toBeGreaterThanOrEqual(p.percent);
      }),
    );
  });

  test("after marking a lesson: the lesson that follows it, else what is left to do", () => {
    const module = outline();
    const progress = moduleProgress(module, record({ lessons: ["two", "three", "four"] }));
    expect(stepAfterLesson(module, "two", progress)).toMatchObject({ kind: "lesson", slug: "three" });
    expect(stepAfterLesson(module, "four", progress)).toMatchObject({ kind: "lesson", slug: "one" });
    const allDone = moduleProgress(module, record({ lessons: ["one", "two", "three", "four"] }));
    expect(stepAfterLesson(module, "four", allDone)).toEqual({ kind: "check" });
    // a lesson the module no longer has is followed by what is left to do, not by the first lesson
    expect(stepAfterLesson(module, "dropped", allDone)).toEqual({ kind: "check" });
  });

  test("the overview: the most recently active unfinished module, the first not started, and modules completed", () => {
    const [a, b, c, d] = ["a", "b", "c", "d"].map((id) => outline(undefined, { id }));
    const progress = new Map([
      ["a", moduleProgress(a!, record({ lessons: ["one"], completedOn: 3 }))],
      ["b", moduleProgress(b!, record({ lessons: ["one"] }))],
      ["c", moduleProgress(c!, record({ lessons: ["one", "two", "three"] }))],
    ]);
    const overview = learningOverview([a!, b!, c!, d!], progress);
    expect(overview.current?.module.id).toBe("c");
    expect(overview.firstNotStarted?.id).toBe("d");
    expect(overview).toMatchObject({ completedCount: 1, moduleCount: 4 });
    expect(learningOverview([a!], new Map()).current).toBeNull();
  });
});

describe("grading a knowledge check", () => {
  const check = sampleKnowledgeCheck();

  test("the pass mark is compared exactly: 5 of 6 passes 70%, 4 of 6 does not, 7 of 10 passes 70%", () => {
    expect(grade(check, answersScoring(check, 5), 70)).toMatchObject({ correct: 5, total: 6, scorePercent: 83, passed: true });
    expect(grade(check, answersScoring(check, 4), 70)).toMatchObject({ correct: 4, total: 6, scorePercent: 66, passed: false });
    const ten = { questions: [...check.questions, ...sampleKnowledgeCheck().questions.slice(0, 4).map((q) => ({ ...q, id: `${q.id}x` }))] };
    expect(grade(ten, answersScoring(ten, 7), 70)).toMatchObject({ scorePercent: 70, passed: true });
  });

  test("answers that score: the questions from the one given on (wrapping round) are right", () => {
    const answers = answersScoring(check, 2, 1);
    expect(grade(check, answers, 70).results.map((r) => r.isCorrect)).toEqual([false, true, true, false, false, false]);
    expect(grade(check, answersScoring(check, 2, 5), 70).results.map((r) => r.isCorrect)).toEqual([true, false, false, false, false, true]);
  });

  test("a question left unanswered is graded wrong, with nothing chosen", () => {
    const { q2: _, ...rest } = answersScoring(check, 6);
    const graded = grade(check, rest, 70);
    expect(graded).toMatchObject({ correct: 5, total: 6 });
    expect(graded.results[1]).toMatchObject({ questionId: "q2", chosen: null, isCorrect: false });
  });

  test("says which answers were wrong, what was right, and why", () => {
    const { results } = grade(check, answersScoring(check, 4), 70);
    const wrong = results.filter((r) => !r.isCorrect);
    expect(wrong.map((r) => r.questionId)).toEqual(["q5", "q6"]);
    expect(wrong[0]).toMatchObject({
      chosen: "Wrong answer to q5",
      correctAnswer: "Right answer to q5",
      explanation: expect.stringContaining("b is right"),
    });
  });

  test("the questions asked carry no answer and no explanation", () => {
    const asked = JSON.stringify(questionsToAsk(check));
    expect(asked).not.toContain("correct");
    expect(asked).not.toContain("Explanation");
    expect(questionsToAsk(check)[0]).toEqual({
      id: "q1",
      prompt: "What is the answer to q1?",
      options: [expect.objectContaining({ id: "a" }), expect.objectContaining({ id: "b" }), expect.objectContaining({ id: "c" })],
    });
  });

  test("an unanswered question, or an option from another question, counts as unanswered", () => {
    expect(unansweredQuestions(check, { ...answersScoring(check, 6), q2: "", q4: "z" })).toEqual(["q2", "q4"]);
  });

  const checks = fc.integer({ min: 1, max: 12 }).chain((count) =>
    fc.tuple(
      ...Array.from({ length: count }, (_, i) =>
        fc.tuple(fc.integer({ min: 2, max: 5 }), fc.nat()).map(([options, right]) => ({
          id: `q${i}`,
          prompt: `Question ${i}?`,
          explanation: "Because.",
          outcome: 1,
          lesson: "one",
          options: Array.from({ length: options }, (_, o) => ({ id: `o${o}`, text: `Option ${o}`, correct: o === right % options })),
        })),
      ),
    ),
  );

  test("for any check, pass mark and number right: the score is exact and passing means reaching the mark", () => {
    fc.assert(
      fc.property(checks, fc.nat(), fc.integer({ min: 1, max: 100 }), fc.integer({ min: -20, max: 20 }), (questions, n, passMark, offset) => {
        const check = { questions };
        const right = n % (questions.length + 1);
        const graded = grade(check, answersScoring(check, right, offset), passMark);
        expect(graded.correct).toBe(right);
        expect(graded.scorePercent).toBe(Math.floor((right * 100) / questions.length));
        expect(graded.passed).toBe(right / questions.length >= passMark / 100 - 1e-12);
        expect(unansweredQuestions(check, answersScoring(check, right, offset))).toEqual([]);
      }),
    );
  });
});

describe("drawing an attempt's questions", () => {
  /** A bank of `size` four-option questions over `outcomes` outcomes; the right answer always first in the file. */
  const bank = (size: number, outcomes: number): KnowledgeCheck => ({
    questions: Array.from({ length: size }, (_, i) => ({
      id: `q${i}`,
      prompt: `Question ${i}?`,
      explanation: "Because.",
      outcome: (i % outcomes) + 1,
      lesson: "one",
      options: ["right", "w1", "w2", "w3"].map((id) => ({ id, text: `${id} for ${i}`, correct: id === "right" })),
    })),
  });

  test("for any bank and seed: 8 different questions, every outcome among them, each question's options all there once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 30 }), fc.integer({ min: 3, max: 5 }), fc.nat(), (size, outcomes, seed) => {
        const check = bank(size, outcomes);
        const draw = drawQuestions(check, seededRandom(seed));
        expect(draw).toHaveLength(QUESTIONS_PER_ATTEMPT);
        expect(new Set(draw.map((q) => q.id)).size).toBe(QUESTIONS_PER_ATTEMPT);
        const asked = drawnCheck(check, draw)!;
        expect(new Set(asked.questions.map((q) => q.outcome)).size).toBe(outcomes);
        for (const q of asked.questions) expect([...q.options.map((o) => o.id)].sort()).toEqual(["right", "w1", "w2", "w3"]);
        // the right answers are spread evenly over the positions shown: two in each
        const positions = asked.questions.map((q) => q.options.findIndex((o) => o.correct));
        for (const position of [0, 1, 2, 3]) expect(positions.filter((p) => p === position)).toHaveLength(2);
      }),
    );
  });

  test("draws differ from seed to seed, and the same seed draws the same", () => {
    const check = bank(16, 4);
    const draws = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(drawQuestions(check, seededRandom(seed)))));
    expect(draws.size).toBe(20);
    expect(drawQuestions(check, seededRandom(7))).toEqual(drawQuestions(check, seededRandom(7)));
  });

  test("the draw is fair: over many attempts every question is asked about as often, in any order, its options in any order", () => {
    const check = bank(16, 4);
    const draws = Array.from({ length: 400 }, (_, seed) => drawnCheck(check, drawQuestions(check, seededRandom(seed)))!.questions);
    // each question is asked in half of the attempts (8 of 16): one of four for its outcome, then a third of the rest
    const asked = new Map<string, number>();
    for (const draw of draws) for (const q of draw) asked.set(q.id, (asked.get(q.id) ?? 0) + 1);
    expect(asked.size).toBe(16);
    for (const [, times] of asked) {
      expect(times).toBeGreaterThan(150);
      expect(times).toBeLessThan(250);
    }
    // the first question shown is of any outcome, and its right answer in any position
    expect(new Set(draws.map((d) => d[0]!.outcome))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(draws.map((d) => d[0]!.options.findIndex((o) => o.correct)))).toEqual(new Set([0, 1, 2, 3]));
    // the wrong options come in every order
    const wrongOrders = new Set(draws.map((d) => d[0]!.options.filter((o) => !o.correct).map((o) => o.id).join()));
    expect(wrongOrders.size).toBe(6);
  });

  test("a bank with more learning outcomes than questions asked still asks 8", () => {
    const wide = bank(20, 10);
    const draw = drawQuestions(wide, seededRandom(3));
    expect(draw).toHaveLength(QUESTIONS_PER_ATTEMPT);
    expect(new Set(draw.map((q) => q.id)).size).toBe(QUESTIONS_PER_ATTEMPT);
  });

  test("the seeded draws are mulberry32's, so the demo data is the same on every machine", () => {
    const random = seededRandom(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  test("a smaller bank is asked whole; an attempt whose questions have gone cannot be shown", () => {
    const small = bank(6, 3);
    expect(drawQuestions(small, seededRandom(1))).toHaveLength(6);
    expect(drawnCheck(small, wholeBank(small))).toEqual(small);
    expect(drawnCheck(small, [{ id: "q99", options: ["right", "w1", "w2", "w3"] }])).toBeNull();
    expect(drawnCheck(small, [{ id: "q1", options: ["right", "w1", "w2"] }])).toBeNull();
    // nor one of whose options has gone
    expect(drawnCheck(small, [{ id: "q1", options: ["right", "w1", "w2", "w9"] }])).toBeNull();
  });
});

describe("case studies and reflections", () => {
  test("a reflection must have words and at most 5,000 characters, counted after trimming", () => {
    expect(reflectionProblem("  \n ")).toBe("empty");
    expect(reflectionProblem(` ${"x".repeat(5000)} `)).toBeNull();
    expect(reflectionProblem("x".repeat(5001))).toBe("too-long");
  });

  test("a case-study choice is one of its choices, by position; the discussion opens for a current choice only", () => {
    const choices = ["Cancel the booking", "Ask officers to check it"];
    expect(caseStudyChoice(choices, 1)).toBe("Ask officers to check it");
    expect(caseStudyChoice(choices, 0)).toBe("Cancel the booking");
    for (const bad of [undefined, -1, 2, 0.5, NaN]) expect(caseStudyChoice(choices, bad)).toBeNull();
    expect(isDiscussionOpen(choices, "Ask officers to check it")).toBe(true);
    expect(isDiscussionOpen(choices, "Cancel the booking")).toBe(true);
    // a choice the author has since reworded, or none at all, leaves the discussion closed
    expect(isDiscussionOpen(choices, "Ask officers")).toBe(false);
    expect(isDiscussionOpen(choices, undefined)).toBe(false);
  });
});
