import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SetPasswordPage } from "~/components/set-password";
import { loadPasswordLink, setPasswordFromLink } from "~/utils/password-link.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.invitation"));

export function loader(args: LoaderFunctionArgs) {
  // public: anyone holding the invitation link may use it
  return loadPasswordLink(args, "invitation");
}

export function action(args: ActionFunctionArgs) {
  // public: anyone holding the invitation link may use it
  return setPasswordFromLink(args, "invitation", translatorFor(args.context.language)("invitation.done", { ns: "auth" }));
}

export default function AcceptInvitation() {
  const { t } = useTranslation("auth");
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      status={result?.status ?? loaded.status}
      title={t("invitation.heading")}
      intro={t("invitation.intro")}
      result={result}
      button={t("invitation.submit")}
    />
  );
}
