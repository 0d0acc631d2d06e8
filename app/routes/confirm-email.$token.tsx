import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { Sentence } from "~/components/sentence";
import { SubmitButton } from "~/components/forms";
import { confirmEmail } from "~/models/account.server";
import { checkToken } from "~/models/user-token.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requestOrigin } from "~/utils/request.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.confirmEmail"));

// Opening the link only shows a button: the confirmation itself is a POST, so no state changes on GET
// (and email scanners that open links do not use them up).
export async function loader({ params }: LoaderFunctionArgs) {
  // public: anyone holding the link may confirm it
  const check = await checkToken(params.token ?? "", "confirm-email");
  return { status: check.status };
}

export async function action(args: ActionFunctionArgs) {
  // public: anyone holding the link may confirm it
  const status = await confirmEmail(args.params.token ?? "", requestOrigin(args));
  if (status === "confirmed") {
    const t = translatorFor(args.context.language);
    return redirectWithFlash(args.context.user ? "/" : "/login", t("confirmEmail.confirmed", { ns: "auth" }));
  }
  return data({ status }, { status: 400 });
}

export default function ConfirmEmail() {
  const { t } = useTranslation("auth");
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const status = acted?.status ?? loaded.status;
  if (status !== "valid") return <LinkProblem status={status} />;
  return (
    <div className="narrow">
      <PageHeading>{t("confirmEmail.heading")}</PageHeading>
      <p>{t("confirmEmail.intro")}</p>
      <Form method="post">
        <SubmitButton>{t("confirmEmail.submit")}</SubmitButton>
      </Form>
    </div>
  );
}

function LinkProblem({ status }: { status: string }) {
  const { t } = useTranslation("auth");
  const title = status === "expired" ? t("link.expired") : status === "used" ? t("link.used") : t("link.invalid");
  return (
    <div className="narrow">
      <PageHeading>{title}</PageHeading>
      <p>{status === "used" ? t("confirmEmail.used") : t("confirmEmail.expiredOrInvalid")}</p>
      <p>
        <Sentence text={t("confirmEmail.next")} components={{ login: <Link to="/login" />, confirm: <Link to="/confirm-email" /> }} />
      </p>
    </div>
  );
}
