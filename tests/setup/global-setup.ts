import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../app/utils/migrate.server";
import { postgresUrl, SQLITE_DIR, usePostgres, withAdmin } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  // The server tests start the production build as child processes: build it once here, not in each
  // test file (two files building at once race on build/). Vitest sets NODE_ENV=test, and \`remix build\`
  // builds for whatever NODE_ENV says: a "test" build calls React's development-only jsxDEV.
  execSync("npm run -s build:if-needed", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (usePostgres) {
    const base = `le_test_${Date.now()}`;
    await withAdmin((client) => client.query(`CREATE DATABASE "${base}"`));
    await migrate(postgresUrl(base));
    project.provide("baseDatabase", base);
    console.log(`Testing against PostgreSQL: databases ${base}_*`);
    return async () => {
      await withAdmin(async (client) => {
        const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${base}%`]);
        for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      });
    };
  }
  fs.mkdirSync(SQLITE_DIR, { recursive: true });
  // One base per run, so two runs at once (a developer and an editor, say) do not collide.
  const base = path.join(SQLITE_DIR, `base-${process.pid}.db`);
  await migrate(`file:${base}`);
  project.provide("baseDatabase", base);
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${base}${suffix}`, { force: true });
  };
}
