// Several server processes on one machine (node's cluster module): the primary prepares the database
// once, forks WEB_CONCURRENCY workers that share the port, restarts a worker that dies, and on SIGTERM
// lets every worker finish its requests in flight before it exits. Everything the workers must agree on
// (sessions, throttle counts, the outbox) lives in the database, so any worker can answer any request.
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import os from "node:os";

/**
 * How many worker processes to run, or null to serve from this one process with no supervisor.
 * WEB_CONCURRENCY when set; in production one per CPU; in development and tests one process.
 */
export function workerCount(env: Record<string, string | undefined> = process.env): number | null {
  const configured = env.WEB_CONCURRENCY?.trim();
  if (configured) {
    const count = Number(configured);
    if (!Number.isInteger(count) || count < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of processes, not "${configured}"`);
    return count;
  }
  return env.NODE_ENV === "production" ? os.availableParallelism() : null;
}

/** A worker that lived at least this long counts as healthy: its death restarts the backoff from zero. */
export const HEALTHY_UPTIME_MS = 30_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * How long to wait before replacing a worker that died. A worker that ran for a while is replaced at
 * once; one that keeps dying young (a crash at start-up, a database that is down) is replaced after
 * 1, 2, 4… seconds, at most 30, so a crash loop does not spin the CPU or flood the log.
 */
export function restartDelay(youngDeathsInARow: number): number {
  if (youngDeathsInARow <= 0) return 0;
  return Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (youngDeathsInARow - 1));
}

/**
 * Old-space limit of each worker, in MB. A worker's live heap is about 50 MB (a heap snapshot under the
 * bench), but V8 lets garbage pile up towards its default limit of several GB before a full collection,
 * so an unbounded worker's memory climbs past 300 MB under load. The cap makes it collect sooner.
 */
export const WORKER_HEAP_MB = 160;

/** The workers' node flags: the primary's, with the heap cap unless the operator set one of their own. */
export function workerExecArgv(execArgv: string[], nodeOptions = ""): string[] {
  const capped = [...execArgv, nodeOptions].some((flag) => flag.includes("--max-old-space-size"));
  return capped ? execArgv : [...execArgv, `--max-old-space-size=${WORKER_HEAP_MB}`];
}

export function superviseWorkers(count: number) {
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  // Workers sign the one-time message cookie with the same secret, whichever of them answers.
  process.env.SESSION_SECRET ||= randomBytes(32).toString("hex");
  let stopping = false;
  let stoppedCleanly = true;
  let youngDeaths = 0;
  const startedAt = new Map<Worker, number>();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
  };

  cluster.on("exit", (worker, code, signal) => {
    const uptime = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (code !== 0) stoppedCleanly = false;
      if (startedAt.size === 0) {
        console.log(stoppedCleanly ? "All workers stopped cleanly" : "All workers stopped, not all cleanly");
        process.exit(stoppedCleanly ? 0 : 1);
      }
      return;
    }
    youngDeaths = uptime >= HEALTHY_UPTIME_MS ? 0 : youngDeaths + 1;
    const delay = restartDelay(youngDeaths);
    console.error(
      `Worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}) after ${Math.round(uptime / 1000)} s: ` +
        `starting another${delay ? ` in ${delay / 1000} s` : ""}`,
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  // Each worker stops accepting, finishes what it is doing and exits; the primary leaves when all have.
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: stopping ${startedAt.size} worker(s)`);
    for (const worker of startedAt.keys()) worker.process.kill("SIGTERM");
    if (startedAt.size === 0) process.exit(0);
    setTimeout(() => {
      console.error("Workers did not stop within 15 s: killing them");
      for (const worker of startedAt.keys()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, 15_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  console.log(`Starting ${count} worker process(es) (WEB_CONCURRENCY)`);
  for (let i = 0; i < count; i++) fork();
}
