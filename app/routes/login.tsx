import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { Sentence } from "~/components/sentence";
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
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.signIn"));

export function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const form = parseForm(formData, SignInSchema, t);
  if (!form.ok) return refuseForm(form.result);

  const trustedDevice = trustedDeviceFor(args.request.headers.get("Cookie"), form.data.email);
  const outcome = await signIn({ ...form.data, trustedDevice }, requestOrigin(args));
  switch (outcome.status) {
    case "signed-in":
      return redirectWithFlash(safeRedirect(form.data.redirectTo), t("login.signedIn", { ns: "auth" }), outcome.cookie, issueDeviceCookie(form.data.email));
    case "invalid":
      return refuseForm(formResult(formData, { formError: t("login.invalid", { ns: "auth" }) }));
    case "locked":
      return refuseForm(
        formResult(formData, {
          formError: t("login.locked", { ns: "auth", minutes: LOCKOUT_MINUTES }),
        }),
        429,
      );
    case "throttled":
      return refuseForm(
        formResult(formData, { formError: t("login.throttled", { ns: "auth" }) }),
        429,
      );
    case "unconfirmed":
      // `unconfirmed` tells the page to offer the confirmation link again
      return refuseForm({ ...formResult(formData, { formError: t("login.unconfirmed", { ns: "auth" }) }), unconfirmed: true }, 403);
  }
}

export default function Login() {
  const { t } = useTranslation("auth");
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const values = result?.values ?? {};
  const unconfirmed = result && "unconfirmed" in result;
  return (
    <div className="narrow">
      <ErrorSummary result={result} order={["email", "password"]} />
      <PageHeading>{t("login.heading")}</PageHeading>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? searchParams.get("redirectTo") ?? ""} />
        <EmailField
          defaultValue={values.email}
          error={result?.fieldErrors.email}
        />
        <TextField name="password" label={t("login.password")} type="password" autoComplete="current-password" error={result?.fieldErrors.password} />
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </Form>
      {unconfirmed ? (
        <p>
          <Link to="/confirm-email">{t("login.resendConfirmation")}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/forgot-password">{t("login.forgotten")}</Link>
      </p>
      <h2>{t("login.newHere")}</h2>
      <p>
        <Sentence text={t("login.newHereText")} components={{ signup: <Link to="/signup" /> }} />
      </p>
    </div>
  );
}
