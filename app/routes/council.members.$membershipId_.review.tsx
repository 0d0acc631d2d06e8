import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { CheckboxesField, ErrorSummary, RadioField, SubmitButton, TextArea, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { getCatalogue } from "~/content/content.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { reviewFor, saveReview } from "~/requirements/reviews.server";
import { REVIEW_OUTCOMES } from "~/requirements/rules";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, refuseForm, toDateInputValue } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { askedMunicipalYear, ReviewSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.councilReview")));

const noSuchMember = (t: TFunction) => notFound(t("member.notFound", { ns: "council" }));

/** The year asked for (this municipal year unless an earlier one is named), and the member, or 404. */
async function reviewHere(councilId: string, args: LoaderFunctionArgs) {
  const municipalYear = askedMunicipalYear(args.request);
  const found = await reviewFor({ councilId, membershipId: args.params.membershipId ?? "", municipalYear });
  if (!found) throw noSuchMember(translatorFor(args.context.language));
  return { ...found, municipalYear };
}

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:require-training");
  const found = await reviewHere(councilId, args);
  return { ...found, modules: getCatalogue(args.context.language).modules.map(({ id, title }) => ({ id, title })) };
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:require-training");
  const t = translatorFor(args.context.language);
  const { id, municipalYear } = await reviewHere(councilId, args);
  const formData = await args.request.formData();
  const enrolOn = formData.getAll("enrolOn").filter((moduleId): moduleId is string => typeof moduleId === "string");
  const form = parseForm(formData, ReviewSchema, t);
  if (!form.ok) return refuseForm({ ...form.result, enrolOn });
  const outcome = await saveReview({ councilId, membershipId: id, municipalYear, record: form.data, enrolOn, actorId: officer.id }, requestOrigin(args));
  if (outcome.status === "not-found") throw noSuchMember(t);
  return redirectWithFlash(`/council/reviews?year=${municipalYear}`, t("review.saved", { ns: "council", count: outcome.enrolled }));
}

export default function Review() {
  const { name, review, municipalYear, modules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("council");
  const saved = {
    offeredOn: toDateInputValue(review?.offeredOn),
    outcome: review?.outcome ?? "",
    heldOn: toDateInputValue(review?.heldOn),
    reviewer: review?.reviewer ?? "",
    needs: review?.needs ?? "",
  };
  const field = (key: keyof typeof saved) => ({ name: key, defaultValue: result?.values[key] ?? saved[key], error: result?.fieldErrors[key] });
  return (
    <>
      <BackLink to={`/council/reviews?year=${municipalYear}`}>{t("reviews.heading", { from: municipalYear, to: municipalYear + 1 })}</BackLink>
      <ErrorSummary result={result} order={["offeredOn", "outcome", "heldOn", "reviewer", "needs"]} />
      <PageHeading caption={t("reviews.heading", { from: municipalYear, to: municipalYear + 1 })}>{t("review.heading", { name })}</PageHeading>
      <p>{t("review.intro", { name })}</p>
      <Form method="post" noValidate>
        <TextField {...field("offeredOn")} label={t("review.offeredOn")} type="date" width="date" />
        <RadioField
          {...field("outcome")}
          legend={t("review.outcome")}
          options={[{ value: "", label: t("review.noAnswer") }, ...REVIEW_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`reviews.outcomes.${outcome}`) }))]}
        />
        <TextField {...field("heldOn")} label={t("review.heldOn")} hint={t("review.heldOnHint")} type="date" width="date" />
        <TextField {...field("reviewer")} label={t("review.reviewer")} hint={t("review.reviewerHint")} maxLength={150} />
        <TextArea {...field("needs")} label={t("review.needs")} hint={t("review.needsHint", { name })} rows={6} prose />
        <CheckboxesField
          name="enrolOn"
          legend={t("review.enrolOn")}
          hint={t("review.enrolOnHint", { name })}
          checked={result && "enrolOn" in result ? result.enrolOn : []}
          options={modules.map((module) => ({ value: module.id, label: module.title }))}
        />
        <SubmitButton>{t("review.save")}</SubmitButton>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("council");
  return <RouteErrorBoundary links={[{ to: "/council/reviews", label: t("nav.reviews") }]} />;
}
