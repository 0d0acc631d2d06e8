// The demo data keeps the learning rules: it is written through the learning domain, so every completion
// has every lesson done and a passed check, and every attempt's answers really score what was recorded.
import { expect, test } from "vitest";
import { seedDemoData, DEMO_SIGN_INS } from "../../prisma/seed";
import { readCatalogue } from "~/content/content.server";
import { drawnCheck, grade, type Answers, type Draw } from "~/learning/core";
import { learningFor, learningHome } from "~/learning/reader.server";
import { myLearning } from "~/requirements/my-learning.server";
import { committeeReadiness } from "~/requirements/status.server";
import { db } from "~/utils/db.server";

test("seeded progress follows the completion rules, and the demo councillor has a certificate and a module half done", async () => {
  await seedDemoData();
  const { modules, knowledgeChecks } = readCatalogue();
  const moduleById = new Map(modules.map((m) => [m.id, m]));
  const completions = await db.moduleCompletion.findMany();
  expect(completions.length).toBeGreaterThan(50);
  const learning = await learningFor({ userIds: [...new Set(completions.map((c) => c.userId))] });
  for (const completion of completions) {
    const progress = learning.get(completion.userId)!.get(completion.moduleId)!;
    expect(progress).toMatchObject({ state: "completed", lessonsDone: moduleById.get(completion.moduleId)!.lessons.length, passed: true });
    // back-dated, after the elections and before now, with the completion last
    expect(completion.completedAt.getTime()).toBeGreaterThan(Date.parse("2026-05-07"));
    expect(completion.completedAt.getTime()).toBeLessThan(Date.now());
    expect(progress.lastActivityAt).toEqual(completion.completedAt);
  }

  const attempts = await db.knowledgeCheckAttempt.findMany();
  expect(attempts.filter((a) => !a.passed).length).toBeGreaterThan(5);
  for (const attempt of attempts) {
    // each attempt asked its own draw: 8 questions covering every learning outcome
    const bank = knowledgeChecks.get(attempt.moduleId)!;
    const asked = drawnCheck(bank, JSON.parse(attempt.questions!) as Draw)!;
    expect(asked.questions).toHaveLength(8);
    expect(new Set(asked.questions.map((q) => q.outcome)).size).toBe(moduleById.get(attempt.moduleId)!.outcomes.length);
    expect(attempt.submittedAt).not.toBeNull();
    const graded = grade(asked, JSON.parse(attempt.answers!) as Answers, moduleById.get(attempt.moduleId)!.passMark);
    expect({ correct: attempt.correct, scorePercent: attempt.scorePercent, passed: attempt.passed }).toEqual({
      correct: graded.correct,
      scorePercent: graded.scorePercent,
      passed: graded.passed,
    });
  }

  const demo = await db.user.findUniqueOrThrow({ where: { email: DEMO_SIGN_INS.councillor } });
  const home = await learningHome({ userId: demo.id, modules });
  expect(home.current?.module.id).toBe("prevent-duty");
  expect(home.current?.progress.nextStep).toMatchObject({ kind: "lesson", slug: moduleById.get("prevent-duty")!.lessons[2]!.slug });
  expect(home.progress.get("councillor-induction")?.state).toBe("completed");
  expect(home.certificates.map((c) => c.moduleId)).toEqual(["councillor-induction"]);

  // the officer's view of Leeds: every member the officer has confirmed, the demo councillor among them
  const leeds = await db.council.findUniqueOrThrow({ where: { name: "Leeds City Council" } });
  const council = await learningFor({ councilId: leeds.id });
  expect(council.size).toBe(await db.membership.count({ where: { councilId: leeds.id, confirmedAt: { not: null }, leftOfficeOn: null } }));
  expect(council.size).toBeGreaterThanOrEqual(3);
  expect(council.get(demo.id)!.get("prevent-duty")).toMatchObject({ state: "in-progress", lessonsDone: 2 });

  // memberships as councils keep them: claims waiting for an officer, committees, Welsh lay members, a twin-hatter
  expect(await db.membership.count({ where: { confirmedAt: null } })).toBeGreaterThan(3);
  expect(await db.committeeMembership.count()).toBeGreaterThan(50);
  expect(await db.membership.count({ where: { kind: "lay", council: { nation: "wales" } } })).toBe(await db.council.count({ where: { nation: "wales" } }));
  const twinHatter = await db.user.findFirstOrThrow({ where: { memberships: { some: { council: { name: "Lancashire County Council" } } }, AND: { memberships: { some: { council: { name: "Pendle Borough Council" } } } } }, include: { memberships: true } });
  expect(twinHatter.memberships.every((membership) => membership.confirmedAt)).toBe(true);

  // training requirements at every council; at Leeds the demo councillor owes planning training before sitting
  expect(await db.requirement.count()).toBe(2 * (await db.council.count()));
  const planning = await db.committee.findFirstOrThrow({ where: { councilId: leeds.id, name: "Planning committee" } });
  const readiness = (await committeeReadiness({ councilId: leeds.id, committeeId: planning.id, language: "en" }))!;
  expect(readiness.seats.find((seat) => seat.name === demo.name)).toMatchObject({ maySit: false });
  expect(readiness.seats.filter((seat) => seat.maySit)).toHaveLength(2);
  expect((await myLearning({ userId: demo.id, language: "en" })).required.map((r) => r.label)).toEqual(expect.arrayContaining(["Planning training", "Standards in public office"]));
  expect(await db.developmentReview.count({ where: { membership: { councilId: leeds.id } } })).toBe(council.size);
}, 120_000); // about a thousand learning steps, each through the domain's writers
