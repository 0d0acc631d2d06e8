import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField, ErrorSummary, SubmitButton } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { resendEmailConfirmation } from "~/models/account.server";
import { runAfterResponse } from "~/utils/after-response.server";
import { requireAnonymous } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, refuseForm } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { EmailFormSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.confirmEmail"));

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
  // The same answer, in the same time, whether or not the address has an account waiting.
  runAfterResponse("Confirmation email", () => resendEmailConfirmation({ email: form.data.email, appUrl: appUrl() }, origin));
  return redirectWithFlash("/confirm-email", t("checkEmail.sent", { ns: "auth", email: form.data.email }));
}

export default function CheckEmail() {
  const { t } = useTranslation("auth");
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <ErrorSummary result={result} />
      <PageHeading>{t("checkEmail.heading")}</PageHeading>
      <p>{t("checkEmail.intro")}</p>
      <p>{t("checkEmail.notArrived")}</p>
      <h2>{t("checkEmail.again")}</h2>
      <Form method="post" noValidate>
        <EmailField
          defaultValue={result?.values.email}
          error={result?.fieldErrors.email}
        />
        <SubmitButton secondary>{t("checkEmail.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
