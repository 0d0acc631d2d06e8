// Lighthouse (mobile settings: a simulated mid-range phone on a slow 4G connection, the default) on one
// page, signed in. Run several times and the median kept: its simulated CPU slowdown multiplies whatever
// else the machine is doing, so single runs on a shared machine wander.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CHROMIUM_FLAGS } from "./page-weight";

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  /** How the page and its scripts came: "h2" or "http/1.1". */
  protocols: string;
};

type Report = {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue?: number; details?: { items?: { protocol?: string }[] } }>;
  runtimeError?: { message: string };
};

export function runLighthouse(url: string, sessionCookie: string, workDir: string): LighthouseScores {
  fs.mkdirSync(workDir, { recursive: true });
  const headersFile = path.join(workDir, "lighthouse-headers.json");
  const reportFile = path.join(workDir, "lighthouse-report.json");
  fs.writeFileSync(headersFile, JSON.stringify({ Cookie: sessionCookie }));
  const result = spawnSync(
    "npx",
    [
      "lighthouse",
      url,
      // the bench's HTTPS front has a self-signed certificate
      `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}${url.startsWith("https:") ? " --ignore-certificate-errors" : ""}`,
      `--extra-headers=${headersFile}`,
      "--only-categories=performance,accessibility",
      "--output=json",
      `--output-path=${reportFile}`,
      "--quiet",
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`lighthouse failed (exit ${result.status}): ${result.stderr.slice(-500)}`);
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as Report;
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  return {
    performance: report.categories.performance.score,
    accessibility: report.categories.accessibility.score,
    lcpMs: report.audits["largest-contentful-paint"].numericValue ?? NaN,
    fcpMs: report.audits["first-contentful-paint"].numericValue ?? NaN,
    tbtMs: report.audits["total-blocking-time"].numericValue ?? NaN,
    protocols: [...new Set(report.audits["network-requests"].details?.items?.map((request) => request.protocol))].join(", "),
  };
}

/** The run with the median performance score. */
export function medianRun(runs: LighthouseScores[]): LighthouseScores {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
