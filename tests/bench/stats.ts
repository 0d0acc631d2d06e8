// Small helpers for tests/bench/run.ts: percentiles, the server's peak memory, and a plain-text table.
import fs from "node:fs";

/** Nearest-rank percentile of values already sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Peak resident set size (VmHWM) of a process in kB, or null where /proc is not available. */
export function readPeakRssKb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The pids of a process's children (Linux), e.g. the workers of the server's primary. */
export function childPids(pid: number): number[] {
  try {
    // Children forked by the main thread (node forks from it), whose task id is the pid.
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs), so the next reading covers only what follows. */
export function resetPeakRss(pid: number) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // not Linux, or not allowed: the reading then covers the whole life of the process
  }
}

export function table(headings: string[], rows: string[][]): string {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    "| " + cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(" | ") + " |";
  const rule = "|" + widths.map((width, column) => (column === 0 ? ":" : "-") + "-".repeat(width) + (column === 0 ? "-" : ":")).join("|") + "|";
  return [line(headings), rule, ...rows.map(line)].join("\n");
}
