import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CouncilField } from "~/components/council-field";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { findCouncilByName, listCouncils } from "~/models/council.server";
import { createOfficer } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { OfficerInvitationSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.inviteOfficer"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  return { councils: await listCouncils() };
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "users:manage");
  const formData = await args.request.formData();
  const form = parseForm(formData, OfficerInvitationSchema, translatorFor(args.context.language));
  if (!form.ok) return refuseForm(form.result);
  const council = await findCouncilByName(form.data.council);
  if (!council) return refuseForm(formResult(formData, { fieldErrors: { council: "Choose a council from the list" } }));
  const outcome = await createOfficer(
    { ...form.data, councilId: council.id, actorId: staff.id, appUrl: appUrl() },
    requestOrigin(args),
  );
  if (outcome.status === "email-taken") {
    return refuseForm(formResult(formData, { fieldErrors: { email: "An account already uses this email address" } }));
  }
  return redirectWithFlash(`/staff/users/${outcome.userId}`, `We have sent an invitation to ${form.data.email}.`);
}

export default function NewOfficer() {
  const { councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  return (
    <div className="narrow">
      <BackLink to="/staff/users">Back to accounts</BackLink>
      <ErrorSummary result={result} order={["name", "email", "council"]} />
      <PageHeading caption="Association staff">Invite a council officer</PageHeading>
      <p>The officer will be able to see their own council&apos;s members only. We will email them a link to set a password.</p>
      <Form method="post" noValidate>
        <TextField name="name" label="Full name" defaultValue={values.name} error={result?.fieldErrors.name} maxLength={100} />
        {/* Someone else's address: no autocomplete from the staff member's own details. */}
        <TextField name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} defaultValue={values.email} error={result?.fieldErrors.email} />
        <CouncilField councils={councils} label="Council" defaultValue={values.council} error={result?.fieldErrors.council} />
        <SubmitButton>Create account and send invitation</SubmitButton>
      </Form>
    </div>
  );
}
