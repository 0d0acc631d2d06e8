// learningFor, for many people at once: one query whatever their number, the same answers as asking for
// each person alone, a council's active councillors only, and never anything a councillor wrote.
import { expect, test } from "vitest";
import { addMembership, answersFor, createCouncil, createUser, sampleKnowledgeCheck, sampleModule, takeKnowledgeCheck } from "../../tests/factories";
import { sqlDuring } from "../../tests/queries";
import { findModule, lessonTree } from "~/content/content.server";
import { componentsIn } from "~/content/tree";
import { db } from "~/utils/db.server";
import { saveReflection } from "./notes.server";
import { markLessonComplete } from "./progress.server";
import { learningFor, progressForModule } from "./reader.server";

/** A council of `count` councillors with varied learning in two modules: none, some lessons, a failed or passed check, completed. */
async function councilWithLearning(count: number) {
  const council = await createCouncil();
  const modules = [sampleModule(), sampleModule()];
  const knowledgeCheck = sampleKnowledgeCheck();
  const people = [];
  for (let i = 0; i < count; i++) people.push(await createUser({ councilId: council.id }));
  for (const [i, person] of people.entries()) {
    const module = modules[i % 2]!;
    const lessons = module.lessons.slice(0, i % 5);
    for (const { slug } of lessons) await markLessonComplete({ userId: person.id, module, lessonSlug: slug });
    if (i % 3 === 1) await takeKnowledgeCheck({ userId: person.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, i % 7) });
  }
  return { council, modules, people };
}

test("the learning of 1, 10 or 200 people, or of a whole council, costs one query", async () => {
  const { council, modules, people } = await councilWithLearning(200);
  for (const count of [1, 10, 200]) {
    const { result, sql } = await sqlDuring(() => learningFor({ userIds: people.slice(0, count).map((p) => p.id) }, modules));
    expect(sql).toHaveLength(1);
    expect(result.size).toBe(count);
  }
  const { result, sql } = await sqlDuring(() => learningFor({ councilId: council.id }, modules));
  expect(sql).toHaveLength(1);
  expect(result.size).toBe(200);
  expect(await sqlDuring(() => learningFor({ userIds: [] }, modules))).toEqual({ result: new Map(), sql: [] });
}, 60_000);

test("many people at once get the same answers as each person alone, for every module, started or not", async () => {
  const { council, modules, people } = await councilWithLearning(24);
  const learning = await learningFor({ councilId: council.id }, modules);
  const states = new Set<string>();
  for (const person of people) {
    for (const module of modules) {
      const progress = learning.get(person.id)!.get(module.id)!;
      expect(progress).toEqual(await progressForModule({ userId: person.id, module }));
      states.add(`${progress.state}/${progress.nextStep?.kind}`);
    }
  }
  // the people above cover each state and kind of next step
  expect(states).toEqual(new Set(["not-started/lesson", "in-progress/lesson", "in-progress/check", "completed/undefined"]));
}, 60_000);

test("a council's learning is its current, confirmed members': not its officers, the deactivated, leavers, unconfirmed claims or another council's", async () => {
  const council = await createCouncil();
  const councillor = await createUser({ councilId: council.id });
  // invited by the council from its list, not yet signed in: a member all the same
  const invited = await createUser({ councilId: council.id, confirmed: false, password: null });
  await createUser({ councilId: council.id, role: "officer" });
  await createUser({ councilId: council.id, deactivated: true });
  await createUser({ councilId: council.id, membership: { confirmed: false } });
  await createUser({ councilId: council.id, membership: { leftOfficeOn: new Date("2026-05-08") } });
  const twinHatter = await createUser();
  await addMembership({ userId: twinHatter.id, councilId: council.id });
  expect([...(await learningFor({ councilId: council.id })).keys()].sort()).toEqual([councillor.id, invited.id, twinHatter.id].sort());
  // the twin-hatter's learning counts for their other council too
  expect([...(await learningFor({ councilId: twinHatter.councilId! })).keys()]).toEqual([twinHatter.id]);
  // asked for by id, an unknown id is left out and a known one is there with every module, not started
  const learning = await learningFor({ userIds: [councillor.id, "no-such-person"] });
  expect([...learning.keys()]).toEqual([councillor.id]);
  expect([...learning.get(councillor.id)!.values()].every((p) => p.state === "not-started")).toBe(true);
});

test("learningFor reads state only: never a reflection or a case-study answer", async () => {
  const module = findModule("prevent-duty", "en")!;
  const councillor = await createUser();
  const lessonSlug = module.lessons[0]!.slug;
  let prompt: { lessonSlug: string; promptId: string } | null = null;
  for (const { slug } of module.lessons) {
    const reflection = componentsIn((await lessonTree(module, slug))!, "Reflection")[0];
    if (reflection) {
      prompt = { lessonSlug: slug, promptId: reflection.p!.id as string };
      break;
    }
  }
  const secret = "My private worry about the mosque consultation";
  await saveReflection({ userId: councillor.id, module, ...prompt!, text: secret });
  await markLessonComplete({ userId: councillor.id, module, lessonSlug });
  const { result, sql } = await sqlDuring(() => learningFor({ councilId: councillor.councilId! }));
  expect(result.get(councillor.id)!.get(module.id)).toMatchObject({ state: "in-progress", completedLessons: [lessonSlug] });
  expect(sql.join("\n")).not.toMatch(/Reflection|CaseStudyAnswer/);
  expect(JSON.stringify([...result.get(councillor.id)!.values()])).not.toContain("mosque");
  expect(await db.reflection.count({ where: { userId: councillor.id } })).toBe(1);
});
