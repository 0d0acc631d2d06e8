// Dates, times and numbers as people in the UK read them, in the page's language (Node's and the
// browser's ICU both know Welsh: "Dydd Sul, 28 Mawrth 2027").
import { INTL_LOCALE, TIME_ZONE, type Language } from "./config";

export function formatDate(value: string | Date, language: Language) {
  return new Date(value).toLocaleDateString(INTL_LOCALE[language], { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
}

export function formatDateTime(value: string | Date, language: Language) {
  return new Date(value).toLocaleString(INTL_LOCALE[language], { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
}

export function formatNumber(value: number, language: Language) {
  return value.toLocaleString(INTL_LOCALE[language]);
}
