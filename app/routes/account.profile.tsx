import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { HTML_LANG, isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from "~/i18n/config";
import { languageCookie, translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getProfile, saveLanguagePreference, updateProfile } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { appUrl, requestOrigin } from "~/utils/request.server";
import { ProfileSchema } from "~/utils/schemas.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.changeDetails"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "profile:edit");
  const profile = await getProfile({ userId: user.id });
  if (!profile) throw new Response(translatorFor(args.context.language)("errors.accountNotFound", { ns: "account" }), { status: 404 });
  return { profile };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "profile:edit");
  const formData = await args.request.formData();
  const t = translatorFor(args.context.language);
  const form = parseForm(formData, ProfileSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const change = form.data;
  const outcome = await updateProfile({ userId: user.id, change, appUrl: appUrl() }, requestOrigin(args));
  if (outcome.status === "email-taken") {
    return refuseForm(formResult(formData, { fieldErrors: { email: t("profile.emailTaken", { ns: "account" }) } }));
  }
  // The language chosen is the one from the next page on, this message included; a form without the choice keeps the saved one.
  const chosen = formData.get("language");
  const language = isLanguage(chosen) ? chosen : args.context.language;
  if (isLanguage(chosen)) await saveLanguagePreference({ userId: user.id, language: chosen });
  const words = translatorFor(language);
  return redirectWithFlash(
    "/account",
    outcome.emailChanged
      ? words("profile.savedConfirmEmail", { ns: "account", email: change.email })
      : words("profile.saved", { ns: "account" }),
    // Signed out later, this browser keeps showing the language chosen.
    await languageCookie.serialize(language),
  );
}

export default function EditProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const shownIn = useLanguage();
  const values = result?.values ?? {
    name: profile.name,
    email: profile.email,
    language: isLanguage(profile.language) ? profile.language : shownIn,
  };
  return (
    <div className="narrow">
      <BackLink to="/account">{t("profile.back")}</BackLink>
      <ErrorSummary result={result} order={["name", "email"]} />
      <PageHeading>{t("profile.heading")}</PageHeading>
      <Form method="post" noValidate>
        <TextField name="name" label={t("profile.name")} autoComplete="name" defaultValue={values.name} error={result?.fieldErrors.name} maxLength={100} />
        <EmailField hint={t("profile.emailHint")} defaultValue={values.email} error={result?.fieldErrors.email} />
        {profile.council ? <p className="secondary">{t("profile.councilSetByAssociation", { council: profile.council.name })}</p> : null}
        <LanguageChoice legend={t("profile.language")} defaultValue={isLanguage(values.language) ? values.language : shownIn} />
        <SubmitButton>{t("profile.save")}</SubmitButton>
      </Form>
    </div>
  );
}

/** English or Cymraeg, each named in its own language (and marked as such, for screen readers). */
function LanguageChoice({ legend, defaultValue }: { legend: string; defaultValue: Language }) {
  return (
    <fieldset className="form-group">
      <legend>{legend}</legend>
      <div className="radios">
        {LANGUAGES.map((language) => (
          <div className="radio" key={language}>
            <input type="radio" id={`field-language-${language}`} name="language" value={language} defaultChecked={language === defaultValue} />
            <label htmlFor={`field-language-${language}`} lang={HTML_LANG[language]}>
              {LANGUAGE_NAMES[language]}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
