// Test databases: a migrated base per run, copied fresh for every test file.
// SQLite by default; PostgreSQL when TEST_DATABASE=postgres (`npm run test:pg`).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const usePostgres = process.env.TEST_DATABASE === "postgres";
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
export const SQLITE_DIR = path.resolve("tests/.db");

export function postgresUrl(database: string) {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh copy of the base database for one test file; returns its URL and how to remove it. */
export async function copyBaseDatabase(base: string) {
  const id = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  if (usePostgres) {
    const name = `${base}_${id}`;
    await withAdmin(async (client) => {
      // Copies from one template can collide while another copy starts: try again briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          await client.query(`CREATE DATABASE "${name}" TEMPLATE "${base}"`);
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
        }
      }
    });
    return {
      url: postgresUrl(name),
      remove: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    };
  }
  const file = path.join(SQLITE_DIR, `${id}.db`);
  fs.copyFileSync(base, file);
  return {
    url: `file:${file}`,
    remove: async () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
    },
  };
}
