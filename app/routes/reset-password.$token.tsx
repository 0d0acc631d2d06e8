import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordPage } from "~/components/set-password";
import { loadPasswordLink, setPasswordFromLink } from "~/utils/password-link.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.resetPassword"));

export function loader(args: LoaderFunctionArgs) {
  // public: anyone holding the link may use it
  return loadPasswordLink(args, "reset-password");
}

export function action(args: ActionFunctionArgs) {
  // public: anyone holding the link may use it
  return setPasswordFromLink(
    args,
    "reset-password",
    "Your password has been reset and you are signed in. Any other sessions have been signed out.",
  );
}

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      status={result?.status ?? loaded.status}
      title="Choose a new password"
      intro="Choose a new password for your account. You will be signed out everywhere else."
      result={result}
      button="Save new password"
    />
  );
}
