import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, SelectField, SubmitButton, TextField } from "~/components/forms";
import { CouncilNav } from "~/components/council-nav";
import { PageHeading, TableWrap } from "~/components/page";
import { PrintButton } from "~/components/print-button";
import { ProgressChart, StandingChart } from "~/components/report-charts";
import { MEMBERSHIP_KINDS } from "~/councils/kinds";
import { formatDate } from "~/i18n/format";
import { wordsOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import type { RouteWords } from "~/i18n/config";
import { useLanguage } from "~/i18n/use-language";
import { cellWords } from "~/reports/cell-words.server";
import { auditReport } from "~/reports/audit.server";
import { councilReport } from "~/reports/council-report.server";
import { municipalYearName, REPORT_STATES, reportQuery, type ReportState } from "~/reports/filters";
import { municipalYearOf } from "~/requirements/rules";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { requestOrigin } from "~/utils/request.server";
import { reportFilterSchema } from "~/utils/schemas.server";
import { ukToday } from "~/utils/uk-time";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilReport"));

/** How many municipal years back the report offers. */
const YEARS_OFFERED = 5;

export async function loader(args: LoaderFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:view-reports");
  const language = args.context.language;
  const currentYear = municipalYearOf(ukToday());
  const filters = reportFilterSchema(currentYear).parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const report = await councilReport({ councilId, language, filters });
  if (!report) throw notFound(wordsOf(language, "council")("report.notFound"));
  const query = reportQuery(filters);
  await auditReport({ type: "report-viewed", actorId: officer.id, councilName: report.council.name, report: "training report", query }, requestOrigin(args));
  return {
    ...report,
    filters: { ...filters, electedSince: filters.electedSince?.toISOString().slice(0, 10) },
    query,
    years: Array.from({ length: YEARS_OFFERED }, (_, back) => currentYear - back),
    // only what the table shows, with words made here as the CSV makes them: the page sends text, not the rules' dates
    rows: report.rows.map(({ membershipId, name, cells, courses, totals }) => ({
      membershipId,
      name,
      cells: cells.map((cell) => ({ state: cell.state, text: cellWords(cell, language) })),
      courses,
      totals,
    })),
  };
}

export default function CouncilReport() {
  const { council, filters, query, years, asOf, year, currentYear, memberCount, columns, rows, options, view, charts } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  const { t: common } = useTranslation("common");
  const language = useLanguage();
  const modules = view === "modules";
  return (
    <>
      <PageHeading caption={council.name}>{t("report.heading")}</PageHeading>
      <CouncilNav />
      <p className="no-print">{t("report.intro")}</p>

      {/* keyed by the query: a new one (the filters cleared, say) draws the form afresh, as its defaults are read once */}
      <Form key={query} method="get" className="filter filter--report no-print" role="search" aria-label={t("report.filter.label")}>
        <SelectField
          name="view"
          label={t("report.filter.view")}
          defaultValue={filters.view}
          options={(["requirements", "modules"] as const).map((value) => ({ value, label: t(`report.filter.views.${value}`) }))}
        />
        <SelectField name="year" label={t("report.filter.year")} defaultValue={String(filters.year)} options={years.map((start) => ({ value: String(start), label: municipalYearName(start) }))} />
        <SelectField
          name="state"
          label={t("report.filter.state")}
          defaultValue={filters.state ?? ""}
          options={[{ value: "", label: t("report.filter.anyState") }, ...(REPORT_STATES[view] as readonly ReportState[]).map((state) => ({ value: state, label: t(`report.states.${state}`) }))]}
        />
        {modules ? null : (
          <SelectField
            name="requirementId"
            label={t("report.filter.requirement")}
            defaultValue={filters.requirementId ?? ""}
            options={[{ value: "", label: t("report.filter.allRequirements") }, ...options.requirements.map((r) => ({ value: r.id, label: r.label }))]}
          />
        )}
        <SelectField
          name="committeeId"
          label={t("report.filter.committee")}
          defaultValue={filters.committeeId ?? ""}
          options={[{ value: "", label: t("report.filter.allCommittees") }, ...options.committees.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SelectField
          name="partyGroup"
          label={t("report.filter.partyGroup")}
          defaultValue={filters.partyGroup ?? ""}
          options={[{ value: "", label: t("report.filter.allPartyGroups") }, ...options.partyGroups.map((group) => ({ value: group, label: group }))]}
        />
        <SelectField
          name="kind"
          label={t("report.filter.kind")}
          defaultValue={filters.kind ?? ""}
          options={[{ value: "", label: t("report.filter.allKinds") }, ...MEMBERSHIP_KINDS.map((kind) => ({ value: kind, label: common(`membershipKinds.${kind}`) }))]}
        />
        <TextField name="electedSince" type="date" width="date" label={t("report.filter.electedSince")} hint={t("report.filter.electedSinceHint")} defaultValue={filters.electedSince ?? ""} />
        <TextField name="q" type="search" label={t("report.filter.q")} defaultValue={filters.q ?? ""} spellCheck={false} />
        <CheckboxField name="hideNames" value="1" label={t("report.filter.hideNames")} defaultChecked={filters.hideNames} />
        <SubmitButton secondary>{t("report.filter.apply")}</SubmitButton>
        <p>
          <Link to="/council/report">{t("report.filter.clear")}</Link>
        </p>
      </Form>

      <p role="status">
        {year === currentYear ? t("report.asOfToday", { date: formatDate(asOf, language), year: municipalYearName(year) }) : t("report.asOfYearEnd", { date: formatDate(asOf, language), year: municipalYearName(year) })}{" "}
        {t("report.shown", { count: rows.length, total: memberCount })}
      </p>
      <div className="actions no-print">
        <p>
          <a href={`/council/report.csv${query ? `?${query}` : ""}`} download>
            {t("report.csv")}
          </a>
        </p>
        <PrintButton label={t("report.print")} withoutScript={t("report.printWithoutScript")} />
      </div>

      {charts && rows.length > 0 ? (
        <div className="chart-pair">
          <StandingChart chart={charts.bars} />
          <ProgressChart chart={charts.lines} />
        </div>
      ) : null}

      {!modules && options.requirements.length === 0 ? (
        <p>
          {t("report.noRequirements")} <Link to="/council/requirements/new">{t("report.setRequirement")}</Link>
        </p>
      ) : rows.length === 0 ? (
        <p>{t("report.noMembers")}</p>
      ) : (
        <TableWrap label={t("report.caption")}>
          <table className="report">
            <caption className="visually-hidden">{t("report.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.columns.member")}</th>
                {columns.map((column) => (
                  <th scope="col" key={column.id}>
                    {column.label}
                  </th>
                ))}
                {modules ? null : <th scope="col">{t("report.columns.courses")}</th>}
                <th scope="col">{t("report.columns.done")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.membershipId ?? row.name}>
                  <th scope="row">{row.membershipId ? <Link to={`/council/members/${row.membershipId}`}>{row.name}</Link> : t("report.columns.memberNumber", { number: row.name })}</th>
                  {row.cells.map((cell, index) => (
                    <td key={columns[index]!.id} className={`report__cell report__cell--${cell.state}`}>
                      {cell.text}
                    </td>
                  ))}
                  {modules ? null : (
                    <td>
                      {row.courses.attended + row.courses.absent + row.courses.booked + row.courses.waiting === 0 ? t("report.noCourses") : t("report.courses", { ...row.courses })}
                    </td>
                  )}
                  <td>{t("report.done", { done: row.totals.done, of: row.totals.of })}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("report.columns.total")}</th>
                {columns.map(({ id, totals }) => (
                  <td key={id}>
                    {modules
                      ? t("report.totals.module", { completed: totals.completed, inProgress: totals["in-progress"], notStarted: totals["not-started"] })
                      : t("report.totals.requirement", { met: totals.met, exempt: totals.exempt, due: totals.due, overdue: totals.overdue })}
                  </td>
                ))}
                {modules ? null : <td />}
                <td />
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
    </>
  );
}
