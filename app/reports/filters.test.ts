// What a report's filters mean: which cells a state picks, a municipal year's days, the query a page links with.
import { expect, test } from "vitest";
import { cellMatches, municipalYearName, reportQuery, yearDates } from "./filters";

const dueOn = new Date(Date.UTC(2026, 10, 30));

test("a state picks its own cells; expired picks refreshers that ran out, due or overdue", () => {
  expect(cellMatches({ state: "overdue", dueOn, expired: false }, "overdue")).toBe(true);
  expect(cellMatches({ state: "due", dueOn, expired: false }, "overdue")).toBe(false);
  expect(cellMatches({ state: "due", dueOn, expired: true }, "expired")).toBe(true);
  expect(cellMatches({ state: "overdue", dueOn, expired: true }, "expired")).toBe(true);
  expect(cellMatches({ state: "overdue", dueOn, expired: false }, "expired")).toBe(false);
  expect(cellMatches({ state: "exempt" }, "expired")).toBe(false);
  expect(cellMatches({ state: "completed", on: dueOn }, "completed")).toBe(true);
});

test("a municipal year runs from 1 May to 30 April, and is written 2026–27", () => {
  expect(yearDates(2026)).toEqual({ firstDay: new Date(Date.UTC(2026, 4, 1)), lastDay: new Date(Date.UTC(2027, 3, 30)) });
  expect(municipalYearName(2026)).toBe("2026–27");
  expect(municipalYearName(2099)).toBe("2099–00");
});

test("the query keeps what was chosen, dates as days and a ticked box as 1, and leaves out the rest", () => {
  expect(
    reportQuery({ view: "modules", year: 2025, state: undefined, q: "", committeeId: null, hideNames: true, electedSince: new Date(Date.UTC(2024, 4, 2)), partyGroup: "Labour & Co-op", kind: undefined }),
  ).toBe("view=modules&year=2025&hideNames=1&electedSince=2024-05-02&partyGroup=Labour+%26+Co-op");
  expect(reportQuery({ hideNames: false, year: 0 })).toBe("year=0");
  expect(reportQuery({})).toBe("");
});
