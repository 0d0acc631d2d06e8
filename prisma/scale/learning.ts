// One person's learning over the data set's two years, as the learning pages would have written it: lessons
// marked complete (progress.server.ts), knowledge-check attempts drawn, answered and graded by the rules in
// app/learning/core.ts (knowledge-check.server.ts), the completion with its certificate the moment the last step
// is done (recordCompletion), the enrolment that starting a module makes (enrolments.server.ts), and the private
// reflections and case-study choices written in lessons (notes.server.ts). The rows are returned for bulk.ts
// to write, in the shapes those functions write them.
import type { ModuleInfo } from "~/content/content.server";
import type { KnowledgeCheck } from "~/content/schema";
import { answersScoring, drawnCheck, drawQuestions, grade, type Random } from "~/learning/core";
import { newCertificateCode } from "~/learning/certificates.server";
import { newId, type BulkRow } from "./bulk";
import { pick, REFLECTIONS, weighted } from "./people";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A module as the seed uses it: the English module, its Welsh twin if any, its bank, and what each lesson asks. */
export type ModuleKit = {
  module: ModuleInfo;
  /** Its title as a Welsh reader's certificate shows it (the twin's), when it has a twin */
  welshTitle: string | null;
  knowledgeCheck: KnowledgeCheck;
  /** Lesson slug → the reflection prompts and case studies in it */
  activities: Map<string, { reflections: string[]; caseStudies: { id: string; choices: string[] }[] }>;
};

export type Learner = {
  userId: string;
  name: string;
  /** The councils they sit on, as a certificate names them ("A Council, B Council") */
  councilNames: string;
  welsh: boolean;
  /** When they could first have learnt here (their invitation accepted) */
  from: Date;
  /** When they stopped: now, or the day they left office */
  until: Date;
  /** First elected within the data set's time (the induction is theirs first) */
  newlyElectedOn: Date | null;
  /** Modules their councils require of them */
  required: ReadonlySet<string>;
};

export type LearningRows = {
  lessons: BulkRow[];
  attempts: BulkRow[];
  completions: BulkRow[];
  enrolments: BulkRow[];
  reflections: BulkRow[];
  caseStudyAnswers: BulkRow[];
};

export const emptyLearning = (): LearningRows => ({ lessons: [], attempts: [], completions: [], enrolments: [], reflections: [], caseStudyAnswers: [] });

/** More learning in the weeks after the May elections, less over the summer holidays and at Christmas. */
const MONTH_WEIGHTS = [1.2, 1.2, 1.1, 0.8, 2.4, 2.6, 1.6, 0.7, 1.2, 1.3, 1.2, 0.6];
const MAX_WEIGHT = Math.max(...MONTH_WEIGHTS);

/** A moment between two times, weighted by month, in the working day or the evening. */
export function activityTime(random: Random, from: number, to: number) {
  let at = from;
  for (let tries = 0; tries < 20; tries++) {
    at = from + random() * (to - from);
    if (random() * MAX_WEIGHT < MONTH_WEIGHTS[new Date(at).getUTCMonth()]!) break;
  }
  const day = Math.floor(at / DAY) * DAY;
  const time = day + (8 + Math.floor(random() * 13)) * 3_600_000 + Math.floor(random() * 60) * MINUTE;
  return Math.min(Math.max(time, from), to);
}

const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** How much of the catalogue draws people, before their council's requirements and their election. */
const INTEREST: Record<string, number> = {
  "councillor-induction": 1,
  "standards-in-public-office": 1.5,
  "prevent-duty": 2,
  "counter-extremism": 2,
  "community-cohesion": 2,
  "difficult-conversations": 2.5,
  "emergency-planning": 1.5,
  "scrutinising-prevent": 1,
  "community-leadership": 1.5,
  "facilitation-and-conflict-resolution": 1,
};

/** The modules this person takes, in the order they start them. */
function modulesTaken(random: Random, learner: Learner, kits: ModuleKit[]) {
  const engagement = random();
  const count = engagement < 0.12 ? 0 : engagement < 0.42 ? 1 : engagement < 0.8 ? between(random, 2, 3) : between(random, 4, 6);
  const weights = kits.map((kit): [ModuleKit, number] => {
    const id = kit.module.id;
    let weight = INTEREST[id] ?? 1;
    if (id === "councillor-induction" && learner.newlyElectedOn) weight = 12;
    if (learner.required.has(id)) weight += 6;
    return [kit, weight];
  });
  const chosen: ModuleKit[] = [];
  while (chosen.length < Math.min(count, kits.length)) {
    const kit = weighted(random, weights.filter(([k]) => !chosen.includes(k)));
    chosen.push(kit);
  }
  return chosen;
}

/** Adds one person's learning to `rows`; returns the modules they started. */
export function addLearning(random: Random, learner: Learner, kits: ModuleKit[], rows: LearningRows): Set<string> {
  const started = new Set<string>();
  const until = learner.until.getTime();
  const from = learner.from.getTime();
  if (until - from < DAY) return started;
  for (const kit of modulesTaken(random, learner, kits)) {
    const { module, knowledgeCheck } = kit;
    const induction = module.id === "councillor-induction" && learner.newlyElectedOn;
    let t = induction ? Math.max(from, learner.newlyElectedOn!.getTime() + between(random, 3, 45) * DAY + between(random, 9, 20) * 3_600_000) : activityTime(random, from, until);
    if (t >= until) continue;
    started.add(module.id);
    const userId = learner.userId;
    rows.enrolments.push({ id: newId(), userId, moduleId: module.id, source: "self", enrolledById: null, createdAt: new Date(t) });
    const finishes = random() < (learner.required.has(module.id) || induction ? 0.78 : 0.6);
    const lessonsDone = finishes ? module.lessons.length : between(random, 1, module.lessons.length);

    let done = 0;
    for (const lesson of module.lessons.slice(0, lessonsDone)) {
      if (done > 0) t += random() < 0.72 ? between(random, 8, 25) * MINUTE : between(random, 1, 12) * DAY + between(random, -3, 3) * 3_600_000;
      if (t >= until) break;
      const at = new Date(t);
      const activities = kit.activities.get(lesson.slug);
      for (const caseStudyId of activities?.caseStudies ?? []) {
        if (random() < 0.55) rows.caseStudyAnswers.push({ id: newId(), userId, moduleId: module.id, caseStudyId: caseStudyId.id, choice: pick(random, caseStudyId.choices), answeredAt: new Date(t - 4 * MINUTE) });
      }
      for (const promptId of activities?.reflections ?? []) {
        if (random() < 0.15) {
          const written = new Date(t - 2 * MINUTE);
          rows.reflections.push({ id: newId(), userId, moduleId: module.id, promptId, text: pick(random, REFLECTIONS), createdAt: written, updatedAt: written });
        }
      }
      rows.lessons.push({ id: newId(), userId, moduleId: module.id, lessonSlug: lesson.slug, completedAt: at });
      done++;
    }
    if (done < module.lessons.length) continue;

    // the knowledge check: 6 of 8 passes a mark of 70
    const needed = Math.ceil((module.passMark * module.questionCount) / 100);
    const roll = random();
    const results: ("pass" | "fail" | "open")[] = finishes
      ? roll < 0.72
        ? ["pass"]
        : roll < 0.94
          ? ["fail", "pass"]
          : ["fail", "fail", "pass"]
      : roll < 0.45
        ? []
        : roll < 0.85
          ? ["fail"]
          : roll < 0.95
            ? ["fail", "fail"]
            : ["open"];
    let best = 0;
    for (const result of results) {
      t += random() < 0.7 ? between(random, 5, 40) * MINUTE : between(random, 1, 20) * DAY;
      const draw = drawQuestions(knowledgeCheck, random);
      const base = { id: newId(), userId, moduleId: module.id, moduleVersion: module.version, questions: JSON.stringify(draw), createdAt: new Date(t) };
      if (result === "open" || t + module.checkMinutes * MINUTE >= until) {
        if (t < until) rows.attempts.push({ ...base, openKey: `${userId}:${module.id}`, correct: null, total: null, scorePercent: null, passed: null, answers: null, submittedAt: null });
        break;
      }
      const check = drawnCheck(knowledgeCheck, draw)!;
      const correct = result === "pass" ? between(random, needed, check.questions.length) : between(random, Math.max(2, needed - 3), needed - 1);
      const answers = answersScoring(check, correct, between(random, 0, check.questions.length - 1));
      const graded = grade(check, answers, module.passMark);
      t += between(random, Math.max(3, module.checkMinutes - 4), module.checkMinutes + 8) * MINUTE;
      const submittedAt = new Date(t);
      const asked = Object.fromEntries(check.questions.map((q) => [q.id, answers[q.id]!]));
      rows.attempts.push({
        ...base,
        openKey: null,
        correct: graded.correct,
        total: graded.total,
        scorePercent: graded.scorePercent,
        passed: graded.passed,
        answers: JSON.stringify(asked),
        submittedAt,
      });
      best = Math.max(best, graded.scorePercent);
      if (!graded.passed) continue;
      // passed with every lesson done: the module is complete, with its certificate, as recordCompletion writes it
      rows.completions.push({
        id: newId(),
        userId,
        moduleId: module.id,
        moduleVersion: module.version,
        moduleTitle: learner.welsh && kit.welshTitle ? kit.welshTitle : module.title,
        holderName: learner.name,
        councilName: learner.councilNames || null,
        scorePercent: best,
        completedAt: submittedAt,
        certificateCode: newCertificateCode(),
      });
      // a refresher: some pass the check again when their council's two years are nearly up
      const again = submittedAt.getTime() + between(random, 640, 720) * DAY;
      if (learner.required.has(module.id) && again < until && random() < 0.6) {
        const redraw = drawQuestions(knowledgeCheck, random);
        const recheck = drawnCheck(knowledgeCheck, redraw)!;
        const reanswers = answersScoring(recheck, between(random, needed, recheck.questions.length), 0);
        const regraded = grade(recheck, reanswers, module.passMark);
        rows.attempts.push({
          id: newId(),
          userId,
          moduleId: module.id,
          moduleVersion: module.version,
          questions: JSON.stringify(redraw),
          createdAt: new Date(again),
          openKey: null,
          correct: regraded.correct,
          total: regraded.total,
          scorePercent: regraded.scorePercent,
          passed: regraded.passed,
          answers: JSON.stringify(Object.fromEntries(recheck.questions.map((q) => [q.id, reanswers[q.id]!]))),
          submittedAt: new Date(again + module.checkMinutes * MINUTE),
        });
      }
      break;
    }
  }
  return started;
}
