// The reports at national scale (issue 20), for tests/bench/run.ts: `npm run seed:scale` fills a database of its
// own (every principal council, ~19,500 councillors, two years of learning), the production server runs on it, and
// this measures what the issue names: a council's training report (Leeds, 150 members, the largest) and the
// national overview under 10 concurrent requests (p95), a whole council's CSV (each download's time) and the
// national CSV (the rise of the serving process's peak memory while it streams). SQLite by default;
// BENCH_DATABASE=postgres runs the same against PostgreSQL (database bench_scale on TEST_POSTGRES_URL's server).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { percentile, readPeakRssKb, resetPeakRss, table } from "./stats";

export type ScaleBudget = { name: string; path: string; cookie: "officer" | "staff"; expect: string; p95Ms: number };

/** Under load: the issue's figures, 10 concurrent requests. The officer is Leeds City Council's (seed-scale.ts). */
export const SCALE_SCENARIOS: ScaleBudget[] = [
  { name: "council training report, Leeds (150 members)", path: "/council/report", cookie: "officer", expect: "members shown", p95Ms: 100 },
  { name: "council report by module, Leeds", path: "/council/report?view=modules", cookie: "officer", expect: "members shown", p95Ms: 100 },
  { name: "committee readiness, Leeds", path: "/council/committees/readiness", cookie: "officer", expect: "Committee readiness", p95Ms: 100 },
  { name: "national overview, staff", path: "/staff/reports", cookie: "staff", expect: "National picture", p95Ms: 300 },
];
export const COUNCIL_CSV = { path: "/council/report.csv", budgetMs: 1000, downloads: 10 };
export const NATIONAL_CSV = { path: "/staff/reports.csv", budgetRiseMb: 50 };

export const scaleOnPostgres = process.env.BENCH_DATABASE === "postgres";
/** BENCH_SCALE_SEEDED=1 keeps the national data set the last run made (seeding takes 1–2½ minutes). */
const RESEED = process.env.BENCH_SCALE_SEEDED !== "1";
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const SCALE_DATABASE = "bench_scale";

export function scaleDatabaseUrl(dbDir: string) {
  if (!scaleOnPostgres) return `file:${path.join(dbDir, "scale.db")}`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${SCALE_DATABASE}`;
  return url.toString();
}

/** Fills the national data set with `npm run seed:scale` (which empties the database first); returns the seconds it took. */
export async function seedScale(databaseUrl: string): Promise<number | null> {
  if (!RESEED) return null;
  if (scaleOnPostgres) {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [SCALE_DATABASE]);
      if (!exists.rowCount) await admin.query(`CREATE DATABASE "${SCALE_DATABASE}"`);
    } finally {
      await admin.end();
    }
  } else {
    fs.mkdirSync(path.dirname(databaseUrl.slice("file:".length)), { recursive: true });
  }
  const started = performance.now();
  const result = spawnSync("npm", ["run", "-s", "seed:scale"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl } });
  if (result.status !== 0) throw new Error(`npm run seed:scale failed (exit ${result.status})`);
  return (performance.now() - started) / 1000;
}

export type LoadRow = { scenario: ScaleBudget; requestsPerSecond: number; p50: number; p95: number; non2xx: number; errors: number };
export type DownloadFigures = { ms: number[]; bytes: number; rows: number };
export type StreamFigures = DownloadFigures & { rssBeforeMb: number; peakMb: number; riseMb: number };

/** Downloads a CSV `times` times, one after another: each one's whole time, and its size and rows. */
export async function timeDownloads(url: string, cookie: string, times: number): Promise<DownloadFigures> {
  const ms: number[] = [];
  let bytes = 0;
  let rows = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
    const text = await res.text();
    ms.push(performance.now() - started);
    if (res.status !== 200 || !res.headers.get("content-type")?.startsWith("text/csv")) throw new Error(`GET ${url} gave HTTP ${res.status} (${res.headers.get("content-type")}), not a CSV`);
    bytes = Buffer.byteLength(text);
    rows = text.split("\n").filter(Boolean).length - 1;
  }
  return { ms, bytes, rows };
}

function readRssKb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) : NaN;
}

/**
 * Streams the national CSV once through a process serving alone (one worker), reading the response as it comes,
 * and compares that process's peak RSS during the download with its RSS just before.
 */
export async function measureStream(url: string, cookie: string, workerPid: number): Promise<StreamFigures> {
  // One untimed download first: its code and words are loaded and the database's pages cached, as in use.
  await timeDownloads(url, cookie, 1);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssBeforeKb = readRssKb(workerPid);
  resetPeakRss(workerPid);
  const download = await timeDownloads(url, cookie, 1);
  const peakKb = readPeakRssKb(workerPid) ?? NaN;
  return { ...download, rssBeforeMb: rssBeforeKb / 1024, peakMb: peakKb / 1024, riseMb: (peakKb - rssBeforeKb) / 1024 };
}

export function reportScale({
  databaseLabel,
  seededSeconds,
  processes,
  rows,
  councilCsv,
  nationalCsv,
  load,
}: {
  databaseLabel: string;
  seededSeconds: number | null;
  processes: number;
  rows: LoadRow[];
  councilCsv: DownloadFigures;
  nationalCsv: StreamFigures;
  load: string;
}) {
  const ms = (value: number) => value.toFixed(1);
  const sorted = [...councilCsv.ms].sort((a, b) => a - b);
  console.log(
    `\nReports at national scale on ${databaseLabel} (npm run seed:scale${seededSeconds === null ? ", kept from the last run" : `: ${seededSeconds.toFixed(0)} s`}), ` +
      `production build, ${processes} server process(es), 10 concurrent requests:`,
  );
  console.log(
    table(
      ["report", "req/s", "p50 ms", "p95 ms", "budget p95", "within budget", "non-2xx/errors"],
      rows.map((row) => [
        `${row.scenario.name} (${row.scenario.path})`,
        row.requestsPerSecond.toFixed(0),
        ms(row.p50),
        ms(row.p95),
        `< ${row.scenario.p95Ms} ms`,
        row.p95 < row.scenario.p95Ms ? "yes" : "NO",
        `${row.non2xx}/${row.errors}`,
      ]),
    ),
  );
  console.log(
    table(
      ["export", "rows", "KB", "figure", "budget", "within budget"],
      [
        [
          `Leeds council CSV (${COUNCIL_CSV.path}), ${councilCsv.ms.length} downloads one at a time`,
          String(councilCsv.rows),
          (councilCsv.bytes / 1024).toFixed(0),
          `median ${ms(percentile(sorted, 50))} ms, slowest ${ms(sorted.at(-1)!)} ms`,
          `< ${COUNCIL_CSV.budgetMs} ms each`,
          sorted.at(-1)! < COUNCIL_CSV.budgetMs ? "yes" : "NO",
        ],
        [
          `national CSV (${NATIONAL_CSV.path}), streamed once by one process`,
          String(nationalCsv.rows),
          (nationalCsv.bytes / 1024).toFixed(0),
          `${ms(nationalCsv.ms[0])} ms; RSS ${nationalCsv.rssBeforeMb.toFixed(0)} MB before, peak ${nationalCsv.peakMb.toFixed(0)} MB: rise ${nationalCsv.riseMb.toFixed(1)} MB`,
          `rise < ${NATIONAL_CSV.budgetRiseMb} MB`,
          nationalCsv.riseMb < NATIONAL_CSV.budgetRiseMb ? "yes" : "NO",
        ],
      ],
    ),
  );
  console.log(`Load average (1 min) before these runs: ${load}.`);
}

