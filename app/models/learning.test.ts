// The learning rules against a real database: progress, grading, completion, certificates, private notes.
import { describe, expect, test } from "vitest";
import { answersFor, createUser, sampleModule, sampleQuiz } from "../../tests/factories";
import { db } from "~/utils/db.server";
import {
  certificateFor,
  newCertificateCode,
  normaliseCertificateCode,
  verifyCertificate,
  formatCertificateCode,
} from "./completion.server";
import { grade, questionsToAsk, submitKnowledgeCheck, unansweredQuestions, attemptResults } from "./knowledge-check.server";
import { answerCaseStudy, deleteReflection, notesForModule, saveReflection } from "./lesson-notes.server";
import { completeIfDone, continueLearning, markLessonComplete, progressForModule } from "./progress.server";

async function completeLessons(userId: string, module: ReturnType<typeof sampleModule>, slugs = module.lessons.map((l) => l.slug)) {
  let last = null;
  for (const lessonSlug of slugs) last = await markLessonComplete({ userId, module, lessonSlug });
  return last;
}

describe("grading a knowledge check", () => {
  const quiz = sampleQuiz();

  test("the pass mark is compared exactly: 5 of 6 passes 70%, 4 of 6 does not", () => {
    expect(grade(quiz, answersFor(quiz, 5), 70)).toMatchObject({ correct: 5, total: 6, scorePercent: 83, passed: true });
    expect(grade(quiz, answersFor(quiz, 4), 70)).toMatchObject({ correct: 4, total: 6, scorePercent: 66, passed: false });
    // 7 of 10 is exactly 70%
    const ten = {
      questions: [
        ...quiz.questions,
        ...sampleQuiz()
          .questions.slice(0, 4)
          .map((q) => ({ ...q, id: `${q.id}x` })),
      ],
    };
    expect(grade(ten, answersFor(ten, 7), 70)).toMatchObject({ scorePercent: 70, passed: true });
  });

  test("says which answers were wrong, what was right, and why", () => {
    const { results } = grade(quiz, answersFor(quiz, 4), 70);
    const wrong = results.filter((r) => !r.isCorrect);
    expect(wrong.map((r) => r.questionId)).toEqual(["q5", "q6"]);
    expect(wrong[0]).toMatchObject({
      chosen: "Wrong answer to q5",
      correctAnswer: "Right answer to q5",
      explanation: expect.stringContaining("b is right"),
    });
  });

  test("the questions asked carry no answer and no explanation", () => {
    const asked = JSON.stringify(questionsToAsk(quiz));
    expect(asked).not.toContain("correct");
    expect(asked).not.toContain("Explanation");
    expect(questionsToAsk(quiz)[0]).toEqual({
      id: "q1",
      prompt: "What is the answer to q1?",
      options: [expect.objectContaining({ id: "a" }), expect.objectContaining({ id: "b" }), expect.objectContaining({ id: "c" })],
    });
  });

  test("an unanswered question, or an option from another question, counts as unanswered", () => {
    expect(unansweredQuestions(quiz, { ...answersFor(quiz, 6), q2: "", q4: "z" })).toEqual(["q2", "q4"]);
  });
});

describe("completing a module", () => {
  test("needs every lesson and a passed knowledge check, in either order, and records the version", async () => {
    const user = await createUser();
    const module = sampleModule({ version: 3 });
    const quiz = sampleQuiz();

    expect(await completeLessons(user.id, module, ["one", "two", "three"])).toBeNull();
    const failed = await submitKnowledgeCheck({ userId: user.id, module, quiz, answers: answersFor(quiz, 3) });
    expect(failed.completed).toBeNull();
    const passed = await submitKnowledgeCheck({ userId: user.id, module, quiz, answers: answersFor(quiz, 6) });
    expect(passed.completed).toBeNull(); // lesson four is still to do
    expect((await progressForModule(user.id, module)).state).toBe("in-progress");

    const done = await markLessonComplete({ userId: user.id, module, lessonSlug: "four" });
    expect(done).toMatchObject({ isNew: true, completion: { moduleVersion: 3, moduleTitle: "A sample module", scorePercent: 100 } });
    expect(await progressForModule(user.id, module)).toMatchObject({ state: "completed", percent: 100, minutesLeft: 0, nextStep: null });

    // quiz last, for another councillor
    const other = await createUser();
    await completeLessons(other.id, module);
    const last = await submitKnowledgeCheck({ userId: other.id, module, quiz, answers: answersFor(quiz, 5) });
    expect(last.completed).toMatchObject({ isNew: true, completion: { scorePercent: 83 } });
  });

  test("retries are allowed and the best score is kept", async () => {
    const user = await createUser();
    const module = sampleModule();
    const quiz = sampleQuiz();
    for (const right of [2, 6, 4]) await submitKnowledgeCheck({ userId: user.id, module, quiz, answers: answersFor(quiz, right) });
    expect(await progressForModule(user.id, module)).toMatchObject({
      bestScore: 100,
      passed: true,
      nextStep: { kind: "lesson", slug: "one" },
    });
    expect(await db.quizAttempt.count({ where: { userId: user.id } })).toBe(3);
  });

  test("a later version of the module never undoes a completion, even with a new lesson", async () => {
    const user = await createUser();
    const v1 = sampleModule();
    const quiz = sampleQuiz();
    await completeLessons(user.id, v1);
    await submitKnowledgeCheck({ userId: user.id, module: v1, quiz, answers: answersFor(quiz, 6) });
    const v2 = sampleModule({
      id: v1.id,
      version: 2,
      title: "A sample module, revised",
      lessons: [...v1.lessons, { slug: "five", title: "Lesson five", file: "05-five.mdx", position: 5, words: 800, minutes: 8 }],
    });
    expect(await progressForModule(user.id, v2)).toMatchObject({ state: "completed", percent: 100 });
    expect((await completeIfDone({ userId: user.id, module: v2 }))?.completion).toMatchObject({
      moduleVersion: 1,
      moduleTitle: "A sample module",
    });
    expect(await certificateFor({ userId: user.id, moduleId: v1.id })).toMatchObject({ moduleTitle: "A sample module", moduleVersion: 1 });
  });

  test("when a later version drops the only lesson left, the next step is to finish, which completes the module", async () => {
    const user = await createUser();
    const v1 = sampleModule();
    const quiz = sampleQuiz();
    await completeLessons(user.id, v1, ["one", "two", "three"]);
    await submitKnowledgeCheck({ userId: user.id, module: v1, quiz, answers: answersFor(quiz, 6) });
    const v2 = sampleModule({ id: v1.id, version: 2, lessons: v1.lessons.slice(0, 3) });
    expect(await progressForModule(user.id, v2)).toMatchObject({ state: "in-progress", nextStep: { kind: "finish" } });
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
    expect(await progressForModule(user.id, v2)).toMatchObject({
      lessonsDone: 1,
      completedLessons: ["one"],
      nextStep: { kind: "lesson", slug: "two-revised" },
    });
  });

  test("several requests finishing the module at once make one completion", async () => {
    const user = await createUser();
    const module = sampleModule();
    const quiz = sampleQuiz();
    await completeLessons(user.id, module, ["one", "two", "three"]);
    await submitKnowledgeCheck({ userId: user.id, module, quiz, answers: answersFor(quiz, 6) });
    // a double (or triple) click on the last lesson's button
    const results = await Promise.all([1, 2, 3].map(() => markLessonComplete({ userId: user.id, module, lessonSlug: "four" })));
    expect(await db.moduleCompletion.count({ where: { userId: user.id } })).toBe(1);
    expect(new Set(results.map((r) => r!.completion.certificateCode)).size).toBe(1);
    expect(results.filter((r) => r!.isNew)).toHaveLength(1);
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
    expect(await progressForModule(user.id, module)).toMatchObject({
      state: "not-started",
      percent: 0,
      minutesLeft: 4 * 8 + 5,
      nextStep: { kind: "lesson", slug: "one" },
    });
    await completeLessons(user.id, module, ["one", "three"]);
    expect(await progressForModule(user.id, module)).toMatchObject({
      state: "in-progress",
      percent: 40,
      minutesLeft: 2 * 8 + 5,
      nextStep: { kind: "lesson", slug: "two" },
    });
    await completeLessons(user.id, module, ["two", "four"]);
    expect(await progressForModule(user.id, module)).toMatchObject({ percent: 80, minutesLeft: 5, nextStep: { kind: "check" } });
  });

  test("continue where you left off: the most recently active unfinished module and its next step", async () => {
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
    const { current } = await continueLearning(user.id, [older, newer, untouched]);
    expect(current?.module.id).toBe(newer.id);
    expect(current?.progress.nextStep).toMatchObject({ kind: "lesson", slug: "three" });
    // someone else's progress is not mine
    expect((await continueLearning((await createUser()).id, [older, newer, untouched])).current).toBeNull();
  });
});

describe("certificates", () => {
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
    const quiz = sampleQuiz();
    await completeLessons(user.id, module);
    const { completed } = await submitKnowledgeCheck({ userId: user.id, module, quiz, answers: answersFor(quiz, 6) });
    const code = completed!.completion.certificateCode;
    const typed = formatCertificateCode(code).toLowerCase();
    // a later change of name does not change what the certificate says or what its check confirms
    await db.user.update({ where: { id: user.id }, data: { name: "Gwen Price-Rowlands" } });
    const found = await verifyCertificate(typed);
    expect(found).toEqual({
      name: "Gwen Price",
      moduleTitle: "Standards in public office",
      completedAt: completed!.completion.completedAt,
      code,
    });
    expect(await certificateFor({ userId: user.id, moduleId: module.id })).toMatchObject({ holderName: "Gwen Price" });
    expect(await verifyCertificate(newCertificateCode())).toBeNull();
    expect(await verifyCertificate("not a code")).toBeNull();
    expect(await verifyCertificate("")).toBeNull();
  });
});

describe("case studies and reflections", () => {
  test("a reflection is saved, changed and deleted by its author only", async () => {
    const author = await createUser();
    const other = await createUser();
    const moduleId = "prevent-duty";
    await saveReflection({ userId: author.id, moduleId, promptId: "your-ward", text: "First thoughts" });
    await saveReflection({ userId: author.id, moduleId, promptId: "your-ward", text: "Second thoughts" });
    await deleteReflection({ userId: other.id, moduleId, promptId: "your-ward" });
    expect((await notesForModule({ userId: author.id, moduleId })).reflections["your-ward"]?.text).toBe("Second thoughts");
    expect((await notesForModule({ userId: other.id, moduleId })).reflections).toEqual({});
    await deleteReflection({ userId: author.id, moduleId, promptId: "your-ward" });
    expect(await db.reflection.count({ where: { userId: author.id } })).toBe(0);
  });

  test("a case-study choice can be changed, and is the councillor's own", async () => {
    const user = await createUser();
    await answerCaseStudy({ userId: user.id, moduleId: "m", caseStudyId: "hall", choice: "Cancel the booking" });
    await answerCaseStudy({ userId: user.id, moduleId: "m", caseStudyId: "hall", choice: "Ask officers to check it" });
    expect((await notesForModule({ userId: user.id, moduleId: "m" })).caseStudyAnswers).toEqual({ hall: "Ask officers to check it" });
    expect((await notesForModule({ userId: (await createUser()).id, moduleId: "m" })).caseStudyAnswers).toEqual({});
  });
});

test("an attempt's results are shown to its author only", async () => {
  const user = await createUser();
  const module = sampleModule();
  const quiz = sampleQuiz();
  const { attempt } = await submitKnowledgeCheck({ userId: user.id, module, quiz, answers: answersFor(quiz, 2) });
  expect(await attemptResults({ userId: user.id, module, quiz, attemptId: attempt.id })).toMatchObject({ correct: 2, passed: false });
  expect(await attemptResults({ userId: (await createUser()).id, module, quiz, attemptId: attempt.id })).toBeNull();
  // after the module changes, the old attempt keeps its score but shows none of today's answers
  const later = await attemptResults({ userId: user.id, module: { ...module, version: 2 }, quiz, attemptId: attempt.id });
  expect(later).toMatchObject({ correct: 2, passed: false, sameVersion: false, results: [] });
});
