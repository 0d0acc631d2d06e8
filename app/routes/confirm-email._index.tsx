import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.confirmEmail"));

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const form = parseForm(await args.request.formData(), EmailFormSchema);
  if (!form.ok) return refuseForm(form.result);
  const origin = requestOrigin(args);
  // The same answer, in the same time, whether or not the address has an account waiting.
  runAfterResponse("Confirmation email", () => resendEmailConfirmation({ email: form.data.email, appUrl: appUrl() }, origin));
  return redirectWithFlash(
    "/confirm-email",
    `If ${form.data.email} belongs to an account that still needs confirming, we have sent a new link to it.`,
  );
}

export default function CheckEmail() {
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <ErrorSummary result={result} />
      <PageHeading>Check your email</PageHeading>
      <p>
        To finish creating your account, open the link in the email we sent you. The link works once and expires after 24
        hours.
      </p>
      <p>If the email has not arrived after a few minutes, check your junk folder, or ask for a new link.</p>
      <h2>Send the link again</h2>
      <Form method="post" noValidate>
        <EmailField
          defaultValue={result?.values.email}
          error={result?.fieldErrors.email}
        />
        <SubmitButton secondary>Send a new link</SubmitButton>
      </Form>
    </div>
  );
}
