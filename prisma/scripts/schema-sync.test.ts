import fs from "node:fs";
import { expect, test } from "vitest";
import { postgresSchemaPath, sqliteSchemaPath, toPostgresSchema } from "./postgres-schema";

const read = (file: string) => fs.readFileSync(file, "utf8");
const folders = (dir: string) => fs.readdirSync(dir).filter((name) => fs.existsSync(`${dir}/${name}/migration.sql`)).sort();

test("the PostgreSQL schema is the generated twin of the SQLite one", () => {
  expect(read(postgresSchemaPath)).toBe(toPostgresSchema(read(sqliteSchemaPath)));
});

test("every schema change has a migration, written for both databases", () => {
  // `npm run db:migration -- <name>` updates this snapshot; a schema edited without it fails here.
  expect(read("prisma/migrations/schema-at-last-migration.prisma")).toBe(read(sqliteSchemaPath));
  expect(folders("prisma/postgres/migrations")).toEqual(folders("prisma/migrations"));
});
