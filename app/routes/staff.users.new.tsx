import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilField } from "~/components/council-field";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { findCouncilByName, listCouncils } from "~/models/council.server";
import { createOfficer } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { OfficerInvitationSchema } from "~/utils/schemas.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.inviteOfficer"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  return { councils: await listCouncils() };
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "users:manage");
  const formData = await args.request.formData();
  const t = translatorFor(args.context.language);
  const form = parseForm(formData, OfficerInvitationSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const council = await findCouncilByName(form.data.council);
  if (!council) return refuseForm(formResult(formData, { fieldErrors: { council: t("invite.councilNotListed", { ns: "staff" }) } }));
  const outcome = await createOfficer(
    { ...form.data, councilId: council.id, actorId: staff.id, appUrl: appUrl() },
    requestOrigin(args),
  );
  if (outcome.status === "email-taken") {
    return refuseForm(formResult(formData, { fieldErrors: { email: t("invite.emailTaken", { ns: "staff" }) } }));
  }
  return redirectWithFlash(`/staff/users/${outcome.userId}`, t("invite.sent", { ns: "staff", email: form.data.email }));
}

export default function NewOfficer() {
  const { councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  const { t } = useTranslation("staff");
  return (
    <div className="narrow">
      <BackLink to="/staff/users">{t("invite.back")}</BackLink>
      <ErrorSummary result={result} order={["name", "email", "council"]} />
      <PageHeading caption={t("caption")}>{t("invite.heading")}</PageHeading>
      <p>{t("invite.intro")}</p>
      <Form method="post" noValidate>
        <TextField name="name" label={t("invite.name")} defaultValue={values.name} error={result?.fieldErrors.name} maxLength={100} />
        {/* Someone else's address: no autocomplete from the staff member's own details. */}
        <TextField name="email" label={t("invite.email")} type="email" autoComplete="off" spellCheck={false} defaultValue={values.email} error={result?.fieldErrors.email} />
        <CouncilField councils={councils} label={t("invite.council")} defaultValue={values.council} error={result?.fieldErrors.council} />
        <SubmitButton>{t("invite.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
