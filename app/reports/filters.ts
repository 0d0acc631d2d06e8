// What a council report can be narrowed to, shared by the server (which parses the query: ReportFilterSchema in
// app/utils/schemas.server.ts) and the page (which offers the choices and links to the CSV with the same query).
import type { MembershipKind } from "~/councils/kinds";
import type { Training } from "~/requirements/rules";

/** The columns: the council's requirements, or every online module. */
export const REPORT_VIEWS = ["requirements", "modules"] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

/** The states a cell may be filtered by, for each view. "expired": a refresher that ran out, owed again (due or overdue). */
export const REPORT_STATES = {
  requirements: ["overdue", "due", "expired", "met", "exempt"],
  modules: ["not-started", "in-progress", "completed"],
} as const satisfies Record<ReportView, readonly string[]>;
export type ReportState = (typeof REPORT_STATES)[ReportView][number];

export type ReportFilters = {
  view: ReportView;
  /** The municipal year, by the calendar year it starts in (May 2026 to April 2027 is 2026) */
  year: number;
  state?: ReportState;
  requirementId?: string;
  committeeId?: string;
  partyGroup?: string;
  kind?: MembershipKind;
  /** Members first elected on or after this date */
  electedSince?: Date;
  /** Part of a name */
  q?: string;
  /** For committee papers: members numbered, not named */
  hideNames?: boolean;
};

/** One member on one requirement or module. */
export type ReportCell =
  | { state: "not-applicable" }
  | { state: "exempt" }
  | { state: "met"; on: Date; source: Training["source"]; refreshBy: Date | null }
  | { state: "due" | "overdue"; dueOn: Date; expired: boolean }
  | { state: "not-started" }
  | { state: "in-progress"; percent: number; score?: number }
  | { state: "completed"; on: Date; score?: number };

export function cellMatches(cell: ReportCell, state: ReportState) {
  if (state === "expired") return (cell.state === "due" || cell.state === "overdue") && cell.expired;
  return cell.state === state;
}

/** A municipal year's first and last days (1 May to 30 April), as date-only values. */
export function yearDates(year: number) {
  return { firstDay: new Date(Date.UTC(year, 4, 1)), lastDay: new Date(Date.UTC(year + 1, 3, 30)) };
}

/** The query string of a report's filters (the page's links, its CSV and print views). */
export function reportQuery(filters: { [key: string]: string | number | boolean | Date | undefined | null }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    query.set(key, value instanceof Date ? value.toISOString().slice(0, 10) : value === true ? "1" : String(value));
  }
  return query.toString();
}

/** A municipal year as people write it: 2026 is "2026–27". */
export function municipalYearName(start: number) {
  return `${start}–${String(start + 1).slice(2)}`;
}
