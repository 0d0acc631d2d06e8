import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, EvidenceField, SelectField, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading, TableWrap } from "~/components/page";
import { formatDate, formatNumber } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { readEvidence } from "~/requirements/evidence.server";
import { recordedTrainingOf, recordTraining, removeRecordedTraining } from "~/requirements/recorded.server";
import { memberAt, requirementsAt } from "~/requirements/requirements.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { RecordedTrainingSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilMemberTraining")));

const noSuchMember = (t: TFunction) => notFound(t("member.notFound", { ns: "council" }));

const FIELDS = ["title", "provider", "completedOn", "hours", "requirementId", "evidence"];

async function memberHere(councilId: string, args: LoaderFunctionArgs) {
  const member = await memberAt(councilId, args.params.membershipId ?? "");
  if (!member) throw noSuchMember(translatorFor(args.context.language));
  return member;
}

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:require-training");
  const member = await memberHere(councilId, args);
  const [requirements, records] = await Promise.all([requirementsAt(councilId, args.context.language), recordedTrainingOf(member.userId)]);
  const asked = new URL(args.request.url).searchParams.get("requirement");
  return {
    member: { id: member.id, name: member.user.name },
    requirements,
    chosenRequirement: requirements.some((r) => r.id === asked) ? asked! : "",
    records: records.map((record) => ({
      id: record.id,
      title: record.title,
      provider: record.provider,
      completedOn: record.completedOn,
      hours: record.minutes === null ? null : record.minutes / 60,
      council: args.context.language === "cy" ? (record.council.welshName ?? record.council.name) : record.council.name,
      // only the council that recorded it may change it or open its document
      ours: record.councilId === councilId,
      requirement: requirements.find((r) => r.id === record.requirementId)?.label ?? null,
      evidence: record.councilId === councilId ? record.evidenceFile : null,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:require-training");
  const t = translatorFor(args.context.language);
  const member = await memberHere(councilId, args);
  const here = `/council/members/${member.id}/training`;
  const formData = await args.request.formData();
  const origin = requestOrigin(args);
  if (formData.get("intent") === "remove") {
    const outcome = await removeRecordedTraining({ councilId, recordedTrainingId: String(formData.get("recordedTrainingId") ?? ""), actorId: officer.id }, origin);
    if (outcome.status === "not-found") throw notFound(t("member.notFound", { ns: "council" }));
    return redirectWithFlash(here, t("recorded.removed", { ns: "council", title: outcome.title }));
  }
  const form = parseForm(formData, RecordedTrainingSchema, t);
  const evidence = await readEvidence(formData.get("evidence"));
  const evidenceError: Record<string, string> = "problem" in evidence ? { evidence: t(`requirements.evidenceProblems.${evidence.problem}`, { ns: "council" }) } : {};
  if (!form.ok || "problem" in evidence) return refuseForm(formResult(formData, { fieldErrors: { ...(form.ok ? {} : form.result.fieldErrors), ...evidenceError } }));
  const { hours, ...record } = form.data;
  const outcome = await recordTraining({ councilId, membershipId: member.id, record: { ...record, minutes: hours }, evidence: evidence.upload, actorId: officer.id }, origin);
  if (outcome.status === "not-found") throw noSuchMember(t);
  if (outcome.status === "no-such-requirement") return refuseForm(formResult(formData, { fieldErrors: { requirementId: t("recorded.noSuchRequirement", { ns: "council" }) } }));
  return redirectWithFlash(here, t("recorded.recorded", { ns: "council", title: record.title, name: member.user.name }));
}

export default function MemberTraining() {
  const { member, requirements, chosenRequirement, records } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("council");
  const language = useLanguage();
  const field = (name: string) => ({ name, defaultValue: result?.values[name] ?? "", error: result?.fieldErrors[name] });
  return (
    <>
      <BackLink to={`/council/members/${member.id}`}>{member.name}</BackLink>
      <ErrorSummary result={result} order={FIELDS} />
      <PageHeading>{t("recorded.heading", { name: member.name })}</PageHeading>
      <p>{t("recorded.intro", { name: member.name })}</p>
      {records.length === 0 ? (
        <p>{t("recorded.none", { name: member.name })}</p>
      ) : (
        <TableWrap label={t("recorded.caption", { name: member.name })}>
          <table>
            <caption className="visually-hidden">{t("recorded.caption", { name: member.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("recorded.columns.title")}</th>
                <th scope="col">{t("recorded.columns.provider")}</th>
                <th scope="col">{t("recorded.columns.date")}</th>
                <th scope="col">{t("recorded.columns.hours")}</th>
                <th scope="col">{t("recorded.columns.meets")}</th>
                <th scope="col">{t("recorded.columns.recordedBy")}</th>
                <th scope="col">{t("recorded.columns.evidence")}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id}>
                  <td>{record.title}</td>
                  <td>{record.provider}</td>
                  <td>{formatDate(record.completedOn, language)}</td>
                  <td>{record.hours === null ? "" : formatNumber(record.hours, language)}</td>
                  <td>{record.requirement ?? t("recorded.noRequirement")}</td>
                  <td>{record.council}</td>
                  <td>
                    <ul className="plain-list">
                      {record.evidence ? (
                        <li>
                          <a href={`/evidence/${record.evidence.id}`}>{record.evidence.name}</a>
                        </li>
                      ) : null}
                      {record.ours ? (
                        <li>
                          <Form method="post">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="recordedTrainingId" value={record.id} />
                            <button type="submit" className="link-button" aria-label={t("recorded.removeLabel", { title: record.title })}>
                              {t("recorded.remove")}
                            </button>
                          </Form>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t("recorded.addHeading")}</h2>
      <Form method="post" encType="multipart/form-data" noValidate>
        <TextField {...field("title")} label={t("recorded.title")} maxLength={150} />
        <TextField {...field("provider")} label={t("recorded.provider")} maxLength={150} />
        <TextField {...field("completedOn")} label={t("recorded.completedOn")} type="date" width="date" />
        <TextField {...field("hours")} label={t("recorded.hours")} hint={t("recorded.hoursHint")} inputMode="decimal" width="half" />
        <SelectField
          {...field("requirementId")}
          defaultValue={result?.values.requirementId ?? chosenRequirement}
          label={t("recorded.requirement")}
          options={[{ value: "", label: t("recorded.noRequirement") }, ...requirements.map((r) => ({ value: r.id, label: r.label }))]}
        />
        <EvidenceField label={t("recorded.evidence")} hint={t("requirements.exempt.evidenceHint")} error={result?.fieldErrors.evidence} />
        <SubmitButton>{t("recorded.submit")}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("council");
  return <RouteErrorBoundary links={[{ to: "/council", label: t("nav.members") }]} />;
}
