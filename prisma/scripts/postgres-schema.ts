// prisma/schema.prisma (SQLite) is the source; this writes its PostgreSQL twin.
// The twin generates its own client into node_modules/.prisma/client-pg so both can exist side by side.
import fs from "node:fs";
import path from "node:path";

export const sqliteSchemaPath = path.resolve("prisma/schema.prisma");
export const postgresSchemaPath = path.resolve("prisma/postgres/schema.prisma");

export function toPostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/unused"')
    .replace(
      /engineType = "client"/,
      'engineType = "client"\n  output     = "../../node_modules/.prisma/client-pg"',
    );
  return `// GENERATED from prisma/schema.prisma by prisma/scripts/postgres-schema.ts: do not edit.\n${out}`;
}

export function writePostgresSchema() {
  const next = toPostgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8"));
  fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  fs.writeFileSync(postgresSchemaPath, next);
}

if (import.meta.url === `file://${process.argv[1]}`) writePostgresSchema();
