import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { confirmEmailChange } from "~/models/account.server";
import { checkToken, issueToken } from "~/models/user-token.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requestOrigin } from "~/utils/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.changeEmail"));

// Opening the link only shows the address and a button: the change is a POST (no state changes on GET,
// and email scanners that open links do not use them up).
export async function loader({ params }: LoaderFunctionArgs) {
  // public: anyone holding the link may use it
  const check = await checkToken(params.token ?? "", "change-email");
  return check.status === "valid" ? { status: check.status, email: check.newEmail } : { status: check.status, email: null };
}

export async function action(args: ActionFunctionArgs) {
  // public: anyone holding the link may use it
  const outcome = await confirmEmailChange(args.params.token ?? "", requestOrigin(args));
  if (outcome.status !== "changed") return data({ status: outcome.status }, { status: 400 });
  const t = translatorFor(args.context.language);
  const message = t("changeEmail.changed", { ns: "auth", email: outcome.email });
  // Invited by their council and never signed in: the same visit goes on to choose a password.
  if (!outcome.hasPassword) {
    const invitation = await issueToken({ userId: outcome.userId, purpose: "invitation" });
    return redirectWithFlash(`/invitation/${invitation}`, message);
  }
  return redirectWithFlash(args.context.user ? "/account" : "/login", message);
}

export default function ChangeEmail() {
  const { t } = useTranslation("auth");
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const status = acted?.status ?? loaded.status;
  if (status === "email-taken") {
    return (
      <div className="narrow">
        <PageHeading>{t("changeEmail.takenHeading")}</PageHeading>
        <p>{t("changeEmail.taken")}</p>
      </div>
    );
  }
  if (status !== "valid") {
    const title = status === "expired" ? t("link.expired") : status === "used" ? t("link.used") : t("link.invalid");
    return (
      <div className="narrow">
        <PageHeading>{title}</PageHeading>
        <p>{t("changeEmail.expiredOrInvalid")}</p>
        <p>
          <Link to="/login">{t("changeEmail.signIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading>{t("changeEmail.heading")}</PageHeading>
      <p>{t("changeEmail.intro", { email: loaded.email })}</p>
      <Form method="post">
        <SubmitButton>{t("changeEmail.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
