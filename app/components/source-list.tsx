import type { Source } from "~/content/schema";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function formatSourceDate(date: string) {
  const [year, month, day] = date.split("-");
  return [day ? String(Number(day)) : null, month ? MONTHS[Number(month) - 1] : null, year].filter(Boolean).join(" ");
}

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ol className="sources">
      {sources.map((source, index) => (
        <li key={index}>
          {source.url ? <a href={source.url}>{source.title}</a> : source.title}, {source.publisher}
          {source.date ? ` (${formatSourceDate(source.date)})` : null}
        </li>
      ))}
    </ol>
  );
}
