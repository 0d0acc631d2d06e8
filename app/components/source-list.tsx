import type { Source } from "~/content/schema";
import { INTL_LOCALE, TIME_ZONE, type Language } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

/** A source's date as precise as it is given: "2023", "March 2023" or "5 March 2023", in the page's language. */
function formatSourceDate(date: string, language: Language) {
  const [year, month, day] = date.split("-");
  if (!month) return year;
  if (day) return formatDate(date, language);
  return new Date(`${year}-${month}-01`).toLocaleDateString(INTL_LOCALE[language], { month: "long", year: "numeric", timeZone: TIME_ZONE });
}

export function SourceList({ sources }: { sources: Source[] }) {
  const language = useLanguage();
  return (
    <ol className="sources">
      {sources.map((source, index) => (
        <li key={index}>
          {source.url ? <a href={source.url}>{source.title}</a> : source.title}, {source.publisher}
          {source.date ? ` (${formatSourceDate(source.date, language)})` : null}
        </li>
      ))}
    </ol>
  );
}
