// `npm run bench`: builds for production, starts the real server on a fresh seeded SQLite database,
// and load-tests a list of scenarios with autocannon, one after the other. To measure another page,
// append to SCENARIOS below. Settings (environment): BENCH_DURATION (seconds, default 10),
// BENCH_WARMUP (seconds, default 3), BENCH_CONNECTIONS (default 10), BENCH_PORT (default 3300),
// BENCH_SKIP_BUILD=1 to reuse an existing build while iterating on the bench itself.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { percentile, readPeakRssKb, resetPeakRss, table } from "./stats";

/** Demo sign-ins made by prisma/seed.ts (kept in step by hand: importing the seed would open a database). */
const DEMO_SIGN_INS = {
  councillor: "councillor@demo.example",
  officer: "officer@demo.example",
  staff: "staff@demo.example",
} as const;
const DEMO_PASSWORD = "Leadership-Essentials-2026";

type DemoRole = keyof typeof DEMO_SIGN_INS;

export type Scenario = {
  name: string;
  path: string;
  /** Send the session cookie of this demo account (signed in once, through the real /login form). */
  cookie?: DemoRole;
  /** Text the page must contain, checked before and after the load (proves e.g. that we are signed in). */
  expect?: string;
};

/** The lesson measured cold (its module compiled on this request) and warm. */
const LESSON_PATH = "/modules/prevent-duty/lessons/channel-panels";

// The first scenario is the floor: every other one is reported as a ratio of its requests/s. The second
// is the bare route: a page through the whole stack (session, root loader, layout, React) with no data of
// its own, so a page's ratio to it is the cost of that page's own work.
export const SCENARIOS: Scenario[] = [
  { name: "floor: GET /ping", path: "/ping", expect: "ok" },
  { name: "bare route: /accessibility, councillor", path: "/accessibility", cookie: "councillor", expect: "Accessibility statement" },
  { name: "home, signed in as councillor", path: "/", cookie: "councillor", expect: "Hello," },
  { name: "module catalogue, councillor", path: "/modules", cookie: "councillor", expect: "Online modules" },
  { name: "lesson page, councillor (warm)", path: LESSON_PATH, cookie: "councillor", expect: "Mark complete" },
];

const DURATION = Number(process.env.BENCH_DURATION || 10);
const WARMUP = Number(process.env.BENCH_WARMUP || 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const PORT = Number(process.env.BENCH_PORT || 3300);
const ORIGIN = `http://localhost:${PORT}`;

const DB_DIR = path.resolve("tests/.db");
const DB_FILE = path.join(DB_DIR, "bench.db");
const CONTENT_CACHE_DIR = path.join(DB_DIR, "bench-content-cache");
const LOG_FILE = path.join(DB_DIR, "bench-server.log");

let server: ChildProcess | undefined;

function step(message: string) {
  console.log(`\n▸ ${message}`);
}

function build() {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync("build/index.js")) {
    step("Skipping the build (BENCH_SKIP_BUILD=1)");
    return;
  }
  step("Building for production (npx remix build)");
  const result = spawnSync("npx", ["remix", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`remix build failed (exit ${result.status})`);
}

function freshDatabase() {
  fs.mkdirSync(DB_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(DB_FILE + suffix, { force: true });
  fs.rmSync(CONTENT_CACHE_DIR, { recursive: true, force: true }); // so the first lesson request compiles
}

async function startServer() {
  step(`Starting the production server on port ${PORT} (log: ${path.relative(process.cwd(), LOG_FILE)})`);
  const log = fs.openSync(LOG_FILE, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: `file:${DB_FILE}`,
    SESSION_SECRET: "bench-session-secret",
    APP_URL: ORIGIN,
    SEED_DEMO_DATA: "true",
    CONTENT_CACHE_DIR,
  };
  delete env.SMTP_URL; // no mail delivery loop during the measurement
  // `node --import tsx` is what the `tsx` command runs, minus its wrapper process: so the pid is the server's own,
  // SIGTERM reaches it directly, and /proc/<pid>/status describes the server.
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], { env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  server = child;
  let exited: string | null = null;
  child.once("exit", (code, signal) => (exited = `exit code ${code ?? signal}`));

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The server stopped before it was ready (${exited}).\n${logTail()}`);
    try {
      const res = await fetch(`${ORIGIN}/healthz`);
      if (res.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET /healthz did not answer 200 within 120 s.\n${logTail()}`);
}

function logTail() {
  try {
    return fs.readFileSync(LOG_FILE, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "(no server log)";
  }
}

async function stopServer() {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
  await exited;
  clearTimeout(timer);
}

const cookies = new Map<DemoRole, string>();

/** Signs in through the /login form as a browser would, follows no redirect, and keeps the le_session cookie. */
async function sessionCookie(role: DemoRole): Promise<string> {
  const known = cookies.get(role);
  if (known) return known;
  const res = await fetch(`${ORIGIN}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
    body: new URLSearchParams({ email: DEMO_SIGN_INS[role], password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .find((pair) => pair.startsWith("le_session=") && pair.length > "le_session=".length);
  if (!cookie) {
    const body = (await res.text()).slice(0, 300);
    throw new Error(`Signing in as ${DEMO_SIGN_INS[role]} gave no le_session cookie (HTTP ${res.status}): ${body}`);
  }
  cookies.set(role, cookie);
  return cookie;
}

/** fetch, tried once more on a network error (a keep-alive connection the server has just closed). */
async function get(url: string, headers: Record<string, string>) {
  try {
    return await fetch(url, { headers, redirect: "manual" });
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return fetch(url, { headers, redirect: "manual" });
  }
}

async function check(scenario: Scenario, headers: Record<string, string>, when: string) {
  const res = await get(ORIGIN + scenario.path, headers);
  const body = await res.text();
  if (res.status !== 200 || (scenario.expect && !body.includes(scenario.expect))) {
    throw new Error(
      `"${scenario.name}" ${when}: GET ${scenario.path} gave HTTP ${res.status}` +
        (scenario.expect ? `, and the page ${body.includes(scenario.expect) ? "contains" : "does NOT contain"} "${scenario.expect}"` : "") +
        (res.headers.get("location") ? ` (redirect to ${res.headers.get("location")})` : ""),
    );
  }
}

async function load(scenario: Scenario, headers: Record<string, string>, seconds: number) {
  const latencies: number[] = [];
  const instance = autocannon({ url: ORIGIN + scenario.path, connections: CONNECTIONS, duration: seconds, headers, title: scenario.name });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return { result, latencies };
}

type Row = {
  scenario: Scenario;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  peakRssKb: number | null;
};

async function measure(scenario: Scenario, pid: number): Promise<Row> {
  step(`${scenario.name}: warm-up ${WARMUP} s, then ${DURATION} s with ${CONNECTIONS} connections`);
  const headers: Record<string, string> = {};
  if (scenario.cookie) headers.Cookie = await sessionCookie(scenario.cookie);
  await check(scenario, headers, "before the run");
  if (WARMUP > 0) await load(scenario, headers, WARMUP);
  resetPeakRss(pid);
  const { result, latencies } = await load(scenario, headers, DURATION);
  const peakRssKb = readPeakRssKb(pid);
  await check(scenario, headers, "after the run");
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    requestsPerSecond: result.requests.mean,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.latency.totalCount,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakRssKb,
  };
}

function loadAverage() {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

function report(rows: Row[], startupPeakRssKb: number | null, loadBefore: string) {
  const floor = rows[0]?.requestsPerSecond || NaN;
  const bare = rows[1]?.requestsPerSecond || NaN;
  const mb = (kb: number | null) => (kb === null ? "n/a" : (kb / 1024).toFixed(0));
  console.log(
    `\nLeadership Essentials bench: ${DURATION} s per scenario after ${WARMUP} s warm-up, ${CONNECTIONS} connections, ` +
      `Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim() ?? "unknown"}), SQLite\n`,
  );
  console.log(
    table(
      ["scenario", "req/s (mean)", "p50 ms", "p95 ms", "p99 ms", "requests", "non-2xx", "errors", "peak RSS MB", "× floor", "× bare route"],
      rows.map((row, index) => [
        row.scenario.name,
        row.requestsPerSecond.toFixed(0),
        row.p50.toFixed(1),
        row.p95.toFixed(1),
        row.p99.toFixed(1),
        String(row.requests),
        String(row.non2xx),
        String(row.errors),
        mb(row.peakRssKb),
        index === 0 ? "1.00 (floor)" : (row.requestsPerSecond / floor).toFixed(2),
        index === 0 ? "" : index === 1 ? "1.00 (bare)" : (row.requestsPerSecond / bare).toFixed(2),
      ]),
    ),
  );
  console.log(
    "\nLatencies are true percentiles over every response of the measured run (not the warm-up)." +
      "\nPeak RSS is the server process's VmHWM, reset before each measured run." +
      `\nLoad average (1 / 5 / 15 min) before the runs: ${loadBefore}; after: ${loadAverage()}.` +
      (os.loadavg()[0] > os.cpus().length / 2 ? " The machine was busy: treat these figures as rough." : "") +
      `\nServer peak RSS from start-up until ready (migrations and seed): ${mb(startupPeakRssKb)} MB.`,
  );
}

/**
 * A failed sign-in must not tell whether the email has an account, by its answer or by its time.
 * Times wrong passwords for real accounts against unknown emails, one request at a time, alternating.
 * (Kept under the lockout of 10 per account and the 100 per address.)
 */
async function signInTiming() {
  step("Failed sign-ins: known email with a wrong password against an unknown email");
  const attempt = async (email: string) => {
    const started = performance.now();
    const res = await fetch(`${ORIGIN}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
      body: new URLSearchParams({ email, password: "not-the-right-password" }),
    });
    const body = await res.text();
    if (res.status !== 400 || !body.includes("Enter a correct email address and password")) {
      throw new Error(`A failed sign-in for ${email} answered HTTP ${res.status} without the usual message`);
    }
    return performance.now() - started;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 16; i++) {
    known.push(await attempt(i % 2 ? DEMO_SIGN_INS.officer : DEMO_SIGN_INS.staff));
    unknown.push(await attempt(`nobody-${i}@bench.example`));
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  console.log(
    table(
      ["failed sign-in", "attempts", "median ms", "mean ms"],
      [
        [
          "known email, wrong password",
          String(known.length),
          median(known).toFixed(1),
          (known.reduce((a, b) => a + b) / known.length).toFixed(1),
        ],
        [
          "unknown email",
          String(unknown.length),
          median(unknown).toFixed(1),
          (unknown.reduce((a, b) => a + b) / unknown.length).toFixed(1),
        ],
      ],
    ),
  );
  console.log(`Median unknown / known: ${(median(unknown) / median(known)).toFixed(2)} (1.00 means the time says nothing).`);
}

/** Time to the response's headers (fetch resolves on them) for one GET of the lesson, and its full time. */
async function lessonTiming() {
  const headers = { Cookie: await sessionCookie("councillor") };
  const started = performance.now();
  const res = await get(ORIGIN + LESSON_PATH, headers);
  const firstByte = performance.now() - started;
  const body = await res.text();
  if (res.status !== 200 || !body.includes("Mark complete"))
    throw new Error(`GET ${LESSON_PATH} gave HTTP ${res.status} without the lesson`);
  return { firstByte, total: performance.now() - started };
}

async function lessonFirstBytes(label: string) {
  const first = await lessonTiming();
  const warm: number[] = [];
  for (let i = 0; i < 30; i++) warm.push((await lessonTiming()).firstByte);
  warm.sort((a, b) => a - b);
  return [
    [`${label}: first request`, first.firstByte.toFixed(1), first.total.toFixed(1)],
    [`${label}: next 30 requests, median`, percentile(warm, 50).toFixed(1), ""],
  ];
}

async function main() {
  build();
  freshDatabase();
  let child = await startServer();
  console.log(`  server pid ${child.pid} ready`);
  const startupPeakRssKb = readPeakRssKb(child.pid!);
  step(`Lesson page time to first byte: cold (nothing compiled, no disk cache) then warm`);
  const firstBytes = await lessonFirstBytes("empty cache, compiles the module");
  step("Restarting the server: the compiled module now comes from the disk cache");
  await stopServer();
  child = await startServer();
  firstBytes.push(...(await lessonFirstBytes("after a restart, from the disk cache")));
  const pid = child.pid!;
  const loadBefore = loadAverage();
  const rows: Row[] = [];
  for (const scenario of SCENARIOS) rows.push(await measure(scenario, pid));
  report(rows, startupPeakRssKb, loadBefore);
  console.log(`\nLesson page ${LESSON_PATH}, one request at a time:`);
  console.log(table(["lesson page", "first byte ms", "whole page ms"], firstBytes));
  await signInTiming();
  const failing = rows.filter((row) => row.non2xx > 0 || row.errors > 0);
  if (failing.length) {
    throw new Error(`Non-2xx responses or errors under load in: ${failing.map((row) => row.scenario.name).join(", ")}`);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopServer().finally(() => process.exit(130));
  });
}

try {
  await main();
  await stopServer();
  console.log("\nServer stopped.");
} catch (error) {
  const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
  console.error(`\nBENCH FAILED: ${error instanceof Error ? error.message : String(error)}${cause}`);
  await stopServer();
  process.exitCode = 1;
}
