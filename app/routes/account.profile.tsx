import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CouncilField } from "~/components/council-field";
import { EmailField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { findCouncilByName, listCouncils } from "~/models/council.server";
import { getProfile, updateProfile, type ProfileChange } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm, toDateInputValue } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { CouncillorProfileSchema, ProfileSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.changeDetails"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "profile:edit");
  const profile = await getProfile({ userId: user.id });
  if (!profile) throw new Response("Account not found", { status: 404 });
  return { profile, councils: profile.role === "councillor" ? await listCouncils() : [] };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "profile:edit");
  const formData = await args.request.formData();
  let change: ProfileChange;
  if (user.role === "councillor") {
    const form = parseForm(formData, CouncillorProfileSchema, translatorFor(args.context.language));
    if (!form.ok) return refuseForm(form.result);
    const council = await findCouncilByName(form.data.council);
    if (!council) return refuseForm(formResult(formData, { fieldErrors: { council: "Choose a council from the list" } }));
    change = { ...form.data, councilId: council.id };
  } else {
    const form = parseForm(formData, ProfileSchema, translatorFor(args.context.language));
    if (!form.ok) return refuseForm(form.result);
    change = form.data;
  }
  const outcome = await updateProfile({ userId: user.id, change, appUrl: appUrl() }, requestOrigin(args));
  if (outcome.status === "email-taken") {
    return refuseForm(formResult(formData, { fieldErrors: { email: "Another account already uses this email address" } }));
  }
  return redirectWithFlash(
    "/account",
    outcome.emailChanged
      ? `Your details have been saved. We have sent a link to ${change.email}: confirm it before you next sign in.`
      : "Your details have been saved.",
  );
}

export default function EditProfile() {
  const { profile, councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {
    name: profile.name,
    email: profile.email,
    council: profile.council?.name ?? "",
    electedOn: toDateInputValue(profile.electedOn),
  };
  return (
    <div className="narrow">
      <BackLink to="/account">Back to your account</BackLink>
      <ErrorSummary result={result} order={["name", "email", "council", "electedOn"]} />
      <PageHeading>Change your details</PageHeading>
      <Form method="post" noValidate>
        <TextField name="name" label="Full name" autoComplete="name" defaultValue={values.name} error={result?.fieldErrors.name} maxLength={100} />
        <EmailField
          hint="If you change it, we will send a link to the new address and you will need to confirm it before you next sign in."
          defaultValue={values.email}
          error={result?.fieldErrors.email}
        />
        {profile.role === "councillor" ? (
          <>
            <CouncilField councils={councils} defaultValue={values.council} error={result?.fieldErrors.council} />
            <TextField
              name="electedOn"
              label="Date you were elected"
              type="date"
              width="date"
              defaultValue={values.electedOn}
              error={result?.fieldErrors.electedOn}
            />
          </>
        ) : (
          <p className="secondary">{profile.council ? `Your council (${profile.council.name}) is set by the association.` : null}</p>
        )}
        <SubmitButton>Save changes</SubmitButton>
      </Form>
    </div>
  );
}
