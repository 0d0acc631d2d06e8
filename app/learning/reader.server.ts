// Reads learning records and asks the core where each person is: for one councillor's pages or for many
// people at once (a council, a report), in one SQL query whatever the number of people. It reads state
// only: lessons marked, submitted attempts summed up, completions. Never reflections or case-study answers (those
// are their author's alone: notes.server.ts).
import { getCatalogue } from "~/content/content.server";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { db, sql, valuesOf } from "~/utils/db.server";
import { learningOverview, moduleProgress, noRecord, type ModuleOutline, type ModuleProgress, type ModuleRecord } from "./core";
import { certificatesFor } from "./certificates.server";

/** Whose learning: these people, or a council's members as it counts them (COUNTED_MEMBER in app/councils/membership.server.ts). */
export type Learners = { userIds: string[] } | { councilId: string };

/** Person → module → progress. Everyone asked for who exists is in it, with every module, started or not. */
export type Learning = Map<string, Map<string, ModuleProgress>>;

type Row = {
  kind: "person" | "lesson" | "attempts" | "completion";
  userId: string;
  moduleId: string | null;
  label: string | null;
  /** attempts: the best score; completion: the module's version then */
  score: number | bigint | null;
  passed: number | bigint | null;
  count: number | bigint | null;
  at: Date | string | null;
};

/**
 * Each person's state in each module (the catalogue's, unless given), in one query: the people are one
 * parameter (a JSON list) or one council, so 1, 10 or 20,000 people cost the same single round trip.
 */
export async function learningFor(
  learners: Learners,
  modules: ModuleOutline[] = getCatalogue(DEFAULT_LANGUAGE).modules,
  /** Where they stood at the end of this instant (a report of an earlier year); now when not given */
  { asOf }: { asOf?: Date } = {},
): Promise<Learning> {
  if ("userIds" in learners && learners.userIds.length === 0) return new Map();
  const people =
    "councilId" in learners
      ? sql`SELECT m."userId" AS "id" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
            WHERE m."councilId" = ${learners.councilId} AND m."leftOfficeOn" IS NULL AND m."confirmedAt" IS NOT NULL AND u."deactivatedAt" IS NULL`
      : sql`SELECT "id" FROM "User" WHERE "id" IN (${valuesOf(learners.userIds)})`;
  const by = (column: string) => (asOf ? sql([`AND "${column}" <= `, ""], asOf) : sql``);
  // Prisma 6 compiles each of its own queries on the main thread first (about 0.4 ms each), and every
  // module and lesson page reads this: so it is one plain SQL query, with attempts summed up per module.
  const rows = await db.$queryRaw<Row[]>`
    WITH people AS (${people})
    SELECT 'person' AS kind, "id" AS "userId", CAST(NULL AS TEXT) AS "moduleId", CAST(NULL AS TEXT) AS label,
           CAST(NULL AS INTEGER) AS score, CAST(NULL AS INTEGER) AS passed, CAST(NULL AS INTEGER) AS count, CAST(NULL AS TIMESTAMP) AS at
      FROM "User" WHERE "id" IN (SELECT "id" FROM people)
    UNION ALL
    SELECT 'lesson', "userId", "moduleId", "lessonSlug", NULL, NULL, NULL, "completedAt"
      FROM "LessonProgress" WHERE "userId" IN (SELECT "id" FROM people) ${by("completedAt")}
    UNION ALL
    SELECT 'attempts', "userId", "moduleId", NULL, MAX("scorePercent"), MAX(CASE WHEN "passed" THEN 1 ELSE 0 END), COUNT(*), MAX("submittedAt")
      FROM "KnowledgeCheckAttempt" WHERE "userId" IN (SELECT "id" FROM people) AND "submittedAt" IS NOT NULL ${by("submittedAt")} GROUP BY "userId", "moduleId"
    UNION ALL
    SELECT 'completion', "userId", "moduleId", NULL, "moduleVersion", NULL, NULL, "completedAt"
      FROM "ModuleCompletion" WHERE "userId" IN (SELECT "id" FROM people) ${by("completedAt")}`;

  const wanted = new Set(modules.map((m) => m.id));
  const records = new Map<string, Map<string, ModuleRecord>>();
  const modulesOf = (userId: string) => records.get(userId) ?? records.set(userId, new Map()).get(userId)!;
  const recordOf = (userId: string, moduleId: string) => {
    const byModule = modulesOf(userId);
    return byModule.get(moduleId) ?? byModule.set(moduleId, noRecord()).get(moduleId)!;
  };
  for (const row of rows) {
    if (row.kind === "person") {
      modulesOf(row.userId);
      continue;
    }
    // Stryker disable next-line ConditionalExpression: a record of a module not asked about would never be read; skipping it saves the work
    if (!wanted.has(row.moduleId!)) continue;
    const record = recordOf(row.userId, row.moduleId!);
    const at = new Date(row.at!);
    if (row.kind === "lesson") record.lessons.push({ slug: row.label!, completedAt: at });
    else if (row.kind === "attempts")
      record.attempts = { count: Number(row.count), bestScore: Number(row.score), passed: Number(row.passed) === 1, lastAt: at };
    else record.completion = { completedAt: at, moduleVersion: Number(row.score) };
  }
  return new Map(
    [...records].map(([userId, byModule]) => [
      userId,
      new Map(modules.map((module) => [module.id, moduleProgress(module, byModule.get(module.id) ?? noRecord())])),
    ]),
  );
}

/** One councillor's progress in the given modules (one query, as for many people). */
export async function progressForModules({ userId, modules }: { userId: string; modules: ModuleOutline[] }) {
  const progress = (await learningFor({ userIds: [userId] }, modules)).get(userId);
  return progress ?? new Map(modules.map((module) => [module.id, moduleProgress(module, noRecord())]));
}

export async function progressForModule({ userId, module }: { userId: string; module: ModuleOutline }): Promise<ModuleProgress> {
  return (await progressForModules({ userId, modules: [module] })).get(module.id)!;
}

/** A councillor's home page: where to continue, what to start next, and their certificates. */
export async function learningHome<M extends ModuleOutline>({ userId, modules }: { userId: string; modules: M[] }) {
  const [progress, certificates] = await Promise.all([progressForModules({ userId, modules }), certificatesFor({ userId })]);
  return { ...learningOverview(modules, progress), progress, certificates };
}
