// The national picture for the association's staff, for a municipal year: take-up by nation, region and
// council type, online completions per module by month and by year, scheduled courses' fill, waiting lists,
// attendance and no-shows, feedback after courses (how many answered and how useful they found it, never
// what anyone wrote), and the councils with no activity (for outreach, by name, never ranked). Counts only,
// never a named councillor's learning, and any count under 5 is withheld here, before it leaves the server
// (suppression.ts), on screen and in the CSV alike, as is an average of fewer than 5 answers. Every figure
// is an aggregate query: a handful of queries whatever the number of councillors, and no person's rows in
// memory.
import { stringify } from "csv-stringify/sync";
import { getCatalogue } from "~/content/content.server";
import { USEFULNESS } from "~/courses/rules";
import type { Language } from "~/i18n/config";
import { wordsOf } from "~/i18n/i18n.server";
import { addDays } from "~/requirements/rules";
import { db, isPostgres, sql, valuesOf } from "~/utils/db.server";
import { yearDates } from "./filters";
import { averageShown, shareOf, suppress, SUPPRESS_BELOW } from "./suppression";

/** A date-time column's calendar month ("2026-06"): SQLite keeps ISO text, PostgreSQL a timestamp. (UTC months.) */
const monthOf = (column: string) => (isPostgres ? sql([`to_char("${column}", 'YYYY-MM')`]) : sql([`substr("${column}", 1, 7)`]));

/**
 * Whether the person u did something in the period: a lesson, a completion, or a course attended. Asked of
 * each member by index (userId, completedAt), not by gathering the period's every lesson first: a year holds
 * about 100,000 lessons nationally, and the members are 20,000.
 */
function learnedIn(from: Date, to: Date) {
  return sql`(
    EXISTS (SELECT 1 FROM "LessonProgress" l WHERE l."userId" = u."id" AND l."completedAt" >= ${from} AND l."completedAt" < ${to})
    OR EXISTS (SELECT 1 FROM "ModuleCompletion" mc WHERE mc."userId" = u."id" AND mc."completedAt" >= ${from} AND mc."completedAt" < ${to})
    OR EXISTS (SELECT 1 FROM "Booking" b JOIN "Course" k ON k."id" = b."courseId"
                WHERE b."userId" = u."id" AND b."attendance" = 'attended' AND k."startsAt" >= ${from} AND k."startsAt" < ${to}))`;
}

type CouncilRow = { id: string; name: string; welshName: string | null; nation: string; region: string; type: string; members: number | bigint; active: number | bigint };

/** Each council's members in office and how many of them took part this year (one row per council, by name). */
async function councilActivity(from: Date, to: Date, councilIds?: string[]) {
  const only = councilIds ? sql`AND c."id" IN (${valuesOf(councilIds)})` : sql``;
  const rows = await db.$queryRaw<CouncilRow[]>`
    SELECT c."id", c."name", c."welshName", c."nation", c."region", c."type",
           COUNT(u."id") AS members, SUM(CASE WHEN u."id" IS NOT NULL AND ${learnedIn(from, to)} THEN 1 ELSE 0 END) AS active
      FROM "Council" c
      LEFT JOIN "Membership" m ON m."councilId" = c."id" AND m."leftOfficeOn" IS NULL AND m."confirmedAt" IS NOT NULL
      LEFT JOIN "User" u ON u."id" = m."userId" AND u."deactivatedAt" IS NULL
     WHERE 1 = 1 ${only}
     GROUP BY c."id", c."name", c."welshName", c."nation", c."region", c."type"
     ORDER BY c."name"`;
  return rows.map((row) => ({ ...row, members: Number(row.members), active: Number(row.active) }));
}

/** Take-up grouped one way: members in office, how many took part, and the share, each withheld if small. */
function takeUpBy<K extends "nation" | "region" | "type">(councils: Awaited<ReturnType<typeof councilActivity>>, key: K) {
  const groups = new Map<string, { members: number; active: number }>();
  for (const council of councils) {
    const group = groups.get(council[key]) ?? groups.set(council[key], { members: 0, active: 0 }).get(council[key])!;
    group.members += council.members;
    group.active += council.active;
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, { members, active }]) => ({ group, members: suppress(members), active: suppress(active), percent: shareOf(active, members) }));
}

type MonthRow = { moduleId: string; month: string; count: number | bigint };
type CourseRow = { id: string; title: string; language: string; startsAt: Date | string; capacity: number; confirmed: number | bigint; waiting: number | bigint; attended: number | bigint; absent: number | bigint };
type FeedbackRow = { courseId: string; usefulness: number | bigint; count: number | bigint };

/** The courses of the national picture's table (published, starting this year), as a condition on the course "c". */
const courseInYear = (from: Date, to: Date) => sql`c."status" = 'published' AND c."startsAt" >= ${from} AND c."startsAt" < ${to}`;

/**
 * Feedback after this year's courses, from a count per course and point of the scale: each course's
 * responses and average usefulness, and across them all how many answered, of how many attended, the
 * average and the count at each point of the scale. Small counts and averages of few answers withheld.
 */
function feedbackTotals(rows: FeedbackRow[], courses: { id: string; attended: number }[]) {
  const byCourse = new Map<string, { responses: number; total: number }>();
  const byScore = new Map<number, number>();
  for (const row of rows) {
    const [usefulness, count] = [Number(row.usefulness), Number(row.count)];
    const course = byCourse.get(row.courseId) ?? byCourse.set(row.courseId, { responses: 0, total: 0 }).get(row.courseId)!;
    course.responses += count;
    course.total += usefulness * count;
    byScore.set(usefulness, (byScore.get(usefulness) ?? 0) + count);
  }
  const forCourse = (courseId: string) => {
    const { responses, total } = byCourse.get(courseId) ?? { responses: 0, total: 0 };
    return { responses: suppress(responses), usefulness: averageShown(total, responses) };
  };
  const responses = [...byCourse.values()].reduce((sum, course) => sum + course.responses, 0);
  const total = [...byCourse.values()].reduce((sum, course) => sum + course.total, 0);
  const attended = courses.reduce((sum, course) => sum + course.attended, 0);
  return {
    forCourse,
    summary: {
      responses: suppress(responses),
      attended: suppress(attended),
      percent: shareOf(responses, attended),
      usefulness: averageShown(total, responses),
      distribution: USEFULNESS.map((score) => ({ score, count: suppress(byScore.get(score) ?? 0) })),
    },
  };
}

export async function nationalOverview({ year, language }: { year: number; language: Language }) {
  const { firstDay, lastDay } = yearDates(year);
  const to = addDays(lastDay, 1);
  const previousFirstDay = yearDates(year - 1).firstDay;
  const [councils, months, courses, feedback] = await Promise.all([
    councilActivity(firstDay, to),
    // this year and the last, by month, for the per-year totals too
    db.$queryRaw<MonthRow[]>`
      SELECT "moduleId", ${monthOf("completedAt")} AS month, COUNT(*) AS count
        FROM "ModuleCompletion" WHERE "completedAt" >= ${previousFirstDay} AND "completedAt" < ${to}
       GROUP BY "moduleId", ${monthOf("completedAt")}`,
    db.$queryRaw<CourseRow[]>`
      SELECT c."id", c."title", c."language", c."startsAt", c."capacity",
             SUM(CASE WHEN b."status" = 'confirmed' THEN 1 ELSE 0 END) AS confirmed,
             SUM(CASE WHEN b."status" IN ('waiting', 'offered') THEN 1 ELSE 0 END) AS waiting,
             SUM(CASE WHEN b."status" = 'confirmed' AND b."attendance" = 'attended' THEN 1 ELSE 0 END) AS attended,
             SUM(CASE WHEN b."status" = 'confirmed' AND b."attendance" = 'absent' THEN 1 ELSE 0 END) AS absent
        FROM "Course" c LEFT JOIN "Booking" b ON b."courseId" = c."id"
       WHERE ${courseInYear(firstDay, to)}
       GROUP BY c."id", c."title", c."language", c."startsAt", c."capacity"
       ORDER BY c."startsAt"`,
    // at most five rows a course (one per point of the scale), and never what anyone wrote
    db.$queryRaw<FeedbackRow[]>`
      SELECT f."courseId", f."usefulness", COUNT(*) AS count
        FROM "CourseFeedback" f JOIN "Course" c ON c."id" = f."courseId"
       WHERE ${courseInYear(firstDay, to)}
       GROUP BY f."courseId", f."usefulness"`,
  ]);

  const monthKeys = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, 4 + i, 1)).toISOString().slice(0, 7));
  const count = (moduleId: string, month: string) => Number(months.find((row) => row.moduleId === moduleId && row.month === month)?.count ?? 0);
  const yearTotal = (moduleId: string, start: number) =>
    months.filter((row) => row.moduleId === moduleId && row.month >= `${start}-05` && row.month <= `${start + 1}-04`).reduce((sum, row) => sum + Number(row.count), 0);
  const modules = getCatalogue(language).modules.map((module) => ({
    id: module.id,
    title: module.title,
    months: monthKeys.map((month) => suppress(count(module.id, month))),
    thisYear: suppress(yearTotal(module.id, year)),
    lastYear: suppress(yearTotal(module.id, year - 1)),
  }));
  const courseCounts = courses.map((course) => {
    const [confirmed, waiting, attended, absent] = [course.confirmed, course.waiting, course.attended, course.absent].map((n) => Number(n ?? 0)) as [number, number, number, number];
    return { ...course, confirmed, waiting, attended, absent };
  });
  const feedbackFigures = feedbackTotals(feedback, courseCounts);
  const members = councils.reduce((sum, c) => sum + c.members, 0);
  const active = councils.reduce((sum, c) => sum + c.active, 0);
  return {
    year,
    months: monthKeys,
    totals: { councils: councils.length, members: suppress(members), active: suppress(active), percent: shareOf(active, members) },
    byNation: takeUpBy(councils, "nation"),
    byRegion: takeUpBy(councils, "region"),
    byType: takeUpBy(councils, "type"),
    modules,
    courses: courseCounts.map(({ confirmed, waiting, attended, absent, ...course }) => {
      const { responses, usefulness } = feedbackFigures.forCourse(course.id);
      return {
        id: course.id,
        title: course.title,
        language: course.language,
        startsAt: new Date(course.startsAt),
        capacity: course.capacity,
        confirmed: suppress(confirmed),
        fillPercent: shareOf(confirmed, course.capacity),
        waiting: suppress(waiting),
        attended: suppress(attended),
        noShowPercent: shareOf(absent, attended + absent),
        responses,
        usefulness,
      };
    }),
    // across this year's courses: no comments here (staff read those on each course's page)
    feedback: feedbackFigures.summary,
    // for outreach: every council none of whose members did anything this year, alphabetically
    inactive: councils
      .filter((council) => council.active === 0)
      .map((council) => ({ id: council.id, name: language === "cy" ? (council.welshName ?? council.name) : council.name, nation: council.nation, type: council.type })),
  };
}

export type NationalOverview = Awaited<ReturnType<typeof nationalOverview>>;

/** Councils per query while streaming the CSV: memory stays flat whatever the number of councils. */
const CSV_BATCH = 50;

/**
 * The national CSV: a row per council (by name, not ranked) with its members in office, how many took part,
 * each module's completions this year, and its members' feedback after this year's courses (how many
 * responses and their average usefulness), small counts withheld as "<5" and an average of fewer than 5
 * responses as withheld. Streamed batch by batch.
 */
export function nationalCsv({ year, language }: { year: number; language: Language }): ReadableStream<Uint8Array> {
  const t = wordsOf(language, "staff");
  const modules = getCatalogue(language).modules;
  const { firstDay, lastDay } = yearDates(year);
  const to = addDays(lastDay, 1);
  const shown = (count: number) => (count < SUPPRESS_BELOW ? t("reports.csvSuppressed") : String(count));
  const average = (total: number, count: number) => String(averageShown(total, count) ?? t("reports.averageWithheld"));
  const encoder = new TextEncoder();
  let ids: string[] = [];
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const header = [t("reports.csv.council"), t("reports.csv.nation"), t("reports.csv.region"), t("reports.csv.type"), t("reports.csv.members"), t("reports.csv.active"), ...modules.map((m) => m.title), t("reports.csv.feedback"), t("reports.csv.usefulness")];
      controller.enqueue(encoder.encode(stringify([header], { bom: true, escape_formulas: true })));
      ids = (await db.council.findMany({ select: { id: true }, orderBy: { name: "asc" } })).map((c) => c.id);
    },
    async pull(controller) {
      const batch = ids.slice(next, next + CSV_BATCH);
      next += CSV_BATCH;
      if (batch.length === 0) return controller.close();
      {
        const [councils, completions, feedback] = await Promise.all([
          councilActivity(firstDay, to, batch),
          db.$queryRaw<{ councilId: string; moduleId: string; count: number | bigint }[]>`
            SELECT m."councilId", c."moduleId", COUNT(*) AS count
              FROM "ModuleCompletion" c JOIN "Membership" m ON m."userId" = c."userId" AND m."leftOfficeOn" IS NULL AND m."confirmedAt" IS NOT NULL
             WHERE c."completedAt" >= ${firstDay} AND c."completedAt" < ${to} AND m."councilId" IN (${valuesOf(batch)})
             GROUP BY m."councilId", c."moduleId"`,
          // by the council's members in office, as the completions are
          db.$queryRaw<{ councilId: string; responses: number | bigint; total: number | bigint | null }[]>`
            SELECT m."councilId", COUNT(*) AS responses, SUM(f."usefulness") AS total
              FROM "CourseFeedback" f JOIN "Course" c ON c."id" = f."courseId"
              JOIN "Membership" m ON m."userId" = f."userId" AND m."leftOfficeOn" IS NULL AND m."confirmedAt" IS NOT NULL
             WHERE ${courseInYear(firstDay, to)} AND m."councilId" IN (${valuesOf(batch)})
             GROUP BY m."councilId"`,
        ]);
        const rows = councils.map((council) => {
          const completed = (moduleId: string) => Number(completions.find((row) => row.councilId === council.id && row.moduleId === moduleId)?.count ?? 0);
          const given = feedback.find((row) => row.councilId === council.id);
          const [responses, total] = [Number(given?.responses ?? 0), Number(given?.total ?? 0)];
          return [
            language === "cy" ? (council.welshName ?? council.name) : council.name,
            t(`reports.nations.${council.nation as "england" | "wales"}`),
            council.region,
            t(`reports.types.${council.type as "county"}`),
            shown(council.members),
            shown(council.active),
            ...modules.map((module) => shown(completed(module.id))),
            shown(responses),
            average(total, responses),
          ];
        });
        controller.enqueue(encoder.encode(stringify(rows, { escape_formulas: true })));
      }
    },
  });
}
