// Recording progress against a real database: where marking a lesson takes the councillor next, and what
// the completion (the certificate) records when the knowledge check was passed before the last lesson.
import { expect, test } from "vitest";
import { addMembership, answersFor, createCouncil, createUser, sampleKnowledgeCheck, sampleModule, takeKnowledgeCheck } from "../../tests/factories";
import { certificateFor } from "./certificates.server";
import { completeIfDone, markLessonComplete } from "./progress.server";

test("a certificate records the best score of any attempt (not the last or the lowest), the name and the council", async () => {
  const council = await createCouncil({ name: "Wyre Forest District Council" });
  const user = await createUser({ name: "Priya Shah", councilId: council.id });
  const module = sampleModule();
  const knowledgeCheck = sampleKnowledgeCheck();
  for (const right of [5, 6, 2, 5]) await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, right) });
  for (const lesson of module.lessons) await markLessonComplete({ userId: user.id, module, lessonSlug: lesson.slug });

  expect(await certificateFor({ userId: user.id, moduleId: module.id })).toMatchObject({
    scorePercent: 100,
    holderName: "Priya Shah",
    councilName: "Wyre Forest District Council",
    moduleTitle: module.title,
    moduleVersion: module.version,
  });
});

test("a councillor who sits on a county and a district council has both on their certificate, and not one they left", async () => {
  const county = await createCouncil({ name: "Lancashire County Council Test", type: "county" });
  const district = await createCouncil({ name: "Pendle Borough Council Test" });
  const former = await createCouncil({ name: "Burnley Borough Council Test" });
  const user = await createUser({ councilId: district.id });
  await addMembership({ userId: user.id, councilId: county.id });
  await addMembership({ userId: user.id, councilId: former.id, leftOfficeOn: new Date("2024-05-02") });
  const module = sampleModule();
  const knowledgeCheck = sampleKnowledgeCheck();
  await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
  for (const lesson of module.lessons) await markLessonComplete({ userId: user.id, module, lessonSlug: lesson.slug });
  expect((await certificateFor({ userId: user.id, moduleId: module.id }))?.councilName).toBe("Lancashire County Council Test, Pendle Borough Council Test");
});

test("marking a lesson leads to the following lesson, after the last to what is left, and nowhere once the module is complete", async () => {
  const user = await createUser();
  const module = sampleModule();
  const [first, second, ...rest] = module.lessons.map((l) => l.slug);
  const mark = (lessonSlug: string) => markLessonComplete({ userId: user.id, module, lessonSlug });

  expect((await mark(second!)).next).toMatchObject({ kind: "lesson", slug: rest[0] });
  for (const slug of rest) await mark(slug);
  expect(await mark(rest.at(-1)!)).toMatchObject({ completed: null, next: { kind: "lesson", slug: first } });
  expect(await mark(first!)).toMatchObject({ completed: null, next: { kind: "lesson", slug: second } });
  expect(await completeIfDone({ userId: user.id, module })).toBeNull();

  const knowledgeCheck = sampleKnowledgeCheck();
  const { completed } = await takeKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
  expect(completed).toMatchObject({ isNew: true });
  expect(await mark(first!)).toMatchObject({ completed: { isNew: false, completion: { id: completed!.completion.id } }, next: { kind: "lesson", slug: second } });
  expect(await completeIfDone({ userId: user.id, module })).toMatchObject({ isNew: false, completion: { id: completed!.completion.id } });
});

test("someone with no council (staff trying a module) completes it with no council on the certificate", async () => {
  const staff = await createUser({ role: "staff" });
  const module = sampleModule();
  const knowledgeCheck = sampleKnowledgeCheck();
  await takeKnowledgeCheck({ userId: staff.id, module, knowledgeCheck, answers: answersFor(knowledgeCheck, 6) });
  for (const lesson of module.lessons) await markLessonComplete({ userId: staff.id, module, lessonSlug: lesson.slug });
  expect(await certificateFor({ userId: staff.id, moduleId: module.id })).toMatchObject({ scorePercent: 100, councilName: null });
});

test("marking a lesson for an account that does not exist fails, rather than reporting progress", async () => {
  const module = sampleModule();
  await expect(markLessonComplete({ userId: "no-such-account", module, lessonSlug: module.lessons[0]!.slug })).rejects.toThrow();
});
