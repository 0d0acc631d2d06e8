// The report's charts, drawn on the server: d3's scales and shapes turn the numbers into SVG geometry here,
// so the page sends shapes and words (no charting code reaches the browser) and reads without JavaScript.
// app/components/report-charts.tsx draws them, each with a text alternative and its numbers in a table.
import { scaleBand, scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";

export const CHART_WIDTH = 640;
const LABEL_WIDTH = 0; // bars are labelled above, so a long requirement name never squeezes its bar
const BAR_STATES = ["met", "exempt", "due", "overdue"] as const;
export type BarState = (typeof BAR_STATES)[number];

type Counts = Record<BarState, number> & { applies: number };

/** Stacked bars, one per requirement: how many it applies to stand where, as parts of the whole. */
export function standingBars(requirements: { id: string; label: string; totals: Counts }[]) {
  const barHeight = 28;
  const gap = 34; // room for the label above each bar
  const height = requirements.length * (barHeight + gap);
  const y = scaleBand<string>()
    .domain(requirements.map((r) => r.id))
    .range([0, height]);
  const x = scaleLinear().domain([0, 1]).range([LABEL_WIDTH, CHART_WIDTH]);
  return {
    width: CHART_WIDTH,
    height,
    bars: requirements.map(({ id, label, totals }) => {
      let done = 0;
      const segments = BAR_STATES.map((state) => {
        const share = totals.applies === 0 ? 0 : totals[state] / totals.applies;
        const segment = { state, count: totals[state], x: x(done), width: x(done + share) - x(done) };
        done += share;
        return segment;
      }).filter((segment) => segment.count > 0);
      return { id, label, labelY: y(id)! + 20, barY: y(id)! + gap - 8, barHeight, segments, applies: totals.applies };
    }),
  };
}

/** The last day of each month of a municipal year, up to a date (May to April). */
export function monthEnds(firstDay: Date, until: Date) {
  const ends: Date[] = [];
  for (let month = 0; month < 12; month++) {
    const end = new Date(Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth() + month + 1, 0));
    if (end >= until) {
      ends.push(until);
      break;
    }
    ends.push(end);
  }
  return ends;
}

/** Lines over the year, one per requirement: the share met or exempt at each month's end. */
export function progressLines({ firstDay, lastDay, series }: { firstDay: Date; lastDay: Date; series: { id: string; label: string; points: { date: Date; satisfied: number; applies: number }[] }[] }) {
  const height = 260;
  const margin = { top: 12, right: 16, bottom: 36, left: 48 };
  const x = scaleUtc().domain([firstDay, lastDay]).range([margin.left, CHART_WIDTH - margin.right]);
  const y = scaleLinear().domain([0, 100]).range([height - margin.bottom, margin.top]);
  const percent = (p: { satisfied: number; applies: number }) => (p.applies === 0 ? 0 : Math.round((100 * p.satisfied) / p.applies));
  const path = line<{ date: Date; value: number }>()
    .x((p) => x(p.date))
    .y((p) => y(p.value));
  return {
    width: CHART_WIDTH,
    height,
    xTicks: x.ticks(12).map((date) => ({ x: x(date), date })),
    yTicks: y.ticks(5).map((value) => ({ y: y(value), value })),
    axis: { left: margin.left, right: CHART_WIDTH - margin.right, bottom: height - margin.bottom, top: margin.top },
    lines: series.map(({ id, label, points }, index) => {
      const values = points.map((p) => ({ date: p.date, value: percent(p) }));
      const last = values.at(-1);
      return {
        id,
        label,
        // each line its own dash as well as its own colour, so the lines are told apart without colour
        style: index % 4,
        d: path(values) ?? "",
        dots: values.map((v) => ({ x: x(v.date), y: y(v.value) })),
        points: points.map((p) => ({ date: p.date, percent: percent(p), satisfied: p.satisfied, applies: p.applies })),
        end: last ? { x: x(last.date), y: y(last.value), percent: last.value } : null,
      };
    }),
  };
}

export type StandingBars = ReturnType<typeof standingBars>;
export type ProgressLines = ReturnType<typeof progressLines>;
