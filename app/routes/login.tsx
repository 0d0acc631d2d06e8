import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { EmailField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { signIn } from "~/models/account.server";
import { LOCKOUT_MINUTES } from "~/models/throttle.server";
import { requireAnonymous } from "~/utils/auth.server";
import { issueDeviceCookie, trustedDeviceFor } from "~/utils/device-cookie.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/redirect";
import { requestOrigin } from "~/utils/request.server";
import { CurrentPasswordSchema, EmailSchema } from "~/utils/schemas";
import { startSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Leadership Essentials" }];

const SignInSchema = z.object({ email: EmailSchema, password: CurrentPasswordSchema, redirectTo: z.string().optional() });

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const formData = await args.request.formData();
  const form = parseForm(formData, SignInSchema);
  if (!form.ok) return data(form, { status: 400 });

  const trustedDevice = trustedDeviceFor(args.request.headers.get("Cookie"), form.data.email);
  const outcome = await signIn({ ...form.data, trustedDevice }, requestOrigin(args));
  switch (outcome.status) {
    case "signed-in": {
      const cookie = await startSession(outcome.userId);
      return redirectWithFlash(safeRedirect(form.data.redirectTo), "You are signed in.", cookie, issueDeviceCookie(form.data.email));
    }
    case "invalid":
      return data(formFailure(formData, { form: "Enter a correct email address and password" }), { status: 400 });
    case "locked":
      return data(
        formFailure(formData, {
          form: `There have been too many attempts to sign in to this account. Wait ${LOCKOUT_MINUTES} minutes and try again, or reset your password.`,
        }),
        { status: 429 },
      );
    case "throttled":
      return data(
        formFailure(formData, { form: "There have been too many attempts to sign in from your network. Wait 15 minutes and try again." }),
        { status: 429 },
      );
    case "unconfirmed":
      return data(
        formFailure(formData, {
          form: "You need to confirm your email address before you can sign in. Use the link we emailed you, or ask for a new one below.",
        }),
        { status: 403 },
      );
  }
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = result && !result.ok ? result.errors : null;
  const values = result?.values ?? {};
  const unconfirmed = errors?.form?.startsWith("You need to confirm");
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} order={["email", "password"]} />
      <PageHeading>Sign in</PageHeading>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? searchParams.get("redirectTo") ?? ""} />
        <EmailField
          defaultValue={values.email}
          error={errors?.email}
        />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" error={errors?.password} />
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
