import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { changePassword } from "~/models/account.server";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { ChangePasswordSchema } from "~/utils/schemas.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.changePassword"));

export function loader(args: LoaderFunctionArgs) {
  requireUser(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await args.request.formData();
  const t = translatorFor(args.context.language);
  const form = parseForm(formData, ChangePasswordSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const outcome = await changePassword({ userId: user.id, ...form.data }, requestOrigin(args));
  if (outcome.status === "wrong-password") {
    return refuseForm(formResult(formData, { fieldErrors: { currentPassword: t("password.wrongCurrent", { ns: "account" }) } }));
  }
  if (outcome.status === "weak-password") return refuseForm(formResult(formData, { fieldErrors: { newPassword: t(outcome.problem, { ns: "validation" }) } }));
  // Every session ended with the change: this browser carries on in a new one.
  return redirectWithFlash("/account", t("password.changed", { ns: "account" }), outcome.cookie);
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  return (
    <div className="narrow">
      <BackLink to="/account">{t("password.back")}</BackLink>
      <ErrorSummary result={result} order={["currentPassword", "newPassword"]} />
      <PageHeading>{t("password.heading")}</PageHeading>
      <p>{t("password.intro")}</p>
      <Form method="post" noValidate>
        <TextField name="currentPassword" label={t("password.current")} type="password" autoComplete="current-password" error={result?.fieldErrors.currentPassword} />
        <TextField
          name="newPassword"
          label={t("password.new")}
          hint={t("password.newHint")}
          type="password"
          autoComplete="new-password"
          error={result?.fieldErrors.newPassword}
        />
        <SubmitButton>{t("password.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
