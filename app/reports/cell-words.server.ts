// A report cell in words, the same on the page and in the CSV (which has the state and the ISO date in
// columns of their own as well), in the reader's language.
import type { Language } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { wordsOf } from "~/i18n/i18n.server";
import type { ReportCell } from "./filters";

type Words = (key: string, options?: Record<string, unknown>) => string;

export function cellWords(cell: ReportCell, language: Language): string {
  // the catalogue's keys are typed; these are built from the cell's state
  const t = wordsOf(language, "council") as unknown as Words;
  const date = (value: Date) => formatDate(value, language);
  switch (cell.state) {
    case "not-applicable":
      return t("report.cell.notApplicable");
    case "exempt":
      return t("report.cell.exempt");
    case "met":
      return t(cell.source === "recorded" ? "report.cell.metRecorded" : cell.source === "course" ? "report.cell.metCourse" : "report.cell.met", { date: date(cell.on) });
    case "due":
    case "overdue": {
      const key = cell.expired ? (cell.state === "due" ? "expiredDue" : "expiredOverdue") : cell.state;
      return t(`report.cell.${key}`, { date: date(cell.dueOn) });
    }
    case "not-started":
      return t("report.cell.notStarted");
    case "in-progress":
      return withScore(t("report.cell.inProgress", { percent: cell.percent }), cell.score, t);
    case "completed":
      return withScore(t("report.cell.completed", { date: date(cell.on) }), cell.score, t);
  }
}

function withScore(words: string, score: number | undefined, t: Words) {
  return score === undefined ? words : `${words} (${t("report.cell.score", { score })})`;
}

/** The state a CSV lists for a cell: "expired" where a refresher ran out. */
export function cellState(cell: ReportCell) {
  return (cell.state === "due" || cell.state === "overdue") && cell.expired ? "expired" : cell.state;
}

/** The date a cell is about (done, or due), if any. */
export function cellDate(cell: ReportCell): Date | null {
  if (cell.state === "met" || cell.state === "completed") return cell.on;
  if (cell.state === "due" || cell.state === "overdue") return cell.dueOn;
  return null;
}
