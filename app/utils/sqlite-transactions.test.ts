// Several server processes share one SQLite file. A transaction that reads and then writes must not fail
// because another process wrote in between: db.server.ts begins SQLite transactions IMMEDIATE. Three
// processes run 30 such transactions each at once; all 90 commit. (PostgreSQL has row locks: not run there.)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { db, isPostgres } from "./db.server";

test.skipIf(isPostgres)("transactions that read then write in three processes at once all commit", async () => {
  const run = () => promisify(execFile)(process.execPath, ["--import", "tsx", "tests/read-then-write.ts"], { env: process.env });
  const outputs = await Promise.all([run(), run(), run()]);
  expect(outputs.map(({ stdout }) => JSON.parse(stdout.trim().split("\n").pop()!))).toEqual([{ failed: 0 }, { failed: 0 }, { failed: 0 }]);
  expect(await db.auditEvent.count({ where: { detail: { startsWith: "read-then-write" } } })).toBe(90);
}, 60_000);
