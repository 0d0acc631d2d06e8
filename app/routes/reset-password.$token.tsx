import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SetPasswordPage } from "~/components/set-password";
import { loadPasswordLink, setPasswordFromLink } from "~/utils/password-link.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.resetPassword"));

export function loader(args: LoaderFunctionArgs) {
  // public: anyone holding the link may use it
  return loadPasswordLink(args, "reset-password");
}

export function action(args: ActionFunctionArgs) {
  // public: anyone holding the link may use it
  return setPasswordFromLink(args, "reset-password", translatorFor(args.context.language)("resetPassword.done", { ns: "auth" }));
}

export default function ResetPassword() {
  const { t } = useTranslation("auth");
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      status={result?.status ?? loaded.status}
      title={t("resetPassword.heading")}
      intro={t("resetPassword.intro")}
      result={result}
      button={t("resetPassword.submit")}
    />
  );
}
