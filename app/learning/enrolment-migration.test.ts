// The migration that brought enrolments enrols everyone on each module they had started (a lesson marked or
// a check attempted), once, from when they started, so "My learning" shows what they were already doing.
import { expect, test } from "vitest";
import { scratchDatabase } from "../../tests/scratch-database";
import { usePostgres } from "../../tests/setup/databases";
import { migrationsFor } from "~/utils/migrate.server";

const MIGRATION = "20261128082209_training_requirements";

test("each module someone had started becomes one enrolment of theirs, chosen by themselves, dated from the start", async () => {
  const migrations = migrationsFor(usePostgres ? "postgresql://x/y" : "file:x.db");
  const index = migrations.findIndex((migration) => migration.name === MIGRATION);
  expect(index).toBeGreaterThan(0);
  await scratchDatabase(async (exec) => {
    for (const migration of migrations.slice(0, index)) await exec(migration.sql);
    const time = (iso: string) => (usePostgres ? `'${iso.replace("T", " ").replace("Z", "")}'` : String(Date.parse(iso)));
    const at = time("2026-06-01T09:00:00Z");
    await exec(`INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt")
      VALUES ('u1', 'one@example.org', 'One', 'councillor', ${at}, ${at}), ('u2', 'two@example.org', 'Two', 'councillor', ${at}, ${at})`);
    await exec(`INSERT INTO "LessonProgress" ("id", "userId", "moduleId", "lessonSlug", "completedAt")
      VALUES ('l1', 'u1', 'prevent-duty', 'one', ${time("2026-06-03T10:00:00Z")}), ('l2', 'u1', 'prevent-duty', 'two', ${time("2026-06-02T10:00:00Z")})`);
    await exec(`INSERT INTO "KnowledgeCheckAttempt" ("id", "userId", "moduleId", "moduleVersion", "createdAt")
      VALUES ('a1', 'u1', 'prevent-duty', 1, ${time("2026-06-05T10:00:00Z")}), ('a2', 'u2', 'community-cohesion', 1, ${time("2026-06-04T10:00:00Z")})`);
    await exec(migrations[index]!.sql);
    const enrolments = await exec(`SELECT "id", "userId", "moduleId", "source", "createdAt" FROM "Enrolment" ORDER BY "userId"`);
    expect(enrolments.map(({ userId, moduleId, source }) => ({ userId, moduleId, source }))).toEqual([
      { userId: "u1", moduleId: "prevent-duty", source: "self" },
      { userId: "u2", moduleId: "community-cohesion", source: "self" },
    ]);
    expect(new Date(enrolments[0]!.createdAt as string | number).toISOString()).toBe("2026-06-02T10:00:00.000Z");
    expect(enrolments[0]!.id).not.toBe(enrolments[1]!.id);
  });
});
