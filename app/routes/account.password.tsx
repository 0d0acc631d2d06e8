import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { changePassword } from "~/models/account.server";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { CurrentPasswordSchema, NewPasswordSchema } from "~/utils/schemas";
import { startSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Change your password – Leadership Essentials" }];

const ChangePasswordSchema = z.object({ currentPassword: CurrentPasswordSchema, newPassword: NewPasswordSchema });

export function loader(args: LoaderFunctionArgs) {
  requireUser(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await args.request.formData();
  const form = parseForm(formData, ChangePasswordSchema);
  if (!form.ok) return data(form, { status: 400 });
  const outcome = await changePassword({ userId: user.id, ...form.data }, requestOrigin(args));
  if (outcome.status === "wrong-password") {
    return data(formFailure(formData, { currentPassword: "Your current password is not right" }), { status: 400 });
  }
  if (outcome.status === "weak-password") return data(formFailure(formData, { newPassword: outcome.problem }), { status: 400 });
  // Every session ended with the change: this browser carries on in a new one.
  return redirectWithFlash("/account", "Your password has been changed. Any other sessions have been signed out.", await startSession(user.id));
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : null;
  return (
    <div className="narrow">
      <BackLink to="/account">Back to your account</BackLink>
      <ErrorSummary errors={errors} order={["currentPassword", "newPassword"]} />
      <PageHeading>Change your password</PageHeading>
      <p>Changing your password signs you out on every other device.</p>
      <Form method="post" noValidate>
        <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={errors?.currentPassword} />
        <TextField
          name="newPassword"
          label="New password"
          hint="At least 10 characters. A good way to make one you will remember is three random words together."
          type="password"
          autoComplete="new-password"
          error={errors?.newPassword}
        />
        <SubmitButton>Change password</SubmitButton>
      </Form>
    </div>
  );
}
