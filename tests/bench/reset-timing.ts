// `npx tsx tests/bench/reset-timing.ts`: does "Forgotten your password?" take longer for an address with
// an account than for one without? Starts the built server (npm run build first) on a fresh seeded SQLite
// database and times 40 pairs of requests, one for a demo account and one for an unknown address, in
// alternating order; prints the median of each and of the differences. BENCH_PORT sets the port.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT || 3300);
const ORIGIN = `http://localhost:${PORT}`;
const PAIRS = 40;
const DB_FILE = path.resolve(`tests/.db/reset-timing-${PORT}.db`);

for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DB_FILE}${suffix}`, { force: true });
fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
const server = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
  env: { ...process.env, PORT: String(PORT), NODE_ENV: "production", DATABASE_URL: `file:${DB_FILE}`, SECURE_COOKIES: "false" },
  stdio: ["ignore", "pipe", "inherit"],
});
let log = "";
server.stdout!.on("data", (chunk) => (log += chunk));
while (!log.includes("listening")) await new Promise((resolve) => setTimeout(resolve, 100));

async function timeReset(email: string) {
  const started = performance.now();
  const response = await fetch(`${ORIGIN}/forgot-password`, { method: "POST", body: new URLSearchParams({ email }), redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 302) throw new Error(`status ${response.status}`);
  return performance.now() - started;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
};

try {
  for (let i = 0; i < 5; i++) await timeReset(`warm-up-${i}@example.org`);
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const order = i % 2 ? ["known", "unknown"] : ["unknown", "known"];
    for (const which of order) {
      if (which === "known") known.push(await timeReset("councillor@demo.example"));
      else unknown.push(await timeReset(`nobody-${i}@example.org`));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }
  const differences = known.map((ms, i) => ms - unknown[i]);
  console.log(
    `${PAIRS} pairs: existing address median ${median(known).toFixed(2)} ms, unknown address median ${median(unknown).toFixed(2)} ms, ` +
      `median difference ${median(differences).toFixed(2)} ms`,
  );
} finally {
  server.kill("SIGTERM");
}
