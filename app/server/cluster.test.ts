import os from "node:os";
import { expect, test } from "vitest";
import { restartDelay, WORKER_HEAP_MB, workerCount, workerExecArgv } from "./cluster";

test("WEB_CONCURRENCY sets the number of worker processes; production defaults to one per CPU, development to one process", () => {
  expect(workerCount({ WEB_CONCURRENCY: "3" })).toBe(3);
  expect(workerCount({ WEB_CONCURRENCY: "1", NODE_ENV: "production" })).toBe(1);
  expect(workerCount({ NODE_ENV: "production" })).toBe(os.availableParallelism());
  expect(workerCount({ NODE_ENV: "development" })).toBeNull();
  expect(workerCount({})).toBeNull();
  expect(() => workerCount({ WEB_CONCURRENCY: "two" })).toThrow(/WEB_CONCURRENCY/);
  expect(() => workerCount({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
});

test("a worker that dies after a healthy run is replaced at once; one that keeps dying young, ever more slowly, up to 30 s", () => {
  expect(restartDelay(0)).toBe(0);
  expect([1, 2, 3, 4, 5, 6].map(restartDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
  expect(restartDelay(50)).toBe(30000);
});

test("workers run with a capped heap, unless the operator chose a limit of their own", () => {
  expect(workerExecArgv(["--import", "tsx"])).toEqual(["--import", "tsx", `--max-old-space-size=${WORKER_HEAP_MB}`]);
  expect(workerExecArgv(["--max-old-space-size=512"])).toEqual(["--max-old-space-size=512"]);
  expect(workerExecArgv([], "--max-old-space-size=1024")).toEqual([]);
});
