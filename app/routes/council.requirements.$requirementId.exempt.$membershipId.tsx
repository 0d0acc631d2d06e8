import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, EvidenceField, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { readEvidence } from "~/requirements/evidence.server";
import { exemptMember, memberAt, requirementAt, requirementLabel } from "~/requirements/requirements.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { ExemptionSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilExempt")));

const notThere = (t: TFunction) => notFound(t("requirements.notFound", { ns: "council" }));

/** The requirement and member the address names, both of the officer's council, or 404. */
async function requirementAndMember(councilId: string, args: LoaderFunctionArgs) {
  const [requirement, member] = await Promise.all([requirementAt(councilId, args.params.requirementId ?? ""), memberAt(councilId, args.params.membershipId ?? "")]);
  if (!requirement || !member) throw notThere(translatorFor(args.context.language));
  return { requirement: { id: requirement.id, label: requirementLabel(requirement, args.context.language) }, member: { id: member.id, name: member.user.name } };
}

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:require-training");
  return requirementAndMember(councilId, args);
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:require-training");
  const t = translatorFor(args.context.language);
  const { requirement, member } = await requirementAndMember(councilId, args);
  const formData = await args.request.formData();
  const form = parseForm(formData, ExemptionSchema, t);
  const evidence = await readEvidence(formData.get("evidence"));
  const evidenceError: Record<string, string> = "problem" in evidence ? { evidence: t(`requirements.evidenceProblems.${evidence.problem}`, { ns: "council" }) } : {};
  if (!form.ok || "problem" in evidence) {
    return refuseForm(formResult(formData, { fieldErrors: { ...(form.ok ? {} : form.result.fieldErrors), ...evidenceError } }));
  }
  const outcome = await exemptMember(
    { councilId, requirementId: requirement.id, membershipId: member.id, ...form.data, evidence: evidence.upload, actorId: officer.id },
    requestOrigin(args),
  );
  if (outcome.status === "not-found") throw notThere(t);
  if (outcome.status === "already-exempt") return refuseForm(formResult(formData, { formError: t("requirements.exempt.already", { ns: "council", name: member.name }) }), 409);
  return redirectWithFlash(`/council/requirements/${requirement.id}`, t("requirements.exempt.done", { ns: "council", name: member.name, requirement: requirement.label }));
}

export default function Exempt() {
  const { requirement, member } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("council");
  const field = (name: string) => ({ name, defaultValue: result?.values[name] ?? "", error: result?.fieldErrors[name] });
  return (
    <>
      <BackLink to={`/council/requirements/${requirement.id}`}>{t("requirements.backToRequirement", { requirement: requirement.label })}</BackLink>
      <ErrorSummary result={result} order={["reason", "approvedBy", "evidence"]} />
      <PageHeading caption={requirement.label}>{t("requirements.exempt.heading", { name: member.name })}</PageHeading>
      <p>{t("requirements.exempt.intro", { name: member.name, requirement: requirement.label })}</p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <TextField {...field("reason")} label={t("requirements.exempt.reason")} maxLength={300} />
        <TextField {...field("approvedBy")} label={t("requirements.exempt.approvedBy")} hint={t("requirements.exempt.approvedByHint")} maxLength={150} />
        <EvidenceField label={t("requirements.exempt.evidence")} hint={t("requirements.exempt.evidenceHint")} error={result?.fieldErrors.evidence} />
        <SubmitButton>{t("requirements.exempt.submit", { name: member.name })}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("council");
  return <RouteErrorBoundary links={[{ to: "/council/requirements", label: t("requirements.backToRequirements") }]} />;
}
