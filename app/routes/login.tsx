import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { EmailField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { signIn } from "~/models/account.server";
import { LOCKOUT_MINUTES } from "~/models/throttle.server";
import { requireAnonymous } from "~/utils/auth.server";
import { issueDeviceCookie, trustedDeviceFor } from "~/utils/device-cookie.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/redirect";
import { requestOrigin } from "~/utils/request.server";
import { SignInSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.signIn"));

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const formData = await args.request.formData();
  const form = parseForm(formData, SignInSchema);
  if (!form.ok) return refuseForm(form.result);

  const trustedDevice = trustedDeviceFor(args.request.headers.get("Cookie"), form.data.email);
  const outcome = await signIn({ ...form.data, trustedDevice }, requestOrigin(args));
  switch (outcome.status) {
    case "signed-in":
      return redirectWithFlash(safeRedirect(form.data.redirectTo), "You are signed in.", outcome.cookie, issueDeviceCookie(form.data.email));
    case "invalid":
      return refuseForm(formResult(formData, { formError: "Enter a correct email address and password" }));
    case "locked":
      return refuseForm(
        formResult(formData, {
          formError: `There have been too many attempts to sign in to this account. Wait ${LOCKOUT_MINUTES} minutes and try again, or reset your password.`,
        }),
        429,
      );
    case "throttled":
      return refuseForm(
        formResult(formData, { formError: "There have been too many attempts to sign in from your network. Wait 15 minutes and try again." }),
        429,
      );
    case "unconfirmed":
      return refuseForm(
        formResult(formData, {
          formError: "You need to confirm your email address before you can sign in. Use the link we emailed you, or ask for a new one below.",
        }),
        403,
      );
  }
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const values = result?.values ?? {};
  const unconfirmed = result?.formError?.startsWith("You need to confirm");
  return (
    <div className="narrow">
      <ErrorSummary result={result} order={["email", "password"]} />
      <PageHeading>Sign in</PageHeading>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? searchParams.get("redirectTo") ?? ""} />
        <EmailField
          defaultValue={values.email}
          error={result?.fieldErrors.email}
        />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" error={result?.fieldErrors.password} />
        <SubmitButton>Sign in</SubmitButton>
      </Form>
      {unconfirmed ? (
        <p>
          <Link to="/confirm-email">Send the confirmation link again</Link>
        </p>
      ) : null}
      <p>
        <Link to="/forgot-password">Forgotten your password?</Link>
      </p>
      <h2>New to Leadership Essentials?</h2>
      <p>
        Councillors can <Link to="/signup">create an account</Link>. Council officers are invited by the association: ask your
        member development team.
      </p>
    </div>
  );
}
