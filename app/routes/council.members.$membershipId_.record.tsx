import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { SelectField, SubmitButton } from "~/components/forms";
import { MemberKind } from "~/components/member-kind";
import { BackLink, PageHeading, TableWrap } from "~/components/page";
import { PrintButton } from "~/components/print-button";
import { formatDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { municipalYearName } from "~/reports/filters";
import type { RouteWords } from "~/i18n/config";
import { useLanguage } from "~/i18n/use-language";
import { cellWords } from "~/reports/cell-words.server";
import { auditReport } from "~/reports/audit.server";
import { memberRecord } from "~/reports/member-record.server";
import { municipalYearOf } from "~/requirements/rules";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { requestOrigin } from "~/utils/request.server";
import { askedMunicipalYear } from "~/utils/schemas.server";
import { ukToday } from "~/utils/uk-time";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilMemberRecord")));

/** How many municipal years back a record may be asked for. */
const YEARS_OFFERED = 5;

export async function loader(args: LoaderFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:view-reports");
  const language = args.context.language;
  const current = municipalYearOf(ukToday());
  const year = askedMunicipalYear(args.request);
  const membershipId = args.params.membershipId ?? "";
  const record = await memberRecord({ councilId, membershipId, year, language });
  if (!record) throw notFound(translatorFor(language)("member.notFound", { ns: "council" }));
  await auditReport(
    { type: "report-viewed", actorId: officer.id, councilName: record.member.council, report: `training record of ${record.member.name}`, query: `year=${year}` },
    requestOrigin(args),
  );
  return {
    ...record,
    membershipId,
    current,
    years: Array.from({ length: YEARS_OFFERED }, (_, back) => current - back),
    requirements: record.requirements.map(({ cell, ...requirement }) => ({ ...requirement, state: cell.state, text: cellWords(cell, language) })),
  };
}

export default function MemberRecord() {
  const { member, membershipId, year, years, current, asOf, requirements, completed, inProgress, courses, recorded, review } = useLoaderData<typeof loader>();
  const { t } = useTranslation("council");
  const language = useLanguage();
  const date = (value: string | Date | null) => (value ? formatDate(value, language) : t("member.notRecorded"));
  return (
    <>
      <BackLink to={`/council/members/${membershipId}`}>{t("record.back", { name: member.name })}</BackLink>
      <PageHeading caption={member.council}>{t("record.heading", { name: member.name, year: municipalYearName(year) })}</PageHeading>
      <div className="actions no-print">
        <Form method="get" className="filter">
          <SelectField name="year" label={t("report.filter.year")} defaultValue={String(year)} options={years.map((start) => ({ value: String(start), label: municipalYearName(start) }))} />
          <SubmitButton secondary>{t("report.filter.apply")}</SubmitButton>
        </Form>
        <PrintButton label={t("record.print")} withoutScript={t("record.printWithoutScript")} />
      </div>
      <p>{year === current ? t("record.asOfToday", { date: date(asOf) }) : t("record.asOfYearEnd", { date: date(asOf) })}</p>
      <dl className="summary-list">
        <div>
          <dt>{t("member.kind")}</dt>
          <dd>
            <MemberKind kind={member.kind} />
          </dd>
        </div>
        <div>
          <dt>{t("member.since.either")}</dt>
          <dd>{date(member.memberSince)}</dd>
        </div>
        <div>
          <dt>{t("member.ward")}</dt>
          <dd>{member.ward ?? t("member.notRecorded")}</dd>
        </div>
        <div>
          <dt>{t("member.partyGroup")}</dt>
          <dd>{member.partyGroup ?? t("member.notRecorded")}</dd>
        </div>
        {member.leftOfficeOn ? (
          <div>
            <dt>{t("record.leftOffice")}</dt>
            <dd>{date(member.leftOfficeOn)}</dd>
          </div>
        ) : null}
      </dl>

      <h2>{t("record.requirements")}</h2>
      {requirements.length === 0 ? (
        <p>{t("record.noRequirements")}</p>
      ) : (
        <TableWrap label={t("record.requirements")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("report.filter.requirement")}</th>
                <th scope="col">{t("report.filter.state")}</th>
              </tr>
            </thead>
            <tbody>
              {requirements.map((requirement) => (
                <tr key={requirement.id}>
                  <th scope="row">{requirement.label}</th>
                  <td className={`report__cell--${requirement.state}`}>{requirement.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>{t("record.modules")}</h2>
      {completed.length === 0 ? (
        <p>{t("record.noModules")}</p>
      ) : (
        <ul>
          {completed.map((module) => (
            <li key={module.id}>
              {t("record.moduleCompleted", { title: module.title, date: date(module.on) })}
              {module.score !== null ? ` (${t("report.cell.score", { score: module.score })})` : null}
            </li>
          ))}
        </ul>
      )}
      {inProgress.length > 0 ? (
        <>
          <h3>{t("record.inProgress")}</h3>
          <ul>
            {inProgress.map((module) => (
              <li key={module.id}>{t("record.moduleInProgress", { title: module.title, percent: module.percent })}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("record.courses")}</h2>
      {courses.length === 0 ? (
        <p>{t("record.noCourses")}</p>
      ) : (
        <ul>
          {courses.map((course) => (
            <li key={course.courseId}>{t("record.course", { title: course.title, date: date(course.startsAt) })}</li>
          ))}
        </ul>
      )}

      <h2>{t("record.recorded")}</h2>
      {recorded.length === 0 ? (
        <p>{t("record.noRecorded")}</p>
      ) : (
        <ul>
          {recorded.map((training) => (
            <li key={training.id}>{t("record.recordedItem", { title: training.title, provider: training.provider, date: date(training.completedOn) })}</li>
          ))}
        </ul>
      )}

      <h2>{t("record.review")}</h2>
      {review ? (
        <p>
          {t("record.reviewOffered", { date: date(review.offeredOn) })}{" "}
          {review.outcome === "declined"
            ? t("record.reviewDeclined")
            : review.heldOn
              ? t("record.reviewHeld", { date: date(review.heldOn) })
              : review.outcome === "taken-up"
                ? t("record.reviewTakenUp")
                : t("record.reviewNoAnswer")}
        </p>
      ) : (
        <p>
          {t("record.noReview")} <Link className="no-print" to={`/council/members/${membershipId}/review?year=${year}`}>{t("record.recordReview")}</Link>
        </p>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
