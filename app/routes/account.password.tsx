import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { changePassword } from "~/models/account.server";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { ChangePasswordSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.changePassword"));

export function loader(args: LoaderFunctionArgs) {
  requireUser(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await args.request.formData();
  const form = parseForm(formData, ChangePasswordSchema, translatorFor(args.context.language));
  if (!form.ok) return refuseForm(form.result);
  const outcome = await changePassword({ userId: user.id, ...form.data }, requestOrigin(args));
  if (outcome.status === "wrong-password") {
    return refuseForm(formResult(formData, { fieldErrors: { currentPassword: "Your current password is not right" } }));
  }
  if (outcome.status === "weak-password") return refuseForm(formResult(formData, { fieldErrors: { newPassword: translatorFor(args.context.language)(outcome.problem, { ns: "validation" }) } }));
  // Every session ended with the change: this browser carries on in a new one.
  return redirectWithFlash("/account", "Your password has been changed. Any other sessions have been signed out.", outcome.cookie);
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <BackLink to="/account">Back to your account</BackLink>
      <ErrorSummary result={result} order={["currentPassword", "newPassword"]} />
      <PageHeading>Change your password</PageHeading>
      <p>Changing your password signs you out on every other device.</p>
      <Form method="post" noValidate>
        <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={result?.fieldErrors.currentPassword} />
        <TextField
          name="newPassword"
          label="New password"
          hint="At least 10 characters. A good way to make one you will remember is three random words together."
          type="password"
          autoComplete="new-password"
          error={result?.fieldErrors.newPassword}
        />
        <SubmitButton>Change password</SubmitButton>
      </Form>
    </div>
  );
}
