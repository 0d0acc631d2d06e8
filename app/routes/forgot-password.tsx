import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.forgotPassword"));

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const form = parseForm(await args.request.formData(), EmailFormSchema);
  if (!form.ok) return refuseForm(form.result);
  const origin = requestOrigin(args);
  // The same answer, in the same time, whether or not the address has an account.
  runAfterResponse("Password reset request", () => requestPasswordReset({ email: form.data.email, appUrl: appUrl() }, origin));
  return redirectWithFlash(
    "/login",
    `If ${form.data.email} belongs to an account, we have sent it a link to reset the password. The link expires in 1 hour.`,
  );
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <BackLink to="/login">Back to sign in</BackLink>
      <ErrorSummary result={result} />
      <PageHeading>Reset your password</PageHeading>
      <p>Enter the email address you use for Leadership Essentials and we will send you a link to choose a new password.</p>
      <Form method="post" noValidate>
        <EmailField
          defaultValue={result?.values.email}
          error={result?.fieldErrors.email}
        />
        <SubmitButton>Send the link</SubmitButton>
      </Form>
    </div>
  );
}
