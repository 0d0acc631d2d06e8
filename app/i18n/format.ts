// Dates, times and numbers as people in the UK read them, in the page's language, through `Intl`
// (Node's ICU formats Welsh: "28 Mawrth 2027").
//
// Some browsers ship ICU without Welsh data (Chromium formats cy-GB as "2027 M03 28"), and a page's dates
// are formatted again in the browser as it hydrates: there, Welsh dates are made from the en-GB format,
// whose order and punctuation Welsh shares, with CLDR's Welsh month names. A test holds these equal to
// Node's own Welsh output for every month.
import { keptAnswers } from "~/utils/kept";
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

/** How each kind of date is written, and whether its month name is written in full. */
const STYLES = {
  date: { options: { day: "numeric", month: "long", year: "numeric" }, monthLength: "long" },
  dateTime: { options: { dateStyle: "medium", timeStyle: "short" }, monthLength: "short" },
  monthYear: { options: { month: "long", year: "numeric" }, monthLength: "long" },
  numericMonth: { options: { month: "numeric" }, monthLength: "long" },
} satisfies Record<string, { options: Intl.DateTimeFormatOptions; monthLength: keyof typeof WELSH_MONTHS }>;
type Style = keyof typeof STYLES;

// Building a formatter costs far more than using one, and using one on a busy server costs tens of
// microseconds (ICU's time-zone rules fall out of the processor's cache between pages): so each formatter
// is made once per locale and style, and each date written is kept, a few thousand at most.
const formatters = keptAnswers<Intl.DateTimeFormat>(100);
const written = keptAnswers<string>(5_000);

function formatter(locale: string, style: Style) {
  return formatters(`${locale} ${style}`, () => new Intl.DateTimeFormat(locale, { ...STYLES[style].options, timeZone: TIME_ZONE }));
}

function formatWith(value: string | Date, language: Language, style: Style, useIcu = knowsWelsh()) {
  const date = new Date(value);
  return written(`${language} ${style} ${useIcu} ${date.getTime()}`, () => writeDate(date, language, style, useIcu));
}

function writeDate(date: Date, language: Language, style: Style, useIcu: boolean) {
  if (language !== "cy" || useIcu) return formatter(INTL_LOCALE[language], style).format(date);
  const month = WELSH_MONTHS[STYLES[style].monthLength][Number(formatter("en-GB", "numericMonth").format(date)) - 1];
  return formatter("en-GB", style)
    .formatToParts(date)
    .map((part) => (part.type === "month" ? month : part.value))
    .join("");
}

/** "27 November 2026" / "27 Tachwedd 2026" */
export function formatDate(value: string | Date, language: Language) {
  return formatWith(value, language, "date");
}

/** "27 Nov 2026, 14:05" / "27 Tach 2026, 14:05" */
export function formatDateTime(value: string | Date, language: Language) {
  return formatWith(value, language, "dateTime");
}

/** "November 2026" / "Tachwedd 2026" */
export function formatMonthYear(value: string | Date, language: Language) {
  return formatWith(value, language, "monthYear");
}

const numberFormats = keptAnswers<Intl.NumberFormat>(10);

export function formatNumber(value: number, language: Language) {
  return numberFormats(language, () => new Intl.NumberFormat(INTL_LOCALE[language])).format(value);
}

/** For the test: the browser's way (without Welsh ICU data), whatever this runtime has. */
export const withoutWelshIcu = {
  formatDate: (value: string | Date) => formatWith(value, "cy", "date", false),
  formatDateTime: (value: string | Date) => formatWith(value, "cy", "dateTime", false),
  formatMonthYear: (value: string | Date) => formatWith(value, "cy", "monthYear", false),
};

const ENGLISH_SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A month on a chart's axis: "Nov" / "Tach" (a date-only value: its UTC month). */
export function formatShortMonth(value: string | Date, language: Language) {
  const month = new Date(value).getUTCMonth();
  return (language === "cy" ? WELSH_MONTHS.short : ENGLISH_SHORT_MONTHS)[month]!;
}
