import type { SerializeFrom } from "@remix-run/node";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatShortMonth } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import type { ProgressLines, StandingBars } from "~/reports/charts.server";

const STATES = ["met", "exempt", "due", "overdue"] as const;

/**
 * Where members stand on each requirement, as stacked bars drawn from the server's geometry. The picture is
 * an image with a text alternative; the numbers are in a table under it, open or closed without JavaScript.
 */
export function StandingChart({ chart }: { chart: SerializeFrom<StandingBars> }) {
  const { t } = useTranslation("council");
  const count = (bar: (typeof chart.bars)[number], state: (typeof STATES)[number]) => bar.segments.find((s) => s.state === state)?.count ?? 0;
  const summary = chart.bars
    .map((bar) => `${bar.label}: ${t("report.totals.requirement", { met: count(bar, "met"), exempt: count(bar, "exempt"), due: count(bar, "due"), overdue: count(bar, "overdue") })}`)
    .join(". ");
  return (
    <ChartFrame
      caption={t("report.chart.standingsHeading")}
      summary={summary}
      width={chart.width}
      height={chart.height}
      legend={<Legend />}
      head={
        <>
          <th scope="col">{t("report.filter.requirement")}</th>
          {STATES.map((state) => (
            <th scope="col" key={state}>
              {t(`report.states.${state}`)}
            </th>
          ))}
          <th scope="col">{t("report.chart.applies")}</th>
        </>
      }
      rows={chart.bars.map((bar) => (
        <tr key={bar.id}>
          <th scope="row">{bar.label}</th>
          {STATES.map((state) => (
            <td key={state}>{count(bar, state)}</td>
          ))}
          <td>{bar.applies}</td>
        </tr>
      ))}
    >
      {chart.bars.map((bar) => (
        <g key={bar.id}>
          <text x={0} y={bar.labelY} className="chart__label">
            {t("report.chart.barLabel", { label: bar.label, count: bar.applies })}
          </text>
          {bar.segments.map((segment) => (
            <rect key={segment.state} x={segment.x} y={bar.barY} width={segment.width} height={bar.barHeight} className={`chart__bar chart__bar--${segment.state}`} />
          ))}
        </g>
      ))}
    </ChartFrame>
  );
}

/**
 * What every chart is framed in: a figure whose caption and summary label the drawing (an image with a text
 * alternative), its legend, and the numbers in a table under it, open or closed without JavaScript.
 */
function ChartFrame({
  caption,
  summary,
  width,
  height,
  legend,
  head,
  rows,
  children,
}: {
  caption: string;
  summary: string;
  width: number;
  height: number;
  legend: ReactNode;
  head: ReactNode;
  rows: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation("council");
  const id = useId();
  return (
    <figure className="chart">
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-caption ${id}-desc`} className="chart__svg">
        <desc id={`${id}-desc`}>{summary}</desc>
        {children}
      </svg>
      {legend}
      <details className="chart__numbers">
        <summary>{t("report.chart.numbers")}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Legend() {
  const { t } = useTranslation("council");
  return (
    <ul className="chart__legend" aria-hidden="true">
      {STATES.map((state) => (
        <li key={state}>
          <svg width="14" height="14" className="chart__swatch">
            <rect width="14" height="14" className={`chart__bar chart__bar--${state}`} />
          </svg>
          {t(`report.states.${state}`)}
        </li>
      ))}
    </ul>
  );
}

/** The share of members with each requirement met or exempt at each month's end, as lines (dashes tell them apart too). */
export function ProgressChart({ chart }: { chart: SerializeFrom<ProgressLines> }) {
  const { t } = useTranslation("council");
  const language = useLanguage();
  const summary = chart.lines
    .map((l) => t("report.chart.lineSummary", { label: l.label, percent: l.end?.percent ?? 0, date: l.points.at(-1) ? formatDate(l.points.at(-1)!.date, language) : "" }))
    .join(" ");
  return (
    <ChartFrame
      caption={t("report.chart.progressHeading")}
      summary={summary}
      width={chart.width}
      height={chart.height}
      legend={
        <ul className="chart__legend" aria-hidden="true">
          {chart.lines.map((l) => (
            <li key={l.id} className={`chart__series chart__series--${l.style}`}>
              <svg width="28" height="10" className="chart__swatch">
                <line x1="0" x2="28" y1="5" y2="5" className="chart__line" />
              </svg>
              {l.label}
            </li>
          ))}
        </ul>
      }
      head={
        <>
          <th scope="col">{t("report.chart.monthEnd")}</th>
          {chart.lines.map((l) => (
            <th scope="col" key={l.id}>
              {l.label}
            </th>
          ))}
        </>
      }
      rows={chart.lines[0]?.points.map((point, index) => (
        <tr key={String(point.date)}>
          <th scope="row">{formatDate(point.date, language)}</th>
          {chart.lines.map((l) => (
            <td key={l.id}>{t("report.chart.share", { satisfied: l.points[index]!.satisfied, applies: l.points[index]!.applies, percent: l.points[index]!.percent })}</td>
          ))}
        </tr>
      ))}
    >
      {chart.yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={chart.axis.left} x2={chart.axis.right} y1={tick.y} y2={tick.y} className="chart__grid" />
          <text x={chart.axis.left - 6} y={tick.y + 4} textAnchor="end" className="chart__tick">
            {tick.value}%
          </text>
        </g>
      ))}
      {chart.xTicks.map((tick) => (
        <text key={tick.x} x={tick.x} y={chart.axis.bottom + 20} textAnchor="middle" className="chart__tick">
          {formatShortMonth(tick.date, language)}
        </text>
      ))}
      {chart.lines.map((l) => (
        <g key={l.id} className={`chart__series chart__series--${l.style}`}>
          <path d={l.d} className="chart__line" />
          {l.dots.map((dot, index) => (
            <circle key={index} cx={dot.x} cy={dot.y} r={3} className="chart__dot" />
          ))}
        </g>
      ))}
    </ChartFrame>
  );
}
