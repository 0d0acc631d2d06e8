// Applies the committed migrations in order, each in a transaction, recording them in _migrations.
// Prisma's own `migrate deploy` cannot run on PostgreSQL through the driver adapter (prisma/orm#27403),
// so one small runner serves both databases. Applying twice is a no-op.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "./db.server";

type Migration = { name: string; sql: string };

export function migrationsFor(url: string, root = process.cwd()): Migration[] {
  const dir = path.join(root, isPostgresUrl(url) ? "prisma/postgres/migrations" : "prisma/migrations");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/** Returns the names of the migrations it applied. */
export async function migrate(url: string): Promise<string[]> {
  const migrations = migrationsFor(url);
  return isPostgresUrl(url) ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}

export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.exec("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    const applied: string[] = [];
    // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
    sqlite
      .transaction(() => {
        const done = new Set(
          sqlite.prepare("SELECT name FROM _migrations").all().map((row) => (row as { name: string }).name),
        );
        for (const migration of migrations) {
          if (done.has(migration.name)) continue;
          sqlite.exec(migration.sql);
          sqlite
            .prepare("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)")
            .run(migration.name, new Date().toISOString());
          applied.push(migration.name);
        }
      })
      .immediate();
    return applied;
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // An advisory lock so that two processes starting together apply each migration once.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query<{ name: string }>("SELECT name FROM _migrations");
    const done = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO _migrations (name) VALUES ($1)", [migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
