import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { saveTrainingSettings, trainingSettingsOf } from "~/requirements/settings.server";
import { requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { LeaderEmailSchema, TrainingSettingsSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilSettings"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-members");
  return trainingSettingsOf(councilId);
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:require-training");
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const form = parseForm(formData, TrainingSettingsSchema, t);
  // a leader for each party group the council's members belong to: never a group named in the form alone
  const { groups } = await trainingSettingsOf(councilId);
  const leaderErrors: Record<string, string> = {};
  const leaders = groups.map(({ partyGroup }, index) => {
    const parsed = LeaderEmailSchema.safeParse(String(formData.get(`leader-${index}`) ?? ""));
    if (!parsed.success) leaderErrors[`leader-${index}`] = t("leaderEmail.format", { ns: "validation" });
    return { partyGroup, email: parsed.success ? parsed.data : null };
  });
  if (!form.ok || Object.keys(leaderErrors).length > 0) {
    return refuseForm(formResult(formData, { fieldErrors: { ...(form.ok ? {} : form.result.fieldErrors), ...leaderErrors } }));
  }
  await saveTrainingSettings({ councilId, settings: form.data, leaders, actorId: officer.id }, requestOrigin(args));
  return redirectWithFlash("/council/settings", t("settings.saved", { ns: "council" }));
}

export default function CouncilSettings() {
  const { council, groups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("council");
  const value = (name: string, saved: string | number | null) => result?.values[name] ?? (saved === null ? "" : String(saved));
  const ticked = (name: string, saved: boolean) => (result ? result.values[name] === "yes" : saved);
  const order = ["remindDaysBefore", "overdueRemindersBeforeEscalating", ...groups.map((_, index) => `leader-${index}`)];
  return (
    <>
      <ErrorSummary result={result} order={order} />
      <PageHeading caption={council.name}>{t("settings.heading")}</PageHeading>
      <CouncilNav />
      <Form method="post" noValidate>
        <h2>{t("settings.remindersHeading")}</h2>
        <TextField
          name="remindDaysBefore"
          label={t("settings.remindDaysBefore")}
          hint={t("settings.remindDaysBeforeHint")}
          defaultValue={value("remindDaysBefore", council.remindDaysBefore)}
          error={result?.fieldErrors.remindDaysBefore}
          inputMode="numeric"
          width="half"
        />
        <TextField
          name="overdueRemindersBeforeEscalating"
          label={t("settings.overdueReminders")}
          hint={t("settings.overdueRemindersHint")}
          defaultValue={value("overdueRemindersBeforeEscalating", council.overdueRemindersBeforeEscalating)}
          error={result?.fieldErrors.overdueRemindersBeforeEscalating}
          inputMode="numeric"
          width="half"
        />
        <CheckboxField name="escalateToGroupLeaders" label={t("settings.escalateToGroupLeaders")} defaultChecked={ticked("escalateToGroupLeaders", council.escalateToGroupLeaders)} />
        {groups.length === 0 ? (
          <p>{t("settings.noGroups")}</p>
        ) : (
          <fieldset className="form-group">
            <legend className="label">{t("settings.leadersLegend")}</legend>
            <p className="hint">{t("settings.leadersHint")}</p>
            {groups.map((group, index) => (
              <TextField
                key={group.partyGroup}
                name={`leader-${index}`}
                label={t("settings.leaderOf", { group: group.partyGroup })}
                type="email"
                autoComplete="off"
                spellCheck={false}
                defaultValue={value(`leader-${index}`, group.leaderEmail)}
                error={result?.fieldErrors[`leader-${index}`]}
              />
            ))}
          </fieldset>
        )}
        <h2>{t("settings.scoresHeading")}</h2>
        <p>{t("settings.scoresText")}</p>
        <CheckboxField name="showScoresToOfficers" label={t("settings.showScoresToOfficers")} defaultChecked={ticked("showScoresToOfficers", council.showScoresToOfficers)} />
        <SubmitButton>{t("settings.save")}</SubmitButton>
      </Form>
    </>
  );
}
