import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/page";
import { SubmitButton } from "~/components/forms";
import { confirmEmail } from "~/models/account.server";
import { checkToken } from "~/models/user-token.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requestOrigin } from "~/utils/request.server";
import { pageTitle } from "~/i18n/meta";

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
    return redirectWithFlash(args.context.user ? "/" : "/login", "Your email address is confirmed. You can now sign in.");
  }
  return data({ status }, { status: 400 });
}

export default function ConfirmEmail() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const status = acted?.status ?? loaded.status;
  if (status !== "valid") return <LinkProblem status={status} />;
  return (
    <div className="narrow">
      <PageHeading>Confirm your email address</PageHeading>
      <p>Select the button to confirm this is your email address and finish creating your account.</p>
      <Form method="post">
        <SubmitButton>Confirm my email address</SubmitButton>
      </Form>
    </div>
  );
}

function LinkProblem({ status }: { status: string }) {
  const title =
    status === "expired" ? "This link has expired" : status === "used" ? "This link has already been used" : "This link is not valid";
  return (
    <div className="narrow">
      <PageHeading>{title}</PageHeading>
      <p>
        {status === "used"
          ? "Your email address may already be confirmed: try signing in."
          : "Links to confirm an email address work once and expire after 24 hours. Check you copied the whole link, or ask for a new one."}
      </p>
      <p>
        <Link to="/login">Sign in</Link> or <Link to="/confirm-email">send a new confirmation link</Link>.
      </p>
    </div>
  );
}
