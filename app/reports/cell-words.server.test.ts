// A report cell as the officer reads it (the page and the CSV): each state in words, with its date, in English
// and Welsh; the state and date the CSV gives it columns of their own.
import { expect, test } from "vitest";
import { cellDate, cellState, cellWords } from "./cell-words.server";
import type { ReportCell } from "./filters";

const on = new Date(Date.UTC(2026, 5, 3));
const due = new Date(Date.UTC(2026, 10, 30));

test("each state of a requirement in words, with the date that goes with it", () => {
  const words = (cell: ReportCell) => cellWords(cell, "en");
  expect(words({ state: "met", on, source: "module", refreshBy: null })).toBe("Met 3 June 2026");
  expect(words({ state: "met", on, source: "recorded", refreshBy: null })).toBe("Recorded 3 June 2026");
  expect(words({ state: "met", on, source: "course", refreshBy: null })).toBe("Attended 3 June 2026");
  expect(words({ state: "due", dueOn: due, expired: false })).toBe("Due by 30 November 2026");
  expect(words({ state: "overdue", dueOn: due, expired: false })).toBe("Overdue since 30 November 2026");
  expect(words({ state: "due", dueOn: due, expired: true })).toBe("Expired: due again by 30 November 2026");
  expect(words({ state: "overdue", dueOn: due, expired: true })).toBe("Expired: overdue since 30 November 2026");
  expect(words({ state: "exempt" })).toBe("Exempt");
  expect(words({ state: "not-applicable" })).toBe("Does not apply");
});

test("each state of a module in words, with the best score only where it is given", () => {
  const words = (cell: ReportCell) => cellWords(cell, "en");
  expect(words({ state: "not-started" })).toBe("Not started");
  expect(words({ state: "in-progress", percent: 40 })).toBe("In progress, 40%");
  expect(words({ state: "in-progress", percent: 40, score: 60 })).toBe("In progress, 40% (best score 60%)");
  expect(words({ state: "completed", on })).toBe("Completed 3 June 2026");
  expect(words({ state: "completed", on, score: 90 })).toBe("Completed 3 June 2026 (best score 90%)");
  expect(words({ state: "completed", on, score: 0 })).toBe("Completed 3 June 2026 (best score 0%)");
});

test("in Welsh, with Welsh month names", () => {
  expect(cellWords({ state: "met", on, source: "module", refreshBy: null }, "cy")).toBe("Wedi’i fodloni 3 Mehefin 2026");
  expect(cellWords({ state: "overdue", dueOn: due, expired: true }, "cy")).toBe("Wedi dod i ben: yn hwyr ers 30 Tachwedd 2026");
  expect(cellWords({ state: "completed", on, score: 75 }, "cy")).toBe("Wedi’i gwblhau 3 Mehefin 2026 (sgôr orau 75%)");
});

test("the CSV's state marks a refresher that ran out as expired, and gives the date done or due", () => {
  expect(cellState({ state: "due", dueOn: due, expired: true })).toBe("expired");
  expect(cellState({ state: "overdue", dueOn: due, expired: true })).toBe("expired");
  expect(cellState({ state: "overdue", dueOn: due, expired: false })).toBe("overdue");
  expect(cellState({ state: "met", on, source: "module", refreshBy: null })).toBe("met");
  expect(cellDate({ state: "met", on, source: "module", refreshBy: due })).toEqual(on);
  expect(cellDate({ state: "completed", on })).toEqual(on);
  expect(cellDate({ state: "due", dueOn: due, expired: false })).toEqual(due);
  expect(cellDate({ state: "overdue", dueOn: due, expired: true })).toEqual(due);
  expect(cellDate({ state: "in-progress", percent: 10 })).toBeNull();
  expect(cellDate({ state: "exempt" })).toBeNull();
  expect(cellDate({ state: "not-applicable" })).toBeNull();
});
