// Dates, times and numbers as people in the UK read them, in the page's language, through `Intl`
// (Node's ICU formats Welsh: "28 Mawrth 2027").
//
// Some browsers ship ICU without Welsh data (Chromium formats cy-GB as "2027 M03 28"), and a page's dates
// are formatted again in the browser as it hydrates: there, Welsh dates are made from the en-GB format,
// whose order and punctuation Welsh shares, with CLDR's Welsh month names. A test holds these equal to
// Node's own Welsh output for every month.
import { INTL_LOCALE, TIME_ZONE, type Language } from "./config";

const WELSH_MONTHS = {
  long: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
  short: ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"],
};

let welshData: boolean | undefined;

/** Whether this runtime's ICU has Welsh month names. */
function knowsWelsh() {
  welshData ??= new Intl.DateTimeFormat("cy-GB", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2020, 0, 15))) === "Ionawr";
  return welshData;
}

type DateOptions = Intl.DateTimeFormatOptions & { monthLength: "long" | "short" };

function formatWith(value: string | Date, language: Language, { monthLength, ...options }: DateOptions, useIcu = knowsWelsh()) {
  const date = new Date(value);
  if (language !== "cy" || useIcu) return new Intl.DateTimeFormat(INTL_LOCALE[language], { ...options, timeZone: TIME_ZONE }).format(date);
  return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: TIME_ZONE })
    .formatToParts(date)
    .map((part) => (part.type === "month" ? WELSH_MONTHS[monthLength][Number(monthOf(date)) - 1] : part.value))
    .join("");
}

function monthOf(date: Date) {
  return new Intl.DateTimeFormat("en-GB", { month: "numeric", timeZone: TIME_ZONE }).format(date);
}

const DATE: DateOptions = { day: "numeric", month: "long", year: "numeric", monthLength: "long" };
const DATE_TIME: DateOptions = { dateStyle: "medium", timeStyle: "short", monthLength: "short" };
const MONTH_YEAR: DateOptions = { month: "long", year: "numeric", monthLength: "long" };

/** "27 November 2026" / "27 Tachwedd 2026" */
export function formatDate(value: string | Date, language: Language) {
  return formatWith(value, language, DATE);
}

/** "27 Nov 2026, 14:05" / "27 Tach 2026, 14:05" */
export function formatDateTime(value: string | Date, language: Language) {
  return formatWith(value, language, DATE_TIME);
}

/** "November 2026" / "Tachwedd 2026" */
export function formatMonthYear(value: string | Date, language: Language) {
  return formatWith(value, language, MONTH_YEAR);
}

export function formatNumber(value: number, language: Language) {
  return value.toLocaleString(INTL_LOCALE[language]);
}

/** For the test: the browser's way (without Welsh ICU data), whatever this runtime has. */
export const withoutWelshIcu = {
  formatDate: (value: string | Date) => formatWith(value, "cy", DATE, false),
  formatDateTime: (value: string | Date) => formatWith(value, "cy", DATE_TIME, false),
  formatMonthYear: (value: string | Date) => formatWith(value, "cy", MONTH_YEAR, false),
};
