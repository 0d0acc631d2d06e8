// A course's dates as people in the UK read them, in the page's or the email's language. Written on the
// server only (loaders and emails): the browser's ICU may lack Welsh (see app/i18n/format.ts).
import { TIME_ZONE, type Language } from "~/i18n/config";
import { keptAnswers } from "~/utils/kept";

const OPTIONS: Record<Language, Intl.DateTimeFormatOptions> = {
  // "Thursday, 10 June 2027, 9:30 am – 4:30 pm"
  en: { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit", hour12: true, timeZone: TIME_ZONE },
  // "Dydd Iau, 10 Mehefin 2027 09:30 – 16:30"
  cy: { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE },
};
const LOCALE: Record<Language, string> = { en: "en-GB", cy: "cy-GB" };

const formatters = keptAnswers<Intl.DateTimeFormat>(10);
function formatter(language: Language) {
  return formatters(language, () => new Intl.DateTimeFormat(LOCALE[language], OPTIONS[language]));
}

/** When a course runs, start to end, in UK time: one day ("…, 9:30 am – 4:30 pm") or several. */
export function courseTimes({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }, language: Language) {
  return formatter(language).formatRange(startsAt, endsAt);
}

/** One moment in UK time, with its day: "Friday, 4 June 2027 at 5:00 pm". */
export function moment(instant: Date, language: Language) {
  return formatter(language).format(instant);
}
