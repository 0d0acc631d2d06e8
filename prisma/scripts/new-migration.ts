// `npm run db:migration -- <name>`: writes one migration for SQLite and its twin for PostgreSQL,
// from the difference between the schema as it was at the last migration and prisma/schema.prisma.
// (`prisma migrate dev` cannot run on these machines; see docs/decisions/001.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sqliteSchemaPath, toPostgresSchema, writePostgresSchema } from "./postgres-schema";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_bookings)");
  process.exit(1);
}

const snapshotPath = path.resolve("prisma/migrations/schema-at-last-migration.prisma");
const current = fs.readFileSync(sqliteSchemaPath, "utf8");
const previous = fs.existsSync(snapshotPath) ? fs.readFileSync(snapshotPath, "utf8") : null;
if (previous === current) {
  console.log("prisma/schema.prisma has not changed since the last migration: nothing to write.");
  process.exit(0);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));
function diff(from: string | null, to: string, label: string) {
  const toFile = path.join(scratch, `${label}-to.prisma`);
  fs.writeFileSync(toFile, to);
  const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(scratch, `${label}-from.prisma`)];
  if (from !== null) fs.writeFileSync(fromArgs[1], from);
  return execFileSync("npx", ["prisma", "migrate", "diff", ...fromArgs, "--to-schema-datamodel", toFile, "--script"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const targets = [
  { dir: "prisma/migrations", sql: diff(previous, current, "sqlite") },
  { dir: "prisma/postgres/migrations", sql: diff(previous && toPostgresSchema(previous), toPostgresSchema(current), "postgres") },
];
for (const { dir, sql } of targets) {
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.writeFileSync(path.join(dir, folder, "migration.sql"), sql);
  console.log(`wrote ${dir}/${folder}/migration.sql`);
}
writePostgresSchema();
fs.writeFileSync(snapshotPath, current);
fs.rmSync(scratch, { recursive: true, force: true });
// Both clients must match the schema the migrations create.
execFileSync("npm", ["run", "-s", "postinstall"], { stdio: "inherit" });
console.log("Review both files, then run the tests (npm test, npm run test:pg) before committing.");
