// What training each person has done that a requirement could count: modules completed (or their check
// passed again since, for a refresher), scheduled courses attended, and training an officer recorded. Only
// dates and titles: never scores, reflections or case-study answers.
import { db, valuesOf } from "~/utils/db.server";
import { ukDate } from "~/utils/uk-time";
import { addDays, type Training } from "./rules";

/** What the requirements asked about could be met by. */
export type Wanted = { moduleIds: string[]; topics: string[]; requirementIds: string[] };

export function wantedBy(requirements: { id: string; moduleId: string | null; courseTopic: string | null }[]): Wanted {
  return {
    moduleIds: [...new Set(requirements.flatMap((r) => (r.moduleId ? [r.moduleId] : [])))],
    topics: [...new Set(requirements.flatMap((r) => (r.courseTopic ? [r.courseTopic] : [])))],
    requirementIds: requirements.map((r) => r.id),
  };
}

/**
 * These people's training of the kinds wanted, by person (people with none are absent). By their ids, not
 * through a council's memberships: at national scale that join made the database read every completion.
 */
export async function trainingOf(userIds: string[], wanted: Wanted, { asOf }: { asOf?: Date } = {}): Promise<Map<string, Training[]>> {
  const people = valuesOf(userIds);
  // one plain SQL query: through Prisma these four reads took 20 ms for a council of 150 (npm run seed:scale)
  const rows = await db.$queryRaw<TrainingRow[]>`
    SELECT 'module' AS kind, "userId", "moduleId" AS about, "moduleTitle" AS title, CAST(NULL AS TEXT) AS provider, "completedAt" AS at, CAST(NULL AS TEXT) AS id
      FROM "ModuleCompletion" WHERE "userId" IN (${people}) AND "moduleId" IN (${valuesOf(wanted.moduleIds)})
    UNION ALL
    SELECT 'pass', "userId", "moduleId", NULL, NULL, MAX("submittedAt"), NULL
      FROM "KnowledgeCheckAttempt"
      WHERE "userId" IN (${people}) AND "moduleId" IN (${valuesOf(wanted.moduleIds)}) AND "passed" = ${true} AND "submittedAt" < ${asOf ? addDays(asOf, 1) : FAR_FUTURE}
      GROUP BY "userId", "moduleId"
    UNION ALL
    SELECT 'course', b."userId", c."topic", c."title", NULL, c."endsAt", c."id"
      FROM "Booking" b JOIN "Course" c ON c."id" = b."courseId"
      WHERE b."userId" IN (${people}) AND b."status" = 'confirmed' AND b."attendance" = 'attended' AND c."status" = 'published' AND c."topic" IN (${valuesOf(wanted.topics)})
    UNION ALL
    SELECT 'recorded', "userId", "requirementId", "title", "provider", "completedOn", "id"
      FROM "RecordedTraining" WHERE "userId" IN (${people}) AND "requirementId" IN (${valuesOf(wanted.requirementIds)})`;
  const facts: Facts = { completions: [], passes: [], courses: [], recorded: [] };
  for (const row of rows) {
    const at = new Date(row.at);
    if (row.kind === "module") facts.completions.push({ userId: row.userId, moduleId: row.about, moduleTitle: row.title!, completedAt: at });
    else if (row.kind === "pass") facts.passes.push({ userId: row.userId, moduleId: row.about, _max: { submittedAt: at } });
    else if (row.kind === "course") facts.courses.push({ userId: row.userId, id: row.id!, title: row.title!, topic: row.about, endsAt: at });
    else facts.recorded.push({ id: row.id!, userId: row.userId, requirementId: row.about, title: row.title!, provider: row.provider!, completedOn: at });
  }
  const training = trainingFrom(facts);
  if (!asOf) return training;
  // an earlier date's picture: only what was done by then (a pass since does not renew it then)
  return new Map([...training].map(([userId, done]) => [userId, done.filter((t) => t.on <= asOf)]));
}

/** Later than any check was submitted: "every pass" as a date, so the query keeps one shape. */
const FAR_FUTURE = new Date("9999-12-31T00:00:00Z");

type TrainingRow = { kind: "module" | "pass" | "course" | "recorded"; userId: string; about: string; title: string | null; provider: string | null; at: Date | string; id: string | null };

type Facts = {
  completions: { userId: string; moduleId: string; moduleTitle: string; completedAt: Date }[];
  /** The last passed check of each person and module */
  passes: { userId: string; moduleId: string; _max: { submittedAt: Date | null } }[];
  /** Courses attended */
  courses: { userId: string; id: string; title: string; topic: string; endsAt: Date }[];
  recorded: { id: string; userId: string; requirementId: string | null; title: string; provider: string; completedOn: Date }[];
};

/** Each person's training, from their records (read here, or already read by a page that shows them too). */
export function trainingFrom({ completions, passes, courses, recorded }: Facts): Map<string, Training[]> {
  const byPerson = new Map<string, Training[]>();
  const add = (userId: string, training: Training) => (byPerson.get(userId) ?? byPerson.set(userId, []).get(userId)!).push(training);
  const lastPass = new Map(passes.map((p) => [`${p.userId}:${p.moduleId}`, p._max.submittedAt]));
  for (const c of completions) {
    const passed = lastPass.get(`${c.userId}:${c.moduleId}`);
    const at = passed && passed > c.completedAt ? passed : c.completedAt;
    add(c.userId, { source: "module", on: ukDate(at), moduleId: c.moduleId, title: c.moduleTitle });
  }
  for (const course of courses) add(course.userId, { source: "course", on: ukDate(course.endsAt), topic: course.topic, title: course.title, courseId: course.id });
  for (const r of recorded) {
    add(r.userId, { source: "recorded", on: r.completedOn, requirementId: r.requirementId, title: r.title, provider: r.provider, recordedTrainingId: r.id });
  }
  return byPerson;
}
