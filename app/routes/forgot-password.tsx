import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField, ErrorSummary, SubmitButton } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { requestPasswordReset } from "~/models/account.server";
import { runAfterResponse } from "~/utils/after-response.server";
import { requireAnonymous } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, refuseForm } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { EmailFormSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.forgotPassword"));

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const t = translatorFor(args.context.language);
  const form = parseForm(await args.request.formData(), EmailFormSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const origin = requestOrigin(args);
  // The same answer, in the same time, whether or not the address has an account.
  runAfterResponse("Password reset request", () => requestPasswordReset({ email: form.data.email, appUrl: appUrl() }, origin));
  return redirectWithFlash("/login", t("forgotPassword.sent", { ns: "auth", email: form.data.email }));
}

export default function ForgotPassword() {
  const { t } = useTranslation("auth");
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <BackLink to="/login">{t("forgotPassword.back")}</BackLink>
      <ErrorSummary result={result} />
      <PageHeading>{t("forgotPassword.heading")}</PageHeading>
      <p>{t("forgotPassword.intro")}</p>
      <Form method="post" noValidate>
        <EmailField
          defaultValue={result?.values.email}
          error={result?.fieldErrors.email}
        />
        <SubmitButton>{t("forgotPassword.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
