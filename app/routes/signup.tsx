import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilField } from "~/components/council-field";
import { EmailField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { Sentence } from "~/components/sentence";
import { signUpCouncillor } from "~/models/account.server";
import { findCouncilByName, listCouncils } from "~/models/council.server";
import { requireAnonymous } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm, type FieldErrors } from "~/utils/forms";
import { passwordProblem } from "~/utils/password.server";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { SignUpSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";
import { translatorFor } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.signUp"));

const FIELD_ORDER = ["name", "email", "council", "electedOn", "password"];

export async function loader(args: LoaderFunctionArgs) {
  requireAnonymous(args);
  return { councils: await listCouncils() };
}

export async function action(args: ActionFunctionArgs) {
  requireAnonymous(args);
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const form = parseForm(formData, SignUpSchema, t);
  if (!form.ok) return refuseForm(form.result);

  const council = await findCouncilByName(form.data.council);
  const weakness = passwordProblem(form.data.password, form.data);
  if (!council || weakness) {
    const fieldErrors: FieldErrors = {};
    if (!council) fieldErrors.council = t("council.notListed", { ns: "validation" });
    if (weakness) fieldErrors.password = t(weakness, { ns: "validation" });
    return refuseForm(formResult(formData, { fieldErrors }));
  }

  // For an address that already has an account, the same answer: its holder is told by email instead.
  await signUpCouncillor(
    { ...form.data, councilId: council.id, language: args.context.language },
    { appUrl: appUrl(), origin: requestOrigin(args) },
  );
  return redirectWithFlash("/confirm-email", t("signup.sent", { ns: "auth", email: form.data.email }));
}

export default function SignUp() {
  const { t } = useTranslation("auth");
  const { councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  return (
    <div className="narrow">
      <ErrorSummary result={result} order={FIELD_ORDER} />
      <PageHeading caption={t("signup.caption")}>{t("signup.heading")}</PageHeading>
      <p>{t("signup.intro")}</p>
      <Form method="post" noValidate>
        <TextField name="name" label={t("signup.name")} autoComplete="name" defaultValue={values.name} error={result?.fieldErrors.name} maxLength={100} />
        <EmailField
          hint={t("signup.emailHint")}
          defaultValue={values.email}
          error={result?.fieldErrors.email}
        />
        <CouncilField councils={councils} defaultValue={values.council} error={result?.fieldErrors.council} />
        <TextField
          name="electedOn"
          label={t("signup.electedOn")}
          hint={t("signup.electedOnHint")}
          type="date"
          width="date"
          defaultValue={values.electedOn}
          error={result?.fieldErrors.electedOn}
        />
        <TextField
          name="password"
          label={t("signup.password")}
          hint={t("password.hint")}
          type="password"
          autoComplete="new-password"
          error={result?.fieldErrors.password}
        />
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </Form>
      <p>
        <Sentence text={t("signup.haveAccount")} components={{ login: <Link to="/login" /> }} />
      </p>
    </div>
  );
}
