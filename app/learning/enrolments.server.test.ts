// Enrolments on the real database: starting a module enrols the person (as their own choice), enrolling twice
// at once keeps one, and a person's enrolments are theirs alone.
import { expect, test } from "vitest";
import { createUser, sampleKnowledgeCheck, sampleModule } from "../../tests/factories";
import { enrol, enrolmentsOf } from "./enrolments.server";
import { startKnowledgeCheck } from "./knowledge-check.server";
import { markLessonComplete } from "./progress.server";

test("marking a first lesson or starting the check enrols the person on the module as their own choice; an officer's enrolment stays the officer's", async () => {
  const [ann, bob, officer] = await Promise.all([createUser(), createUser(), createUser({ role: "officer" })]);
  const module = sampleModule({ id: "enrolment-lessons" });
  await markLessonComplete({ userId: ann.id, module, lessonSlug: module.lessons[0]!.slug });
  await startKnowledgeCheck({ userId: bob.id, module: sampleModule({ id: "enrolment-check" }), knowledgeCheck: sampleKnowledgeCheck() });
  expect(await enrolmentsOf(ann.id)).toEqual(new Map([["enrolment-lessons", { source: "self", since: expect.any(Date) }]]));
  expect([...(await enrolmentsOf(bob.id)).entries()]).toEqual([["enrolment-check", { source: "self", since: expect.any(Date) }]]);

  expect(await enrol({ userId: ann.id, moduleId: "enrolment-officer", source: "officer", enrolledById: officer.id })).toBe(true);
  await markLessonComplete({ userId: ann.id, module: sampleModule({ id: "enrolment-officer" }), lessonSlug: module.lessons[0]!.slug });
  expect((await enrolmentsOf(ann.id)).get("enrolment-officer")).toMatchObject({ source: "officer" });
});

test("two enrolments of one person on one module at once: one is made, the other is told it already was", async () => {
  const ann = await createUser();
  const both = await Promise.all([enrol({ userId: ann.id, moduleId: "twice", source: "self" }), enrol({ userId: ann.id, moduleId: "twice", source: "officer" })]);
  expect(both.sort()).toEqual([false, true]);
  expect((await enrolmentsOf(ann.id)).size).toBe(1);
});
