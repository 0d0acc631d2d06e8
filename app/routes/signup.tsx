import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CouncilField } from "~/components/council-field";
import { EmailField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { signUpCouncillor } from "~/models/account.server";
import { findCouncilByName, listCouncils } from "~/models/council.server";
import { requireAnonymous } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm, type FieldErrors } from "~/utils/forms";
import { passwordProblem } from "~/utils/password.server";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { SignUpSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.signUp"));

const FIELD_ORDER = ["name", "email", "council", "electedOn", "password"];

export async function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return { councils: await listCouncils() };
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const formData = await args.request.formData();
  const form = parseForm(formData, SignUpSchema);
  if (!form.ok) return refuseForm(form.result);

  const council = await findCouncilByName(form.data.council);
  const weakness = passwordProblem(form.data.password, form.data);
  if (!council || weakness) {
    const fieldErrors: FieldErrors = {};
    if (!council) fieldErrors.council = "Choose a council from the list";
    if (weakness) fieldErrors.password = weakness;
    return refuseForm(formResult(formData, { fieldErrors }));
  }

  // For an address that already has an account, the same answer: its holder is told by email instead.
  await signUpCouncillor({ ...form.data, councilId: council.id }, { appUrl: appUrl(), origin: requestOrigin(args) });
  return redirectWithFlash("/confirm-email", `We have sent a confirmation link to ${form.data.email}.`);
}

export default function SignUp() {
  const { councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  return (
    <div className="narrow">
      <ErrorSummary result={result} order={FIELD_ORDER} />
      <PageHeading caption="Councillors">Create an account</PageHeading>
      <p>
        Leadership Essentials is free for elected members of councils in England and Wales. Council officers are invited by
        the association instead.
      </p>
      <Form method="post" noValidate>
        <TextField name="name" label="Full name" autoComplete="name" defaultValue={values.name} error={result?.fieldErrors.name} maxLength={100} />
        <EmailField
          hint="We will send a link to confirm it. Your council email address is best."
          defaultValue={values.email}
          error={result?.fieldErrors.email}
        />
        <CouncilField councils={councils} defaultValue={values.council} error={result?.fieldErrors.council} />
        <TextField
          name="electedOn"
          label="Date you were elected"
          hint="The date of the election that brought you onto this council, for example 7 May 2026."
          type="date"
          width="date"
          defaultValue={values.electedOn}
          error={result?.fieldErrors.electedOn}
        />
        <TextField
          name="password"
          label="Create a password"
          hint="At least 10 characters. A good way to make one you will remember is three random words together."
          type="password"
          autoComplete="new-password"
          error={result?.fieldErrors.password}
        />
        <SubmitButton>Create account</SubmitButton>
      </Form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>.
      </p>
    </div>
  );
}
