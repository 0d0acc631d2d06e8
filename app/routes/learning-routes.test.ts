// The learning pages' loaders and actions, called as Remix calls them: who may do what, what each form
// refuses, and that a knowledge check's answers never leave the server before the councillor submits.
import { describe, expect, test } from "vitest";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { findModule, lessonBody, lessonTree, knowledgeCheckFor } from "~/content/content.server";
import { componentsIn } from "~/content/tree";
import { db } from "~/utils/db.server";
import type { FormResult } from "~/utils/forms";
import * as modulePage from "./modules.$moduleId._index";
import * as certificate from "./modules.$moduleId.certificate";
import * as check from "./modules.$moduleId.check";
import * as lesson from "./modules.$moduleId.lessons.$lessonSlug";
import * as verify from "./verify.$code";

const MODULE_ID = "prevent-duty";
const module = findModule(MODULE_ID, "en")!;
const knowledgeCheck = knowledgeCheckFor(MODULE_ID, "en")!;
const lessonUrl = (slug: string) => `/modules/${MODULE_ID}/lessons/${slug}`;
const params = (slug?: string) => ({ moduleId: MODULE_ID, ...(slug ? { lessonSlug: slug } : {}) });
const checkUrl = `/modules/${MODULE_ID}/check`;
const post = (context: Awaited<ReturnType<typeof contextFor>>, form: Record<string, string>) =>
  outcomeOf(() => check.action(argsFor(checkUrl, context, { method: "POST", params: params(), form })));

/** Starts an attempt through the page and returns the questions it shows. */
async function startAttempt(context: Awaited<ReturnType<typeof contextFor>>) {
  const started = (await post(context, { intent: "start" })) as Response;
  expect(started.status).toBe(302);
  expect(started.headers.get("Location")).toBe(checkUrl);
  return (await check.loader(argsFor(checkUrl, context, { params: params() }))).attempt!;
}

/** The right option for each question shown, by the text in the bank. */
const rightAnswers = (attempt: { id: string; questions: { id: string }[] }) =>
  Object.fromEntries([
    ["intent", "submit"],
    ["attempt", attempt.id],
    ...attempt.questions.map((q) => [`answer-${q.id}`, knowledgeCheck.questions.find((b) => b.id === q.id)!.options.find((o) => o.correct)!.id]),
  ]);

function expectNoAnswers(sent: string) {
  expect(sent).not.toMatch(/"correct"/);
  for (const question of knowledgeCheck.questions) expect(sent).not.toContain(question.explanation);
}

describe("the knowledge check keeps its answers on the server", () => {
  test("the page offers to start; nothing is drawn until the councillor starts (a POST), then the same questions stay", async () => {
    const context = await contextFor("councillor");
    const before = await check.loader(argsFor(checkUrl, context, { params: params() }));
    expect(before.attempt).toBeNull();
    expect(await db.knowledgeCheckAttempt.count({ where: { userId: context.user!.id } })).toBe(0);

    const attempt = await startAttempt(context);
    expect(attempt.questions).toHaveLength(8);
    expectNoAnswers(JSON.stringify(attempt));
    // reloading, or starting again from another tab, shows the same draw
    await post(context, { intent: "start" });
    expect((await check.loader(argsFor(checkUrl, context, { params: params() }))).attempt).toEqual(attempt);
    expect(await db.knowledgeCheckAttempt.count({ where: { userId: context.user!.id } })).toBe(1);
  });

  test("no lesson's compiled content or page data carries an answer or explanation", async () => {
    const context = await contextFor("councillor");
    for (const { slug } of module.lessons) {
      expectNoAnswers((await lessonBody(module, slug))!.json);
      expectNoAnswers(JSON.stringify(await lesson.loader(argsFor(lessonUrl(slug), context, { params: params(slug) }))));
    }
  });

  test("an unanswered question is named and what was chosen is kept; a full answer is graded and shown to its author only", async () => {
    const context = await contextFor("councillor");
    const attempt = await startAttempt(context);
    const answers = rightAnswers(attempt);
    const first = `answer-${attempt.questions[0]!.id}`;
    const third = `answer-${attempt.questions[2]!.id}`;
    const partial = { ...answers };
    delete partial[third];
    const refused = (await post(context, partial)) as { init: { status: number }; data: FormResult };
    expect(refused.init.status).toBe(400);
    expect(refused.data.fieldErrors).toEqual({ [third]: "Choose an answer to question 3" });
    expect(refused.data.values[first]).toBe(answers[first]);
    expect(await db.knowledgeCheckAttempt.count({ where: { userId: context.user!.id, submittedAt: { not: null } } })).toBe(0);

    const graded = (await post(context, answers)) as Response;
    expect(graded.status).toBe(302);
    const resultsUrl = graded.headers.get("Location")!;
    expect(resultsUrl).toMatch(/\/check\?attempt=/);
    const results = await check.loader(argsFor(resultsUrl, context, { params: params() }));
    expect(results.results).toMatchObject({ correct: 8, total: 8, passed: true });
    expect(results.attempt).toBeNull();
    // submitted twice (a double click, the back button): graded once, the same results
    expect(((await post(context, answers)) as Response).headers.get("Location")).toBe(resultsUrl);
    expect(await db.knowledgeCheckAttempt.count({ where: { userId: context.user!.id } })).toBe(1);

    const someoneElse = await contextFor("councillor");
    const refusedToOther = (await outcomeOf(() => check.loader(argsFor(resultsUrl, someoneElse, { params: params() })))) as Response;
    expect(refusedToOther.status).toBe(404);
  });

  test("a failed attempt's page names the lesson for each wrong answer and carries no right answer or explanation", async () => {
    const context = await contextFor("councillor");
    const attempt = await startAttempt(context);
    const answers = rightAnswers(attempt);
    // the first four answered wrongly: 4 of 8 fails a pass mark of 70%
    for (const q of attempt.questions.slice(0, 4)) {
      answers[`answer-${q.id}`] = knowledgeCheck.questions.find((b) => b.id === q.id)!.options.find((o) => !o.correct)!.id;
    }
    const resultsUrl = ((await post(context, answers)) as Response).headers.get("Location")!;
    const results = (await check.loader(argsFor(resultsUrl, context, { params: params() }))).results!;
    expect(results).toMatchObject({ correct: 4, passed: false });
    expectNoAnswers(JSON.stringify(results.results));
    for (const r of results.results.filter((r) => !r.isCorrect)) {
      const lessonSlug = knowledgeCheck.questions.find((b) => b.id === r.questionId)!.lesson;
      expect(r.lesson).toEqual({ slug: lessonSlug, title: module.lessons.find((l) => l.slug === lessonSlug)!.title });
    }
  });
});

describe("the lesson page", () => {
  test("staff and officers read lessons without progress and cannot post to them", async () => {
    for (const role of ["officer", "staff"] as const) {
      const context = await contextFor(role);
      const data = await lesson.loader(argsFor(lessonUrl("what-the-duty-says"), context, { params: params("what-the-duty-says") }));
      expect(data.state.canTake).toBe(false);
      expect(data.progress).toBeNull();
      const posted = (await outcomeOf(() =>
        lesson.action(
          argsFor(lessonUrl("what-the-duty-says"), context, {
            method: "POST",
            params: params("what-the-duty-says"),
            form: { intent: "complete" },
          }),
        ),
      )) as Response;
      expect(posted.status).toBe(403);
    }
    const signedOut = (await outcomeOf(() =>
      lesson.loader(
        argsFor(
          lessonUrl("what-the-duty-says"),
          { user: null, sessionId: null, language: "en" as const, cspNonce: "", clientIp: "1" },
          { params: params("what-the-duty-says") },
        ),
      ),
    )) as Response;
    expect(signedOut.status).toBe(302);
  });

  test("an unknown module or lesson is a 404", async () => {
    const context = await contextFor("councillor");
    const noModule = (await outcomeOf(() =>
      lesson.loader(argsFor("/modules/nope/lessons/x", context, { params: { moduleId: "nope", lessonSlug: "x" } })),
    )) as Response;
    const noLesson = (await outcomeOf(() => lesson.loader(argsFor(lessonUrl("nope"), context, { params: params("nope") })))) as Response;
    expect([noModule.status, noLesson.status]).toEqual([404, 404]);
  });

  test("marking complete moves on to the next lesson, and the last step of the module goes to the certificate", async () => {
    const context = await contextFor("councillor");
    const slugs = module.lessons.map((l) => l.slug);
    const post = (slug: string, form: Record<string, string>) =>
      outcomeOf(() => lesson.action(argsFor(lessonUrl(slug), context, { method: "POST", params: params(slug), form })));
    expect(((await post(slugs[0]!, { intent: "complete" })) as Response).headers.get("Location")).toBe(lessonUrl(slugs[1]!));
    for (const slug of slugs.slice(1, -1)) await post(slug, { intent: "complete" });
    expect(((await post(slugs.at(-1)!, { intent: "complete" })) as Response).headers.get("Location")).toBe(`/modules/${MODULE_ID}/check`);

    const notYet = (await outcomeOf(() =>
      certificate.loader(argsFor(`/modules/${MODULE_ID}/certificate`, context, { params: params() })),
    )) as Response;
    expect(notYet.status).toBe(404);
    await check.action(argsFor(checkUrl, context, { method: "POST", params: params(), form: rightAnswers(await startAttempt(context)) })).catch((r) => r);
    const data = await certificate.loader(argsFor(`/modules/${MODULE_ID}/certificate`, context, { params: params() }));
    expect(data.certificate).toMatchObject({
      name: context.user!.name,
      moduleTitle: module.title,
      code: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/),
    });

    const verified = await verify.loader(
      argsFor(
        `/verify/${data.certificate.code}`,
        { user: null, sessionId: null, language: "en" as const, cspNonce: "", clientIp: "1" },
        { params: { code: data.certificate.code } },
      ),
    );
    const shown = "data" in verified ? verified.data : verified;
    // the public check shows only the name, the module (its title in both languages) and the date
    expect(shown.certificate).toEqual({
      name: context.user!.name,
      moduleTitles: { en: module.title, cy: findModule(module.id, "cy")!.title },
      completedAt: expect.any(Date),
      code: data.certificate.code,
    });
  });

  test("the case-study and reflection forms refuse what is not in the lesson or is empty", async () => {
    const context = await contextFor("councillor");
    // the first lesson with a case study, and the first with a reflection
    const firstWith = async (name: string) => {
      for (const { slug } of module.lessons) {
        const found = componentsIn((await lessonTree(module, slug))!, name)[0];
        if (found) return { slug, id: found.p!.id as string };
      }
      throw new Error(`no ${name} in ${MODULE_ID}`);
    };
    const { slug: caseLesson, id: caseId } = await firstWith("CaseStudy");
    const { slug: reflectionLesson, id: reflectionId } = await firstWith("Reflection");
    const post = (slug: string, form: Record<string, string>) =>
      outcomeOf(() => lesson.action(argsFor(lessonUrl(slug), context, { method: "POST", params: params(slug), form })));

    // the discussion is not sent before a choice is made, and is after
    const discussion = componentsIn((await lessonTree(module, caseLesson))!, "CaseStudy")
      .find((c) => c.p!.id === caseId)!
      .c!.find((c) => typeof c !== "string" && c.t === "Discussion");
    const discussionText = JSON.stringify(discussion).match(/"([^"]{40,})"/)![1]!;
    const page = async () => JSON.stringify(await lesson.loader(argsFor(lessonUrl(caseLesson), context, { params: params(caseLesson) })));
    expect(await page()).not.toContain(discussionText);

    const noChoice = (await post(caseLesson, { intent: "case-study", formId: `case-${caseId}`, caseStudyId: caseId })) as {
      init: { status: number };
      data: FormResult;
    };
    expect(noChoice.init.status).toBe(400);
    expect(noChoice.data.fieldErrors.choice).toMatch(/Choose what you would do/);
    expect(noChoice.data.values.formId).toBe(`case-${caseId}`);
    expect(
      ((await post(caseLesson, { intent: "case-study", caseStudyId: caseId, choice: "9" })) as { init: { status: number } }).init.status,
    ).toBe(400);
    expect(((await post(caseLesson, { intent: "case-study", caseStudyId: "not-here", choice: "0" })) as Response).status).toBe(400);
    const chosen = (await post(caseLesson, { intent: "case-study", caseStudyId: caseId, choice: "1" })) as Response;
    expect(chosen.headers.get("Location")).toBe(`${lessonUrl(caseLesson)}#case-${caseId}`);
    expect(await page()).toContain(discussionText);

    const empty = (await post(reflectionLesson, { intent: "save-reflection", promptId: reflectionId, text: "   " })) as {
      init: { status: number };
      data: FormResult;
    };
    expect(empty.init.status).toBe(400);
    expect(empty.data.fieldErrors.text).toBe("Write your reflection before saving it");
    expect(empty.data.values.text).toBe("   ");
    expect(((await post(reflectionLesson, { intent: "save-reflection", promptId: "elsewhere", text: "Hello" })) as Response).status).toBe(
      400,
    );
    expect(
      (
        (await post(reflectionLesson, {
          intent: "save-reflection",
          promptId: reflectionId,
          text: "My ward has two mosques and a gurdwara.",
        })) as Response
      ).status,
    ).toBe(302);
    expect(await db.reflection.findFirst({ where: { userId: context.user!.id } })).toMatchObject({
      text: "My ward has two mosques and a gurdwara.",
    });
  });
});

test("the certificate page is a councillor's own: officers are refused and no address shows another's", async () => {
  const officer = await contextFor("officer");
  const finish = (await outcomeOf(() =>
    modulePage.action(argsFor(`/modules/${MODULE_ID}`, officer, { method: "POST", params: params(), form: { intent: "finish" } })),
  )) as Response;
  expect(finish.status).toBe(403);
  expect(
    ((await outcomeOf(() => certificate.loader(argsFor(`/modules/${MODULE_ID}/certificate`, officer, { params: params() })))) as Response)
      .status,
  ).toBe(403);
});

test("an unknown certificate code is a clear 404", async () => {
  const result = await verify.loader(
    argsFor(
      "/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ",
      { user: null, sessionId: null, language: "en" as const, cspNonce: "", clientIp: "1" },
      { params: { code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" } },
    ),
  );
  expect("init" in result && result.init?.status).toBe(404);
});
