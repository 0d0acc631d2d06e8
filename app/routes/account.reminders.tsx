import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, SubmitButton } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { emailChoicesOf, saveEmailChoices } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.reminders"));

/** Councillors choose their reminders before a due date; officers their weekly digest. */
function choicesFor(user: { role: string }) {
  return { reminders: can(user, "module:take"), digest: can(user, "council:require-training") };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { choices: await emailChoicesOf(user.id), offered: choicesFor(user) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const form = await args.request.formData();
  const offered = choicesFor(user);
  const ticked = (name: string) => form.get(name) === "yes";
  await saveEmailChoices({
    userId: user.id,
    choices: {
      ...(offered.reminders ? { remindDueSoon: ticked("remindDueSoon"), remindDueTomorrow: ticked("remindDueTomorrow") } : {}),
      ...(offered.digest ? { weeklyDigest: ticked("weeklyDigest") } : {}),
    },
  });
  return redirectWithFlash("/account/reminders", translatorFor(args.context.language)("reminders.saved", { ns: "account" }));
}

export default function Reminders() {
  const { choices, offered } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  return (
    <>
      <BackLink to="/account">{t("reminders.back")}</BackLink>
      <PageHeading>{t("reminders.heading")}</PageHeading>
      {offered.reminders || offered.digest ? (
        <Form method="post">
          {offered.reminders ? (
            <fieldset className="form-group">
              <legend className="label">{t("reminders.remindersLegend")}</legend>
              <p className="hint">{t("reminders.remindersHint")}</p>
              <CheckboxField name="remindDueSoon" label={t("reminders.dueSoon")} defaultChecked={choices.remindDueSoon} />
              <CheckboxField name="remindDueTomorrow" label={t("reminders.dueTomorrow")} defaultChecked={choices.remindDueTomorrow} />
              <p>{t("reminders.overdueAlways")}</p>
            </fieldset>
          ) : null}
          {offered.digest ? <CheckboxField name="weeklyDigest" label={t("reminders.weeklyDigest")} defaultChecked={choices.weeklyDigest} /> : null}
          <SubmitButton>{t("reminders.save")}</SubmitButton>
        </Form>
      ) : (
        <p>{t("reminders.nothing")}</p>
      )}
    </>
  );
}
