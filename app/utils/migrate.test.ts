import { expect, test } from "vitest";
import { databaseUrl } from "./db.server";
import { migrate, migrationsFor } from "./migrate.server";

test("applying the migrations again changes nothing", async () => {
  // The test database was migrated by the global setup.
  expect(migrationsFor(databaseUrl()).length).toBeGreaterThan(0);
  expect(await migrate(databaseUrl())).toEqual([]);
  const { db } = await import("./db.server");
  expect(await db.council.count()).toBe(0);
});
