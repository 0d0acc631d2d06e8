// The migration that brought memberships moves each councillor's council and election date into a
// membership, unconfirmed (they only named it at sign-up), and leaves officers' councils where they were.
import { expect, test } from "vitest";
import { scratchDatabase } from "../../tests/scratch-database";
import { usePostgres } from "../../tests/setup/databases";
import { migrationsFor } from "~/utils/migrate.server";

const MIGRATION = "20261128012951_council_memberships";

test("each councillor's council becomes an unconfirmed membership with their election date; officers keep their council", async () => {
  const url = usePostgres ? "postgresql://x/y" : "file:x.db";
  const migrations = migrationsFor(url);
  const index = migrations.findIndex((migration) => migration.name === MIGRATION);
  expect(index).toBeGreaterThan(0);
  await scratchDatabase(async (exec) => {
    for (const migration of migrations.slice(0, index)) await exec(migration.sql);
    const at = usePostgres ? "'2026-06-01 09:00:00'" : "1780304400000";
    const elected = usePostgres ? "'2022-05-05 00:00:00'" : "1651708800000";
    await exec(`INSERT INTO "Council" ("id", "slug", "name", "type", "region", "nation") VALUES ('c1', 'cardiff', 'Cardiff Council', 'welsh-principal', 'Wales', 'wales')`);
    await exec(`INSERT INTO "User" ("id", "email", "name", "role", "councilId", "electedOn", "createdAt", "updatedAt")
      VALUES ('u1', 'cllr@example.org', 'Cllr One', 'councillor', 'c1', ${elected}, ${at}, ${at}),
             ('u2', 'officer@example.org', 'Officer Two', 'officer', 'c1', NULL, ${at}, ${at}),
             ('u3', 'staff@example.org', 'Staff Three', 'staff', NULL, NULL, ${at}, ${at})`);
    await exec(migrations[index]!.sql);

    const memberships = await exec(`SELECT "userId", "councilId", "kind", "memberSince", "confirmedAt" FROM "Membership"`);
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ userId: "u1", councilId: "c1", kind: "elected", confirmedAt: null });
    expect(new Date(memberships[0]!.memberSince as string | number).toISOString()).toBe("2022-05-05T00:00:00.000Z");
    const users = await exec(`SELECT "id", "councilId" FROM "User" ORDER BY "id"`);
    expect(users).toEqual([
      { id: "u1", councilId: null },
      { id: "u2", councilId: "c1" },
      { id: "u3", councilId: null },
    ]);
  });
});
