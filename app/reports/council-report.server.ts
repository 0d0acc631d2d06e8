// A council's training report for its officers: each member in office, where they stand on each of the
// council's requirements (or each online module), their course bookings, with totals per column and per member,
// for a municipal year (May to April): the current one as it stands today, an earlier one as it stood at its
// end. The page and the CSV read the same rows, so an export is exactly what is on screen. A few queries per
// council whatever its size; filters run in memory on at most a few hundred members.
// Never reflections or case-study answers; knowledge-check scores only where the council chose to show them.
import { stringify } from "csv-stringify/sync";
import { getCatalogue } from "~/content/content.server";
import type { MembershipKind } from "~/councils/kinds";
import { isAttendance } from "~/courses/rules";
import type { Language } from "~/i18n/config";
import { wordsOf } from "~/i18n/i18n.server";
import { learningFor, type Learning } from "~/learning/reader.server";
import { addDays, endOfDay, municipalYearOf, type TrainingStatus } from "~/requirements/rules";
import { councilTraining } from "~/requirements/status.server";
import { db, valuesOf } from "~/utils/db.server";
import { ukToday } from "~/utils/uk-time";
import { cellDate, cellState } from "./cell-words.server";
import { monthEnds, progressLines, standingBars } from "./charts.server";
import { cellMatches, yearDates, type ReportCell, type ReportFilters } from "./filters";

/** A requirement's standing as a report cell: "expired" marks a refresher that ran out and is owed again. */
export function requirementCell(status: TrainingStatus | undefined): ReportCell {
  if (!status) return { state: "not-applicable" };
  switch (status.state) {
    case "exempt":
      return { state: "exempt" };
    case "met":
      return { state: "met", on: status.by.on, source: status.by.source, refreshBy: status.refreshBy };
    default:
      return { state: status.state, dueOn: status.dueOn, expired: status.lapsed !== null };
  }
}

export type CourseCounts = { booked: number; waiting: number; attended: number; absent: number };

export async function councilReport({ councilId, language, filters, now = new Date() }: { councilId: string; language: Language; filters: ReportFilters; now?: Date }) {
  const today = ukToday(now);
  const currentYear = municipalYearOf(today);
  const year = yearDates(filters.year);
  // an earlier year as it stood at its end; this year as it stands today
  const asOf = filters.year < currentYear ? year.lastDay : undefined;
  const modules = getCatalogue(language).modules;
  const [council, { members, requirements, satisfiedOn }, committees] = await Promise.all([
    db.council.findUnique({ where: { id: councilId }, select: { name: true, welshName: true, showScoresToOfficers: true } }),
    councilTraining({ councilId, language, today, asOf }),
    db.committee.findMany({ where: { councilId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  // a committee or requirement named in the query that is not this council's (or not in force that year): as if no such thing
  if (!council) return null;
  if (filters.committeeId && !committees.some((c) => c.id === filters.committeeId)) return null;
  if (filters.requirementId && !requirements.some((r) => r.id === filters.requirementId)) return null;
  // by the members' ids: a join through memberships would read every booking and lesson in the country
  const userIds = members.map((m) => m.userId);
  const [bookings, learning] = await Promise.all([
    // plain SQL: through Prisma, this read of 150 people's bookings was the slowest statement of the report
    db.$queryRaw<{ userId: string; status: string; attendance: string | null }[]>`
      SELECT b."userId", b."status", b."attendance" FROM "Booking" b JOIN "Course" c ON c."id" = b."courseId"
       WHERE b."userId" IN (${valuesOf(userIds)}) AND b."status" IN ('confirmed', 'waiting', 'offered')
         AND c."status" = 'published' AND c."startsAt" >= ${year.firstDay} AND c."startsAt" < ${addDays(year.lastDay, 1)}`,
    filters.view === "modules" ? learningFor({ userIds }, modules, asOf ? { asOf: endOfDay(asOf) } : {}) : new Map() as Learning,
  ]);

  const coursesOf = new Map<string, CourseCounts>();
  for (const booking of bookings) {
    const counts = coursesOf.get(booking.userId) ?? coursesOf.set(booking.userId, { booked: 0, waiting: 0, attended: 0, absent: 0 }).get(booking.userId)!;
    if (isAttendance(booking.attendance)) counts[booking.attendance] += 1;
    else counts[booking.status === "confirmed" ? "booked" : "waiting"] += 1;
  }

  const requirementColumns = requirements.filter((r) => !filters.requirementId || r.id === filters.requirementId);
  const columns =
    filters.view === "modules"
      ? modules.map((module) => ({ id: module.id, label: module.title }))
      : requirementColumns.map((requirement) => ({ id: requirement.id, label: requirement.label }));
  const standing = new Map(requirements.map((r) => [r.id, new Map(r.standings.map((s) => [s.membershipId, s.status]))]));
  const committeeNames = new Map(committees.map((c) => [c.id, c.name]));
  const search = filters.q?.toLocaleLowerCase(language);

  const rows = members
    .filter(
      (member) =>
        (!filters.committeeId || member.committees.some((c) => c.committeeId === filters.committeeId)) &&
        (!filters.partyGroup || member.partyGroup === filters.partyGroup) &&
        (!filters.kind || member.kind === filters.kind) &&
        (!filters.electedSince || (!!member.memberSince && member.memberSince >= filters.electedSince)) &&
        (!search || member.user.name.toLocaleLowerCase(language).includes(search)),
    )
    .map((member) => {
      const progress = learning.get(member.userId);
      const cells: ReportCell[] =
        filters.view === "modules"
          ? modules.map((module) => {
              const p = progress?.get(module.id);
              const score = council.showScoresToOfficers && p?.bestScore !== null && p?.bestScore !== undefined ? { score: p.bestScore } : {};
              if (p?.state === "completed") return { state: "completed", on: p.completedAt!, ...score };
              if (p?.state === "in-progress") return { state: "in-progress", percent: p.percent, ...score };
              return { state: "not-started" };
            })
          : requirementColumns.map((requirement) => requirementCell(standing.get(requirement.id)?.get(member.id)));
      return {
        membershipId: member.id,
        name: member.user.name,
        kind: member.kind as MembershipKind,
        partyGroup: member.partyGroup,
        memberSince: member.memberSince,
        committees: member.committees.map((seat) => ({ name: committeeNames.get(seat.committeeId) ?? "", role: seat.role })),
        cells,
        courses: coursesOf.get(member.userId) ?? { booked: 0, waiting: 0, attended: 0, absent: 0 },
      };
    })
    // a requirement chosen: only those it applies to; a state chosen: only those with a cell in it
    .filter((row) => filters.view === "modules" || !filters.requirementId || row.cells.some((cell) => cell.state !== "not-applicable"))
    .filter((row) => !filters.state || row.cells.some((cell) => cellMatches(cell, filters.state!)));

  const totals = columns.map((_, index) => columnTotals(rows.map((row) => row.cells[index]!)));
  const charts =
    filters.view === "requirements" && requirementColumns.length > 0
      ? {
          bars: standingBars(requirementColumns.map((r, index) => ({ id: r.id, label: r.label, totals: totals[index]! }))),
          lines: progressLines({
            ...year,
            series: lineSeries(requirementColumns, satisfiedOn(monthEnds(year.firstDay, asOf ?? today), new Set(rows.map((row) => row.membershipId)))),
          }),
        }
      : null;
  const shownRows = filters.hideNames ? rows.map((row, index) => ({ ...row, membershipId: null, name: String(index + 1) })) : rows;
  return {
    council: { name: language === "cy" ? (council.welshName ?? council.name) : council.name, showsScores: council.showScoresToOfficers },
    view: filters.view,
    year: filters.year,
    currentYear,
    asOf: asOf ?? today,
    memberCount: members.length,
    columns: columns.map((column, index) => ({ ...column, totals: totals[index]! })),
    charts,
    rows: shownRows.map((row) => ({ ...row, totals: memberTotals(row.cells) })),
    options: {
      requirements: requirements.map((r) => ({ id: r.id, label: r.label })),
      committees,
      partyGroups: [...new Set(members.flatMap((m) => (m.partyGroup ? [m.partyGroup] : [])))].sort((a, b) => a.localeCompare(b, language)),
    },
  };
}

export type CouncilReport = NonNullable<Awaited<ReturnType<typeof councilReport>>>;

/** Each requirement's points over the year, from the counts at each month's end. */
function lineSeries(requirements: { id: string; label: string }[], counts: { date: Date; requirements: { id: string; satisfied: number; applies: number }[] }[]) {
  return requirements.map(({ id, label }) => ({
    id,
    label,
    points: counts.map(({ date, requirements: then }) => ({ date, ...(then.find((r) => r.id === id) ?? { satisfied: 0, applies: 0 }) })),
  }));
}

/** How many in a column stand where (those it does not apply to aside). */
function columnTotals(cells: ReportCell[]) {
  const totals = { met: 0, due: 0, overdue: 0, exempt: 0, expired: 0, completed: 0, "in-progress": 0, "not-started": 0, applies: 0 };
  for (const cell of cells) {
    if (cell.state === "not-applicable") continue;
    totals.applies += 1;
    totals[cell.state] += 1;
    if ((cell.state === "due" || cell.state === "overdue") && cell.expired) totals.expired += 1;
  }
  return totals;
}

/** A member's row: how many of what applies to them is done (met or exempt; modules completed). */
function memberTotals(cells: ReportCell[]) {
  const applies = cells.filter((cell) => cell.state !== "not-applicable");
  return { done: applies.filter((cell) => cell.state === "met" || cell.state === "exempt" || cell.state === "completed").length, of: applies.length };
}

/** The report as a spreadsheet: the same rows and columns as the page, states in words, dates as ISO dates. */
export function councilReportCsv(report: CouncilReport, language: Language) {
  const t = wordsOf(language, "council");
  const common = wordsOf(language, "common");
  const account = wordsOf(language, "account");
  const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  const heading = (key: string, column?: string) => t(`report.csvHeadings.${key}` as "report.csvHeadings.member", { column });
  const modules = report.view === "modules";
  const header = [
    heading("member"),
    heading("kind"),
    heading("partyGroup"),
    heading("memberSince"),
    heading("committees"),
    ...report.columns.flatMap((column) => [
      heading("state", column.label),
      heading("date", column.label),
      ...(modules ? [heading("percent", column.label), ...(report.council.showsScores ? [heading("score", column.label)] : [])] : []),
    ]),
    ...(["attended", "absent", "booked", "waiting", "done", "of"] as const).map((key) => heading(key)),
  ];
  const rows = report.rows.map((row) => [
    row.membershipId ? row.name : t("report.columns.memberNumber", { number: row.name }),
    common(`membershipKinds.${row.kind}`),
    row.partyGroup ?? "",
    iso(row.memberSince),
    row.committees.map((seat) => (seat.role === "substitute" ? account("councils.asSubstitute", { committee: seat.name }) : seat.name)).join("; "),
    ...row.cells.flatMap((cell) => [
      t(`report.states.${cellState(cell)}`),
      iso(cellDate(cell)),
      ...(modules
        ? [cell.state === "in-progress" ? String(cell.percent) : cell.state === "completed" ? "100" : "0", ...(report.council.showsScores ? [scoreOf(cell)] : [])]
        : []),
    ]),
    ...[row.courses.attended, row.courses.absent, row.courses.booked, row.courses.waiting, row.totals.done, row.totals.of].map(String),
  ]);
  return stringify([header, ...rows], { bom: true, escape_formulas: true });
}

const scoreOf = (cell: ReportCell) => ("score" in cell && cell.score !== undefined ? String(cell.score) : "");
