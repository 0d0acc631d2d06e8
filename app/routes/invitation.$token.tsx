import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordPage } from "~/components/set-password";
import { loadPasswordLink, setPasswordFromLink } from "~/utils/password-link.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.invitation"));

export function loader(args: LoaderFunctionArgs) {
  // public: anyone holding the invitation link may use it
  return loadPasswordLink(args, "invitation");
}

export function action(args: ActionFunctionArgs) {
  // public: anyone holding the invitation link may use it
  return setPasswordFromLink(args, "invitation", "Your account is ready and you are signed in.");
}

export default function AcceptInvitation() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      status={result?.status ?? loaded.status}
      title="Set up your account"
      intro="The association has created a Leadership Essentials account for you as a council officer. Choose a password to start using it."
      result={result}
      button="Set password and continue"
    />
  );
}
