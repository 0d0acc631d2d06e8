import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilField } from "~/components/council-field";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { MembershipList } from "~/components/membership-list";
import { claimMembership, membershipsOf, withdrawClaim } from "~/councils/membership.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { findCouncilByName, listCouncils } from "~/models/council.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { ClaimMembershipSchema, MembershipIdSchema } from "~/utils/schemas.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.accountCouncils"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "membership:claim");
  const [memberships, councils] = await Promise.all([membershipsOf(user.id), listCouncils()]);
  return { memberships, councils };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "membership:claim");
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const origin = requestOrigin(args);
  if (formData.get("intent") === "withdraw") {
    const form = parseForm(formData, MembershipIdSchema, t);
    const outcome = form.ok ? await withdrawClaim({ userId: user.id, membershipId: form.data.membershipId }, origin) : null;
    if (outcome?.status !== "withdrawn") throw notFound(t("councils.claimNotFound", { ns: "account" }));
    return redirectWithFlash("/account/councils", t("councils.withdrawn", { ns: "account" }));
  }
  const form = parseForm(formData, ClaimMembershipSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const council = await findCouncilByName(form.data.council);
  if (!council) return refuseForm(formResult(formData, { fieldErrors: { council: t("council.notListed", { ns: "validation" }) } }));
  const outcome = await claimMembership({ userId: user.id, councilId: council.id, memberSince: form.data.electedOn }, origin);
  if (outcome.status === "already-member") {
    return refuseForm(formResult(formData, { fieldErrors: { council: t("councils.alreadyMember", { ns: "account", council: council.name }) } }));
  }
  return redirectWithFlash("/account/councils", t("councils.claimed", { ns: "account", council: council.name }));
}

export default function YourCouncils() {
  const { memberships, councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["account", "auth"]);
  return (
    <div className="narrow">
      <BackLink to="/account">{t("profile.back")}</BackLink>
      <ErrorSummary result={result} order={["council", "electedOn"]} />
      <PageHeading>{t("councils.heading")}</PageHeading>
      <p>{t("councils.intro")}</p>
      <MembershipList memberships={memberships} withdraw headingLevel={2} />
      <h2>{t("councils.addHeading")}</h2>
      <p>{t("councils.addIntro")}</p>
      <Form method="post" noValidate>
        <CouncilField councils={councils} defaultValue={result?.values.council} error={result?.fieldErrors.council} />
        <TextField
          name="electedOn"
          label={t("auth:signup.electedOn")}
          hint={t("auth:signup.electedOnHint")}
          type="date"
          width="date"
          defaultValue={result?.values.electedOn}
          error={result?.fieldErrors.electedOn}
        />
        <SubmitButton secondary>{t("councils.add")}</SubmitButton>
      </Form>
    </div>
  );
}
