// The learning writers and readers against a real database: progress, completion, certificates, private
// notes. (The rules themselves are tested without a database in core.test.ts; many people in reader.test.ts.)
import { describe, expect, test } from "vitest";
import { answersFor, createUser, sampleKnowledgeCheck, sampleModule, takeKnowledgeCheck } from "../../tests/factories";
import { findModule, lessonTree } from "~/content/content.server";
import { componentsIn } from "~/content/tree";
import { db } from "~/utils/db.server";
import { sqlDuring } from "../../tests/queries";
import { certificateFor, formatCertificateCode, newCertificateCode, normaliseCertificateCode, verifyCertificate } from "./certificates.server";
import { attemptResults, openAttempt, startKnowledgeCheck, submitKnowledgeCheck } from "./knowledge-check.server";
import { answerCaseStudy, deleteReflection, notesForModule, saveReflection } from "./notes.server";
import { completeIfDone, markLessonComplete } from "./progress.server";
import { learningHome, progressForModule, progressForModules } from "./reader.server";

async function completeLessons(userId: string, module: ReturnType<typeof sampleModule>, slugs = module.lessons.map((l) => l.slug)) {
  let last = null;
  for (const lessonSlug of slugs) last = (await markLessonComplete({ userId, module, lessonSlug })).completed;
  return last;
}

describe("completing a module", () => {
  test("needs every lesson and a passed knowledge check, in either order, and records the version", async () => {
    const user = await createUser();
    const module = sampleModule({ version: 3 });
    const knowledgeCheck = sampleKnowledgeCheck();

    expect(await completeLessons(user.id, module, ["one", "two", "three"])).toBeNull();
    const failed = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 3) });
    expect(failed.completed).toBeNull();
    const passed = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
    expect(passed.completed).toBeNull(); // lesson four is still to do
    expect((await progressForModule({ userId: user.id, module: module })).state).toBe("in-progress");

    const done = await markLessonComplete({ userId: user.id, module, lessonSlug: "four" });
    expect(done).toMatchObject({
      completed: { isNew: true, completion: { moduleVersion: 3, moduleTitle: "A sample module", scorePercent: 100 } },
      next: null,
    });
    expect(await progressForModule({ userId: user.id, module: module })).toMatchObject({ state: "completed", percent: 100, minutesLeft: 0, nextStep: null });

    // the knowledge check last, for another councillor
    const other = await createUser();
    await completeLessons(other.id, module);
    const last = await takeKnowledgeCheck({ userId: other.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 5) });
    expect(last.completed).toMatchObject({ isNew: true, completion: { scorePercent: 83 } });
  });

  test("retries are allowed and the best score is kept", async () => {
    const user = await createUser();
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    for (const right of [2, 6, 4]) await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, right) });
    expect(await progressForModule({ userId: user.id, module: module })).toMatchObject({
      bestScore: 100,
      passed: true,
      nextStep: { kind: "lesson", slug: "one" },
    });
    expect(await db.knowledgeCheckAttempt.count({ where: { userId: user.id } })).toBe(3);
  });

  test("a later version of the module never undoes a completion, even with a new lesson", async () => {
    const user = await createUser();
    const v1 = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    await completeLessons(user.id, v1);
    await takeKnowledgeCheck({ userId: user.id, module: v1, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
    const v2 = sampleModule({
      id: v1.id,
      version: 2,
      title: "A sample module, revised",
      lessons: [...v1.lessons, { slug: "five", title: "Lesson five", file: "05-five.mdx", position: 5, words: 800, minutes: 8 }],
    });
    expect(await progressForModule({ userId: user.id, module: v2 })).toMatchObject({ state: "completed", percent: 100 });
    expect((await completeIfDone({ userId: user.id, module: v2 }))?.completion).toMatchObject({
      moduleVersion: 1,
      moduleTitle: "A sample module",
    });
    expect(await certificateFor({ userId: user.id, moduleId: v1.id })).toMatchObject({ moduleTitle: "A sample module", moduleVersion: 1 });
  });

  test("when a later version drops the only lesson left, the next step is to finish, which completes the module", async () => {
    const user = await createUser();
    const v1 = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    await completeLessons(user.id, v1, ["one", "two", "three"]);
    await takeKnowledgeCheck({ userId: user.id, module: v1, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
    const v2 = sampleModule({ id: v1.id, version: 2, lessons: v1.lessons.slice(0, 3) });
    expect(await progressForModule({ userId: user.id, module: v2 })).toMatchObject({ state: "in-progress", nextStep: { kind: "finish" } });
    expect(await completeIfDone({ userId: user.id, module: v2 })).toMatchObject({ isNew: true, completion: { moduleVersion: 2 } });
  });

  test("someone part-way through a module that gains a lesson must do the new lesson; a dropped lesson stops counting", async () => {
    const user = await createUser();
    const v1 = sampleModule();
    await completeLessons(user.id, v1, ["one", "two"]);
    const v2 = sampleModule({
      id: v1.id,
      version: 2,
      lessons: [
        v1.lessons[0]!,
        { slug: "two-revised", title: "Lesson two, revised", file: "02-two-revised.mdx", position: 2, words: 800, minutes: 8 },
        v1.lessons[2]!,
        v1.lessons[3]!,
      ],
    });
    expect(await progressForModule({ userId: user.id, module: v2 })).toMatchObject({
      lessonsDone: 1,
      completedLessons: ["one"],
      nextStep: { kind: "lesson", slug: "two-revised" },
    });
  });

  test("several requests finishing the module at once make one completion", async () => {
    const user = await createUser();
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    await completeLessons(user.id, module, ["one", "two", "three"]);
    await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
    // a double (or triple) click on the last lesson's button
    const results = await Promise.all([1, 2, 3].map(() => markLessonComplete({ userId: user.id, module, lessonSlug: "four" })));
    expect(await db.moduleCompletion.count({ where: { userId: user.id } })).toBe(1);
    expect(new Set(results.map((r) => r.completed!.completion.certificateCode)).size).toBe(1);
    expect(results.filter((r) => r.completed!.isNew)).toHaveLength(1);
  });

  test("marking a lesson that is not in the module is refused", async () => {
    const user = await createUser();
    await expect(markLessonComplete({ userId: user.id, module: sampleModule(), lessonSlug: "nope" })).rejects.toThrow(/No lesson/);
  });
});

describe("progress", () => {
  test("percent, time left and the next step follow the lessons done and the check", async () => {
    const user = await createUser();
    const module = sampleModule();
    expect(await progressForModule({ userId: user.id, module: module })).toMatchObject({
      state: "not-started",
      percent: 0,
      minutesLeft: 4 * 8 + 5,
      nextStep: { kind: "lesson", slug: "one" },
    });
    await completeLessons(user.id, module, ["one", "three"]);
    expect(await progressForModule({ userId: user.id, module: module })).toMatchObject({
      state: "in-progress",
      percent: 40,
      minutesLeft: 2 * 8 + 5,
      nextStep: { kind: "lesson", slug: "two" },
    });
    await completeLessons(user.id, module, ["two", "four"]);
    expect(await progressForModule({ userId: user.id, module: module })).toMatchObject({ percent: 80, minutesLeft: 5, nextStep: { kind: "check" } });
  });

  test("continue where you left off: the most recently active unfinished module and its next step, then one not started", async () => {
    const user = await createUser();
    const older = sampleModule();
    const newer = sampleModule();
    const untouched = sampleModule();
    await completeLessons(user.id, older, ["one"]);
    await db.lessonProgress.updateMany({
      where: { userId: user.id, moduleId: older.id },
      data: { completedAt: new Date(Date.now() - 60_000) },
    });
    await completeLessons(user.id, newer, ["one", "two"]);
    const home = await learningHome({ userId: user.id, modules: [older, newer, untouched] });
    expect(home.current?.module.id).toBe(newer.id);
    expect(home.current?.progress.nextStep).toMatchObject({ kind: "lesson", slug: "three" });
    expect(home.firstNotStarted?.id).toBe(untouched.id);
    // someone else's progress is not mine
    expect((await learningHome({ userId: (await createUser()).id, modules: [older, newer, untouched] })).current).toBeNull();
  });
});

test("an account that does not exist (or no longer does) has started nothing", async () => {
  const modules = [sampleModule(), sampleModule()];
  const progress = await progressForModules({ userId: "no-such-account", modules });
  expect([...progress.keys()]).toEqual(modules.map((m) => m.id));
  expect([...progress.values()].map((p) => p.state)).toEqual(["not-started", "not-started"]);
  expect(await progressForModule({ userId: "no-such-account", module: modules[0]! })).toMatchObject({ state: "not-started", percent: 0 });
});

describe("certificates", () => {
  test("a councillor's home lists their own certificates, newest first: module and date", async () => {
    const user = await createUser();
    const other = await createUser();
    const knowledgeCheck = sampleKnowledgeCheck();
    const [first, second] = [sampleModule({ title: "First finished" }), sampleModule({ title: "Second finished" })];
    for (const [module, at] of [
      [second!, new Date("2026-03-02T10:00:00Z")],
      [first!, new Date("2026-01-05T10:00:00Z")],
    ] as const) {
      await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 6), at });
      for (const { slug } of module.lessons) await markLessonComplete({ userId: user.id, module, lessonSlug: slug, at });
    }
    await takeKnowledgeCheck({ userId: other.id, module: first!, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
    await completeLessons(other.id, first!);
    const home = await learningHome({ userId: user.id, modules: [first!, second!] });
    expect(home.certificates).toEqual([
      { moduleId: second!.id, moduleTitle: "Second finished", completedAt: new Date("2026-03-02T10:00:00Z") },
      { moduleId: first!.id, moduleTitle: "First finished", completedAt: new Date("2026-01-05T10:00:00Z") },
    ]);
    expect(home.completedCount).toBe(2);
  });

  test("codes are 16 characters of an unambiguous alphabet and do not repeat", () => {
    const codes = Array.from({ length: 2000 }, newCertificateCode);
    for (const code of codes) expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(formatCertificateCode("ABCDEFGHJKMNPQRS")).toBe("ABCD-EFGH-JKMN-PQRS");
    expect(normaliseCertificateCode(" abcd-efgh jkmn-pqOI ")).toBe("ABCDEFGHJKMNPQ01");
  });

  test("verification confirms the name, module and date, however the code is typed, and nothing else", async () => {
    const user = await createUser({ name: "Gwen Price" });
    const module = sampleModule({ title: "Standards in public office" });
    const knowledgeCheck = sampleKnowledgeCheck();
    await completeLessons(user.id, module);
    const { completed } = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
    const code = completed!.completion.certificateCode;
    const typed = formatCertificateCode(code).toLowerCase();
    // a later change of name does not change what the certificate says or what its check confirms
    await db.user.update({ where: { id: user.id }, data: { name: "Gwen Price-Rowlands" } });
    const found = await verifyCertificate(typed);
    expect(found).toEqual({
      name: "Gwen Price",
      moduleId: module.id,
      moduleTitle: "Standards in public office",
      completedAt: completed!.completion.completedAt,
      code,
    });
    expect(await certificateFor({ userId: user.id, moduleId: module.id })).toMatchObject({
      holderName: "Gwen Price",
      completedAt: completed!.completion.completedAt,
    });
    expect(await verifyCertificate(newCertificateCode())).toBeNull();
    expect(await verifyCertificate("not a code")).toBeNull();
    expect(await verifyCertificate("")).toBeNull();
    // anything that is not 16 characters of the alphabet is refused without a look in the database
    for (const junk of [`X${code}`, `${code}X`, "", "not a code", `${code.slice(0, 15)}!`]) {
      expect(await sqlDuring(() => verifyCertificate(junk))).toEqual({ result: null, sql: [] });
    }
    expect((await sqlDuring(() => verifyCertificate(code))).sql).toHaveLength(1);
  });
});

describe("case studies and reflections", () => {
  const module = findModule("prevent-duty", "en")!;
  /** The first lesson of the module with a <name> in it, and that component's id and props. */
  async function firstWith(name: "CaseStudy" | "Reflection") {
    for (const { slug } of module.lessons) {
      const found = componentsIn((await lessonTree(module, slug))!, name)[0];
      if (found) return { lessonSlug: slug, id: found.p!.id as string, choices: (found.p!.choices ?? []) as string[] };
    }
    throw new Error(`no ${name} in ${module.id}`);
  }

  test("a reflection is saved (trimmed), changed and deleted by its author only", async () => {
    const author = await createUser();
    const other = await createUser();
    const { lessonSlug, id: promptId } = await firstWith("Reflection");
    const at = { module, lessonSlug, promptId };
    expect(await saveReflection({ userId: author.id, ...at, text: "  First thoughts " })).toEqual({ status: "saved" });
    expect((await notesForModule({ userId: author.id, moduleId: module.id })).reflections[promptId]?.text).toBe("First thoughts");
    await saveReflection({ userId: author.id, ...at, text: " Second thoughts\n" });
    await deleteReflection({ userId: other.id, ...at });
    expect((await notesForModule({ userId: author.id, moduleId: module.id })).reflections[promptId]?.text).toBe("Second thoughts");
    expect((await notesForModule({ userId: other.id, moduleId: module.id })).reflections).toEqual({});
    expect(await deleteReflection({ userId: author.id, ...at })).toEqual({ status: "deleted" });
    expect(await db.reflection.count({ where: { userId: author.id } })).toBe(0);
  });

  test("a reflection that is empty, too long or not in the lesson is refused and nothing is saved", async () => {
    const user = await createUser();
    const { lessonSlug, id: promptId } = await firstWith("Reflection");
    const at = { userId: user.id, module, lessonSlug };
    expect(await saveReflection({ ...at, promptId, text: " \n " })).toEqual({ status: "invalid", problem: "empty" });
    expect(await saveReflection({ ...at, promptId, text: "x".repeat(5001) })).toEqual({ status: "invalid", problem: "too-long" });
    expect(await saveReflection({ ...at, promptId: "not-in-this-lesson", text: "Hello" })).toEqual({ status: "not-in-lesson" });
    expect(await deleteReflection({ ...at, promptId: "not-in-this-lesson" })).toEqual({ status: "not-in-lesson" });
    // nor in a lesson the module does not have
    const elsewhere = { ...at, lessonSlug: "no-such-lesson", promptId };
    expect(await saveReflection({ ...elsewhere, text: "Hello" })).toEqual({ status: "not-in-lesson" });
    expect(await deleteReflection(elsewhere)).toEqual({ status: "not-in-lesson" });
    expect(await db.reflection.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a case-study choice is stored as its text, can be changed, and is the councillor's own", async () => {
    const user = await createUser();
    const { lessonSlug, id: caseStudyId, choices } = await firstWith("CaseStudy");
    const at = { userId: user.id, module, lessonSlug, caseStudyId };
    expect(await answerCaseStudy({ ...at, choice: 0 })).toEqual({ status: "answered" });
    expect(await answerCaseStudy({ ...at, choice: 1 })).toEqual({ status: "answered" });
    expect((await notesForModule({ userId: user.id, moduleId: module.id })).caseStudyAnswers).toEqual({ [caseStudyId]: choices[1] });
    expect((await notesForModule({ userId: (await createUser()).id, moduleId: module.id })).caseStudyAnswers).toEqual({});
  });

  test("a case-study answer without a valid choice, or for a case study not in the lesson, is refused", async () => {
    const user = await createUser();
    const { lessonSlug, id: caseStudyId, choices } = await firstWith("CaseStudy");
    const at = { userId: user.id, module, lessonSlug };
    expect(await answerCaseStudy({ ...at, caseStudyId, choice: undefined })).toEqual({ status: "no-choice" });
    expect(await answerCaseStudy({ ...at, caseStudyId, choice: choices.length })).toEqual({ status: "no-choice" });
    expect(await answerCaseStudy({ ...at, caseStudyId: "elsewhere", choice: 0 })).toEqual({ status: "not-in-lesson" });
    expect(await answerCaseStudy({ ...at, lessonSlug: "no-such-lesson", caseStudyId, choice: 0 })).toEqual({ status: "not-in-lesson" });
    expect(await db.caseStudyAnswer.count({ where: { userId: user.id } })).toBe(0);
  });
});

test("an attempt's results are shown to its author only", async () => {
  const user = await createUser();
  const module = sampleModule();
  const knowledgeCheck = sampleKnowledgeCheck();
  const { attemptId } = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 2) });
  expect(await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId })).toMatchObject({ correct: 2, passed: false, sameVersion: true });
  // an attempt still open has no results yet
  const open = await startKnowledgeCheck({ userId: user.id, module, knowledgeCheck });
  expect(await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId: open.id })).toBeNull();
  expect(await attemptResults({ userId: (await createUser()).id, module, knowledgeCheck, attemptId })).toBeNull();
  // after the module changes, the old attempt keeps its score but shows none of today's answers
  const later = await attemptResults({ userId: user.id, module: { ...module, version: 2 }, knowledgeCheck, attemptId });
  expect(later).toMatchObject({ correct: 2, passed: false, sameVersion: false, results: [] });
});

describe("attempts at the knowledge check", () => {
  test("a fail shows which answers were wrong and the lesson to read again, never the right answers; a pass shows them all", async () => {
    const user = await createUser();
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    const failed = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 2) });
    const failedResults = (await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId: failed.attemptId }))!;
    expect(failedResults.results.filter((r) => !r.isCorrect)).toHaveLength(4);
    expect(failedResults.results.find((r) => r.questionId === "q5")).toEqual({
      questionId: "q5",
      prompt: "What is the answer to q5?",
      chosen: "Wrong answer to q5",
      isCorrect: false,
      lesson: { slug: "one", title: "Lesson one" },
    });
    expect(JSON.stringify(failedResults)).not.toMatch(/Right answer to q[3-6]|Explanation for/);

    const passed = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 5) });
    const passedResults = (await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId: passed.attemptId }))!;
    expect(passedResults.results.find((r) => r.questionId === "q6")).toMatchObject({
      isCorrect: false,
      correctAnswer: "Right answer to q6",
      explanation: expect.stringContaining("b is right"),
    });
  });

  test("one open attempt per person and module, kept until submitted, even when started twice at once", async () => {
    const user = await createUser();
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    const at = { userId: user.id, module, knowledgeCheck };
    const started = await Promise.all([startKnowledgeCheck(at), startKnowledgeCheck(at), startKnowledgeCheck(at)]);
    expect(new Set(started.map((s) => s.id)).size).toBe(1);
    expect(await openAttempt(at)).toEqual(started[0]);
    expect(await db.knowledgeCheckAttempt.count({ where: { userId: user.id } })).toBe(1);
    // an open attempt is not an attempt made: progress counts submitted attempts only
    expect(await progressForModule({ userId: user.id, module })).toMatchObject({ bestScore: null, state: "not-started" });

    await submitKnowledgeCheck({ ...at, attemptId: started[0]!.id, answers: answersFor(knowledgeCheck, 6) });
    expect(await openAttempt(at)).toBeNull();
    const next = await startKnowledgeCheck(at);
    expect(next.id).not.toBe(started[0]!.id);
    // another module's check is started apart
    expect((await startKnowledgeCheck({ ...at, module: { ...module, id: "other-module" } })).id).not.toBe(next.id);
  });

  test("a double submission is graded once; a partial one is refused and the attempt stays open", async () => {
    const user = await createUser();
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    const at = { userId: user.id, module, knowledgeCheck };
    const { id } = await startKnowledgeCheck(at);
    const partial = { ...answersFor(knowledgeCheck, 6), q3: "z" };
    expect(await submitKnowledgeCheck({ ...at, attemptId: id, answers: partial })).toMatchObject({ kind: "unanswered", questionIds: ["q3"] });
    expect(await openAttempt(at)).toMatchObject({ id });

    const answers = answersFor(knowledgeCheck, 6);
    const both = await Promise.all([submitKnowledgeCheck({ ...at, attemptId: id, answers }), submitKnowledgeCheck({ ...at, attemptId: id, answers })]);
    expect(both.map((s) => s.kind).sort()).toEqual(["already-submitted", "graded"]);
    expect(await submitKnowledgeCheck({ ...at, attemptId: id, answers: answersFor(knowledgeCheck, 0) })).toEqual({ kind: "already-submitted", attemptId: id });
    // whatever the second submission holds, even nothing
    expect(await submitKnowledgeCheck({ ...at, attemptId: id, answers: {} })).toEqual({ kind: "already-submitted", attemptId: id });
    expect(await db.knowledgeCheckAttempt.findUniqueOrThrow({ where: { id } })).toMatchObject({ correct: 6, passed: true, openKey: null });
    expect(await progressForModule({ userId: user.id, module })).toMatchObject({ bestScore: 100, passed: true });
    // someone else cannot submit it
    const other = await createUser();
    expect(await submitKnowledgeCheck({ ...at, userId: other.id, attemptId: id, answers })).toEqual({ kind: "not-found" });
  });

  test("an attempt from before drawing reads as every question in the file's order", async () => {
    const user = await createUser();
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    const old = await db.knowledgeCheckAttempt.create({
      data: {
        userId: user.id,
        moduleId: module.id,
        moduleVersion: module.version,
        correct: 3,
        total: 6,
        scorePercent: 50,
        passed: false,
        answers: JSON.stringify(answersFor(knowledgeCheck, 3)),
        submittedAt: new Date(),
      },
    });
    const results = (await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId: old.id }))!;
    expect(results.results.map((r) => [r.questionId, r.isCorrect])).toEqual(knowledgeCheck.questions.map((q, i) => [q.id, i < 3]));
    expect(await progressForModule({ userId: user.id, module })).toMatchObject({ bestScore: 50, passed: false });
  });

  test("an open attempt the module has changed under makes way for a new draw", async () => {
    const user = await createUser();
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    const other = await createUser();
    const othersOpen = await startKnowledgeCheck({ userId: other.id, module, knowledgeCheck });
    const { attemptId: submitted } = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 2) });
    const first = await startKnowledgeCheck({ userId: user.id, module, knowledgeCheck });
    const v2 = { ...module, version: 2 };
    expect(await openAttempt({ userId: user.id, module: v2, knowledgeCheck })).toBeNull();
    expect(await submitKnowledgeCheck({ userId: user.id, module: v2, knowledgeCheck, attemptId: first.id, answers: answersFor(knowledgeCheck, 6) })).toEqual({
      kind: "not-found",
    });
    const second = await startKnowledgeCheck({ userId: user.id, module: v2, knowledgeCheck });
    expect(second.id).not.toBe(first.id);
    // only the open attempt went: the submitted one stays, as does anyone else's
    expect((await db.knowledgeCheckAttempt.findMany({ where: { userId: user.id }, select: { id: true } })).map((a) => a.id).sort()).toEqual([submitted, second.id].sort());
    expect(await openAttempt({ userId: other.id, module, knowledgeCheck })).toMatchObject({ id: othersOpen.id });
  });

  test("each attempt is drawn afresh: councillors starting the same check are not all asked it in the same order", async () => {
    const module = sampleModule();
    const knowledgeCheck = sampleKnowledgeCheck();
    const draws = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { check } = await startKnowledgeCheck({ userId: (await createUser()).id, module, knowledgeCheck });
      draws.add(JSON.stringify(check.questions.map((q) => [q.id, q.options.map((o) => o.id)])));
    }
    expect(draws.size).toBeGreaterThan(1);
  });

  test("starting an attempt for an account that does not exist fails, rather than trying again and again", async () => {
    await expect(startKnowledgeCheck({ userId: "no-such-account", module: sampleModule(), knowledgeCheck: sampleKnowledgeCheck() })).rejects.toThrow();
  });
});
