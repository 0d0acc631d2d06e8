// `npm run seed:scale`, small: what an operator measuring reports would notice about the national data set, and
// that its bulk rows are what the app itself writes (learning that follows the completion rules, attempts that
// grade to their recorded scores, bookings the booking rules allow). The full set is the same code with every
// council at its size.
import { expect, test } from "vitest";
import { DEMO_COUNCIL, seedScale } from "../../prisma/seed-scale";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../../prisma/seed";
import { readCatalogue } from "~/content/content.server";
import { drawnCheck, grade, type Answers, type Draw } from "~/learning/core";
import { learningFor } from "~/learning/reader.server";
import { signIn } from "~/models/account.server";
import { COUNCIL_TYPES } from "~/models/council.server";
import { councilTraining } from "~/requirements/status.server";
import { municipalYearOf } from "~/requirements/rules";
import { db } from "~/utils/db.server";

test("a small national set has both nations, every type of council, twin-hatters, officers, committees, requirements, two years of learning, courses and the demo sign-ins", async () => {
  const now = new Date();
  const { counts } = await seedScale({ councils: 14, members: 0.05, now });

  // both nations and every type of council, each with one officer
  const councils = await db.council.findMany({ select: { id: true, name: true, nation: true, type: true, users: { select: { role: true } } } });
  expect(new Set(councils.map((c) => c.nation))).toEqual(new Set(["england", "wales"]));
  expect(new Set(councils.map((c) => c.type))).toEqual(new Set(Object.keys(COUNCIL_TYPES)));
  for (const council of councils) expect(council.users.map((u) => u.role)).toEqual(["officer"]);

  // the demo officer's council is the largest
  const current = { leftOfficeOn: null, confirmedAt: { not: null } };
  const sizes = await db.membership.groupBy({ by: ["councilId"], where: current, _count: { _all: true } });
  const leeds = councils.find((c) => c.name === DEMO_COUNCIL)!;
  const leedsSize = sizes.find((s) => s.councilId === leeds.id)!._count._all;
  expect(Math.max(...sizes.map((s) => s._count._all))).toBe(leedsSize);
  expect(counts.largestCouncils[0]).toBe(`${DEMO_COUNCIL}: ${leedsSize}`);

  // a county councillor who sits on one of the county's districts too; their certificates name both councils
  const twin = await db.user.findFirstOrThrow({
    where: { memberships: { some: { ...current, council: { type: "county" } } }, AND: { memberships: { some: { ...current, council: { type: "district" } } } } },
    select: { id: true, memberships: { select: { council: { select: { name: true } } } } },
  });
  expect(twin.memberships).toHaveLength(2);
  const twinCertificates = await db.moduleCompletion.findMany({ where: { user: { memberships: { some: { council: { type: "county" } } } } }, select: { councilName: true } });
  expect(twinCertificates.some((c) => c.councilName?.includes(", "))).toBe(true);

  // claims waiting for an officer, members who left office at the last election, Welsh lay members
  expect(counts.claimsWaiting).toBeGreaterThan(0);
  expect(counts.leftOffice).toBeGreaterThan(0);
  expect(await db.membership.count({ where: { kind: "lay", council: { nation: "wales" } } })).toBeGreaterThan(0);

  // committees with members and substitutes, at every council
  const committees = await db.committee.findMany({ select: { councilId: true, name: true, members: { select: { role: true } } } });
  for (const council of councils) {
    const planning = committees.find((c) => c.councilId === council.id && c.name === "Planning committee")!;
    expect(planning.members.length).toBeGreaterThan(0);
  }
  expect(committees.flatMap((c) => c.members).some((seat) => seat.role === "substitute")).toBe(true);

  // requirements as councils set them: code of conduct and planning training everywhere, Prevent by a date at some
  const requirements = await db.requirement.findMany({ select: { councilId: true, moduleId: true, name: true, dueRule: true, blocksSitting: true } });
  for (const council of councils) {
    const theirs = requirements.filter((r) => r.councilId === council.id);
    expect(theirs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ moduleId: "standards-in-public-office", dueRule: "after-election" }),
        expect.objectContaining({ name: "Planning training", blocksSitting: true }),
      ]),
    );
  }
  expect(requirements.some((r) => r.moduleId === "prevent-duty" && r.dueRule === "by-date")).toBe(true);
  expect(counts.exemptions).toBeGreaterThan(0);
  expect(counts.recordedTraining).toBeGreaterThan(0);
  // the officer's report of Leeds: every member has a standing on the code of conduct, and some have met it
  const report = await councilTraining({ councilId: leeds.id, language: "en" });
  const conduct = report.requirements.find((r) => r.moduleId === "standards-in-public-office")!;
  expect(conduct.standings).toHaveLength(report.members.length);

  // two years of learning: completions in both municipal years before this one and this one, after the May elections most
  const completions = await db.moduleCompletion.findMany({ select: { userId: true, moduleId: true, completedAt: true, certificateCode: true } });
  const years = new Set(completions.map((c) => municipalYearOf(c.completedAt)));
  expect(years.size).toBeGreaterThanOrEqual(2);
  for (const c of completions) expect(c.completedAt.getTime()).toBeLessThan(now.getTime());
  expect(new Set(completions.map((c) => c.certificateCode)).size).toBe(completions.length);
  expect(await db.reflection.count()).toBeGreaterThan(0);

  // the bulk learning is what the learning pages write: every completion has every lesson done and a passed check,
  // completed at its last step; every attempt's answers score what it recorded
  const { modules, knowledgeChecks } = readCatalogue();
  const moduleById = new Map(modules.map((m) => [m.id, m]));
  const learning = await learningFor({ userIds: [...new Set(completions.map((c) => c.userId))] });
  for (const completion of completions) {
    const progress = learning.get(completion.userId)!.get(completion.moduleId)!;
    expect(progress).toMatchObject({ state: "completed", lessonsDone: moduleById.get(completion.moduleId)!.lessons.length, passed: true });
    expect(progress.lastActivityAt!.getTime()).toBeGreaterThanOrEqual(completion.completedAt.getTime());
  }
  const attempts = await db.knowledgeCheckAttempt.findMany({ where: { submittedAt: { not: null } } });
  expect(attempts.filter((a) => a.passed).length).toBeGreaterThan(0);
  expect(attempts.filter((a) => !a.passed).length).toBeGreaterThan(0);
  for (const attempt of attempts) {
    const asked = drawnCheck(knowledgeChecks.get(attempt.moduleId)!, JSON.parse(attempt.questions!) as Draw)!;
    const graded = grade(asked, JSON.parse(attempt.answers!) as Answers, moduleById.get(attempt.moduleId)!.passMark);
    expect({ correct: attempt.correct, scorePercent: attempt.scorePercent, passed: attempt.passed }).toEqual({ correct: graded.correct, scorePercent: graded.scorePercent, passed: graded.passed });
  }

  // courses: past ones with their registers (attended and did not attend), upcoming ones with waiting lists
  const bookings = await db.booking.findMany({ select: { status: true, attendance: true, course: { select: { startsAt: true, capacity: true, id: true } } } });
  const past = bookings.filter((b) => b.course.startsAt < now);
  const upcoming = bookings.filter((b) => b.course.startsAt >= now);
  expect(new Set(past.map((b) => b.attendance))).toEqual(new Set(["attended", "absent", null]));
  expect(upcoming.some((b) => b.status === "waiting")).toBe(true);
  expect(past.some((b) => b.status === "cancelled")).toBe(true);
  // never more places held than a course has
  const held = new Map<string, number>();
  for (const b of bookings) if (b.status === "confirmed" || b.status === "offered") held.set(b.course.id, (held.get(b.course.id) ?? 0) + 1);
  for (const b of bookings) expect(held.get(b.course.id) ?? 0).toBeLessThanOrEqual(b.course.capacity);

  // the demo sign-ins, with their roles, sign in through the app's sign-in
  const demo = await db.user.findMany({ where: { email: { in: Object.values(DEMO_SIGN_INS) } }, select: { email: true, role: true, council: { select: { name: true } } } });
  expect(demo).toEqual(
    expect.arrayContaining([
      { email: DEMO_SIGN_INS.councillor, role: "councillor", council: null },
      { email: DEMO_SIGN_INS.officer, role: "officer", council: { name: DEMO_COUNCIL } },
      { email: DEMO_SIGN_INS.staff, role: "staff", council: null },
    ]),
  );
  for (const email of Object.values(DEMO_SIGN_INS)) {
    expect(await signIn({ email, password: DEMO_PASSWORD }, { ip: "127.0.0.1" })).toMatchObject({ status: "signed-in" });
  }
  const councillor = await db.user.findUniqueOrThrow({ where: { email: DEMO_SIGN_INS.councillor }, select: { memberships: { select: { council: { select: { name: true } } } } } });
  expect(councillor.memberships).toEqual([{ council: { name: DEMO_COUNCIL } }]);
}, 60_000);
