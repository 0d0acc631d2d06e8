import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedbackScores } from "~/components/feedback-scores";
import { CourseText } from "~/components/course-text";
import { SelectField, SubmitButton } from "~/components/forms";
import { PageHeading, TableWrap } from "~/components/page";
import { formatDate, formatNumber, formatShortMonth } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { municipalYearName } from "~/reports/filters";
import type { RouteWords } from "~/i18n/config";
import { useLanguage } from "~/i18n/use-language";
import { auditReport } from "~/reports/audit.server";
import { nationalOverview } from "~/reports/national.server";
import { municipalYearOf } from "~/requirements/rules";
import { requirePermission } from "~/utils/auth.server";
import { requestOrigin } from "~/utils/request.server";
import { askedMunicipalYear } from "~/utils/schemas.server";
import { ukToday } from "~/utils/uk-time";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.nationalPicture"));

const YEARS_OFFERED = 5;

export async function loader(args: LoaderFunctionArgs) {
  const staff = requirePermission(args, "reports:national");
  const current = municipalYearOf(ukToday());
  const year = askedMunicipalYear(args.request);
  const [overview] = await Promise.all([
    nationalOverview({ year, language: args.context.language }),
    auditReport({ type: "report-viewed", actorId: staff.id, councilName: "All councils", report: "national picture", query: `year=${year}` }, requestOrigin(args)),
  ]);
  return { ...overview, years: Array.from({ length: YEARS_OFFERED }, (_, back) => current - back) };
}

export default function NationalPicture() {
  const { year, years, months, totals, byNation, byRegion, byType, modules, courses, feedback, inactive } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["staff", "courses"]);
  const language = useLanguage();
  const shown = (value: number | null) => (value === null ? t("reports.suppressed") : String(value));
  const percent = (value: number | null) => (value === null ? t("reports.suppressed") : t("reports.percent", { value }));
  const average = (value: number | null) => (value === null ? t("reports.averageWithheld") : formatNumber(value, language));
  const takeUp = (caption: string, rows: typeof byNation, label: (group: string) => string) => (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.columns.group")}</th>
            <th scope="col">{t("reports.columns.members")}</th>
            <th scope="col">{t("reports.columns.active")}</th>
            <th scope="col">{t("reports.columns.percent")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">{label(row.group)}</th>
              <td>{shown(row.members)}</td>
              <td>{shown(row.active)}</td>
              <td>{percent(row.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <>
      <PageHeading caption={municipalYearName(year)}>{t("reports.heading")}</PageHeading>
      <p>{t("reports.intro")}</p>
      <Form method="get" className="filter">
        <SelectField name="year" label={t("reports.year")} defaultValue={String(year)} options={years.map((start) => ({ value: String(start), label: municipalYearName(start) }))} />
        <SubmitButton secondary>{t("reports.show")}</SubmitButton>
      </Form>
      <p>
        <a href={`/staff/reports.csv?year=${year}`} download>
          {t("reports.csvLink")}
        </a>
      </p>

      <h2>{t("reports.totalsHeading")}</h2>
      <p>{t("reports.totals", { members: shown(totals.members), councils: totals.councils, active: shown(totals.active), percent: percent(totals.percent) })}</p>
      <p>{t("reports.tookPartExplained")}</p>
      {takeUp(t("reports.byNation"), byNation, (group) => t(`reports.nations.${group as "england" | "wales"}`))}
      {takeUp(t("reports.byRegion"), byRegion, (group) => group)}
      {takeUp(t("reports.byType"), byType, (group) => t(`reports.types.${group as "county"}`))}

      <h2>{t("reports.modulesHeading")}</h2>
      <TableWrap label={t("reports.modulesCaption")}>
        <table className="report">
          <caption className="visually-hidden">{t("reports.modulesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.columns.module")}</th>
              {months.map((month) => (
                <th scope="col" key={month}>
                  {formatShortMonth(`${month}-01T00:00:00Z`, language)}
                </th>
              ))}
              <th scope="col">{t("reports.columns.thisYear")}</th>
              <th scope="col">{t("reports.columns.lastYear")}</th>
            </tr>
          </thead>
          <tbody>
            {modules.map((module) => (
              <tr key={module.id}>
                <th scope="row">{module.title}</th>
                {module.months.map((count, index) => (
                  <td key={months[index]}>{shown(count)}</td>
                ))}
                <td>{shown(module.thisYear)}</td>
                <td>{shown(module.lastYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t("reports.coursesHeading")}</h2>
      {courses.length === 0 ? (
        <p>{t("reports.noCourses")}</p>
      ) : (
        <TableWrap label={t("reports.coursesCaption")}>
          <table>
            <caption className="visually-hidden">{t("reports.coursesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.columns.course")}</th>
                <th scope="col">{t("reports.columns.starts")}</th>
                <th scope="col">{t("reports.columns.capacity")}</th>
                <th scope="col">{t("reports.columns.confirmed")}</th>
                <th scope="col">{t("reports.columns.fill")}</th>
                <th scope="col">{t("reports.columns.waiting")}</th>
                <th scope="col">{t("reports.columns.attended")}</th>
                <th scope="col">{t("reports.columns.noShow")}</th>
                <th scope="col">{t("reports.columns.feedback")}</th>
                <th scope="col">{t("reports.columns.usefulness")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <th scope="row">
                    <CourseText language={course.language}>{course.title}</CourseText>
                  </th>
                  <td>{formatDate(course.startsAt, language)}</td>
                  <td>{course.capacity}</td>
                  <td>{shown(course.confirmed)}</td>
                  <td>{percent(course.fillPercent)}</td>
                  <td>{shown(course.waiting)}</td>
                  <td>{shown(course.attended)}</td>
                  <td>{percent(course.noShowPercent)}</td>
                  <td>{shown(course.responses)}</td>
                  <td>{average(course.usefulness)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {courses.length === 0 ? null : (
        <>
          <h2>{t("reports.feedbackHeading")}</h2>
          <p>{t("reports.feedbackExplained")}</p>
          <p>{t("reports.feedbackTotals", { responses: shown(feedback.responses), attended: shown(feedback.attended), percent: percent(feedback.percent) })}</p>
          <p>{feedback.usefulness === null ? t("reports.feedbackAverageWithheld") : t("reports.feedbackAverage", { average: average(feedback.usefulness) })}</p>
          <FeedbackScores
            caption={t("reports.feedbackCaption")}
            scoreHeading={t("reports.columns.score")}
            countHeading={t("reports.columns.responses")}
            distribution={feedback.distribution.map(({ score, count }) => ({ score, count: shown(count) }))}
          />
        </>
      )}

      <h2>{t("reports.inactiveHeading")}</h2>
      {inactive.length === 0 ? (
        <p>{t("reports.noInactive")}</p>
      ) : (
        <>
          <p>{t("reports.inactiveIntro")}</p>
          <ul className="columns-list">
            {inactive.map((council) => (
              <li key={council.id}>{council.name}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
