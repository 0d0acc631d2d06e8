// Welsh dates read the same whether the runtime's ICU knows Welsh (Node) or not (Chromium's trimmed data),
// so the page a browser hydrates shows what the server sent.
import { expect, test } from "vitest";
import { formatDate, formatDateTime, formatMonthYear, withoutWelshIcu } from "./format";

test("Node's ICU formats Welsh dates (the reference the browser's way is held to)", () => {
  expect(formatDate("2027-03-28T12:00:00Z", "cy")).toBe("28 Mawrth 2027");
  expect(formatDate("2027-03-28T12:00:00Z", "en")).toBe("28 March 2027");
});

test("without Welsh ICU data, every month of every format reads as Node's Welsh does, in UK time", () => {
  for (let month = 0; month < 12; month++) {
    // 23:30 UTC on the last day of a month is already the next month in London in summer.
    for (const instant of [new Date(Date.UTC(2026, month, 15, 9, 5)), new Date(Date.UTC(2026, month + 1, 0, 23, 30))]) {
      expect(withoutWelshIcu.formatDate(instant)).toBe(formatDate(instant, "cy"));
      expect(withoutWelshIcu.formatDateTime(instant)).toBe(formatDateTime(instant, "cy"));
      expect(withoutWelshIcu.formatMonthYear(instant)).toBe(formatMonthYear(instant, "cy"));
    }
  }
});
