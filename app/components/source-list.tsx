import type { Source } from "~/content/schema";
import { HTML_LANG, type Language } from "~/i18n/config";
import { formatDate, formatMonthYear } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

/** A source's date as precise as it is given: "2023", "March 2023" or "5 March 2023", in the page's language. */
function formatSourceDate(date: string, language: Language) {
  const [year, month, day] = date.split("-");
  if (!month) return year;
  if (day) return formatDate(date, language);
  return formatMonthYear(`${year}-${month}-15`, language);
}

export function SourceList({ sources }: { sources: Source[] }) {
  const language = useLanguage();
  return (
    <ol className="sources">
      {sources.map((source, index) => (
        <li key={index}>
          {/* cited as published: marked with its language when the page is in another (WCAG 3.1.2) */}
          <span lang={(source.language ?? "en") === language ? undefined : HTML_LANG[source.language ?? "en"]}>
            {source.url ? <a href={source.url}>{source.title}</a> : source.title}, {source.publisher}
          </span>
          {source.date ? ` (${formatSourceDate(source.date, language)})` : null}
        </li>
      ))}
    </ol>
  );
}
