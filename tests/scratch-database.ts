// A scratch database of the kind under test, created empty and dropped afterwards: for replaying migrations.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresUrl, SQLITE_DIR, usePostgres, withAdmin } from "./setup/databases";

/** Runs SQL on a scratch database of the kind under test, created empty and dropped afterwards. */
export async function scratchDatabase<T>(run: (exec: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const name = `migration_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  if (usePostgres) {
    await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
    const client = new pg.Client({ connectionString: postgresUrl(name) });
    await client.connect();
    try {
      return await run(async (sql) => {
        // several statements at once answer with a list of results: only single SELECTs are read
        const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
        return Array.isArray(result) ? [] : result.rows;
      });
    } finally {
      await client.end();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  }
  const file = path.join(SQLITE_DIR, `${name}.db`);
  const sqlite = new Database(file);
  try {
    return await run(async (sql) => (/^\s*SELECT/i.test(sql) ? (sqlite.prepare(sql).all() as Record<string, unknown>[]) : (sqlite.exec(sql), [])));
  } finally {
    sqlite.close();
    fs.rmSync(file, { force: true });
  }
}

