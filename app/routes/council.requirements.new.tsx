import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxesField, CheckboxField, ErrorSummary, RadioField, SelectField, SubmitButton, TextField } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { getCatalogue } from "~/content/content.server";
import { TOPICS, type Topic } from "~/content/topics";
import { listCommittees } from "~/councils/committees.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { getCouncil } from "~/models/council.server";
import { countedMembers, createRequirement, requirementLabel } from "~/requirements/requirements.server";
import { DUE_RULES, REQUIREMENT_AUDIENCES, REQUIREMENT_TARGETS } from "~/requirements/rules";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { RequirementSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilRequirementNew"));

/** The fields in the order the form shows them: the error summary lists its messages in this order. */
const FIELDS = ["target", "moduleId", "courseTopic", "name", "audience", "committeeId", "members", "electedOnOrAfter", "dueRule", "dueOn", "dueWithinDays", "validForMonths", "earlierWithinMonths"];

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:require-training");
  const [council, committees, members] = await Promise.all([getCouncil(councilId), listCommittees(councilId), countedMembers(councilId)]);
  if (!council) throw notFound(translatorFor(args.context.language)("councilNotFound", { ns: "council" }));
  return {
    council,
    modules: getCatalogue(args.context.language).modules.map(({ id, title }) => ({ id, title })),
    committees: committees.map(({ id, name }) => ({ id, name })),
    members: members.map(({ id, user }) => ({ id, name: user.name })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { officer, councilId } = requireCouncilOfficer(args, "council:require-training");
  const t = translatorFor(args.context.language);
  const formData = await args.request.formData();
  const chosen = formData.getAll("members").filter((id): id is string => typeof id === "string" && id.length > 0);
  const refuse = (fieldErrors: Record<string, string>) => refuseForm({ ...formResult(formData, { fieldErrors }), chosen });
  const form = parseForm(formData, RequirementSchema, t);
  const chooseMembers = form.ok ? form.data.audience === "chosen" && chosen.length === 0 : formData.get("audience") === "chosen" && chosen.length === 0;
  const membersError: Record<string, string> = chooseMembers ? { members: t("requirements.problems.chooseMembers", { ns: "council" }) } : {};
  if (!form.ok) return refuse({ ...form.result.fieldErrors, ...membersError });
  if (chooseMembers) return refuse(membersError);
  const input = { ...form.data, chosenMembershipIds: form.data.audience === "chosen" ? chosen : [] };
  const outcome = await createRequirement({ councilId, actorId: officer.id, input }, requestOrigin(args));
  if (outcome.status === "refused") return refuse({ [outcome.problem.field]: t(`requirements.problems.${outcome.problem.code}`, { ns: "council" }) });
  return redirectWithFlash(`/council/requirements/${outcome.requirementId}`, t("requirements.new.added", { ns: "council", requirement: requirementLabel(input, args.context.language) }));
}

export default function NewRequirement() {
  const { council, modules, committees, members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["council", "learning"]);
  const values = result?.values ?? {};
  const errors = result?.fieldErrors ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] ?? "", error: errors[name] });
  return (
    <>
      <BackLink to="/council/requirements">{t("requirements.backToRequirements")}</BackLink>
      <ErrorSummary result={result} order={FIELDS} />
      <PageHeading caption={council.name}>{t("requirements.new.heading")}</PageHeading>
      <Form method="post" noValidate>
        <h2>{t("requirements.new.whatHeading")}</h2>
        <RadioField
          {...field("target")}
          legend={t("requirements.new.target")}
          options={REQUIREMENT_TARGETS.map((target) => ({ value: target, label: t(`requirements.new.targets.${target}`) }))}
        />
        <SelectField
          {...field("moduleId")}
          label={t("requirements.new.module")}
          hint={t("requirements.new.moduleHint")}
          options={[{ value: "", label: t("requirements.new.noModule") }, ...modules.map((module) => ({ value: module.id, label: module.title }))]}
        />
        <SelectField
          {...field("courseTopic")}
          label={t("requirements.new.topic")}
          hint={t("requirements.new.topicHint")}
          options={[
            { value: "", label: t("requirements.new.noTopic") },
            ...(Object.keys(TOPICS) as Topic[]).map((topic) => ({ value: topic, label: t(`learning:topics.${topic}`) })),
          ]}
        />
        <TextField {...field("name")} label={t("requirements.new.name")} hint={t("requirements.new.nameHint")} maxLength={100} />

        <h2>{t("requirements.new.whoHeading")}</h2>
        <RadioField
          {...field("audience")}
          legend={t("requirements.new.audience")}
          options={REQUIREMENT_AUDIENCES.map((audience) => ({ value: audience, label: t(`requirements.new.audiences.${audience}`) }))}
        />
        <SelectField
          {...field("committeeId")}
          label={t("requirements.new.committee")}
          hint={t("requirements.new.committeeHint")}
          options={[{ value: "", label: t("requirements.new.chooseCommittee") }, ...committees.map((committee) => ({ value: committee.id, label: committee.name }))]}
        />
        {members.length === 0 ? (
          <p>{t("requirements.new.noMembers")}</p>
        ) : (
          <CheckboxesField
            name="members"
            legend={t("requirements.new.members")}
            hint={t("requirements.new.membersHint")}
            error={errors.members}
            checked={result?.chosen}
            options={members.map((member) => ({ value: member.id, label: member.name }))}
          />
        )}

        <TextField {...field("electedOnOrAfter")} label={t("requirements.new.electedOnOrAfter")} hint={t("requirements.new.electedOnOrAfterHint")} type="date" width="date" />

        <h2>{t("requirements.new.whenHeading")}</h2>
        <RadioField
          {...field("dueRule")}
          legend={t("requirements.new.dueRule")}
          options={DUE_RULES.map((rule) => ({ value: rule, label: t(`requirements.new.dueRules.${rule}`) }))}
        />
        <TextField {...field("dueOn")} label={t("requirements.new.dueOn")} hint={t("requirements.new.dueOnHint")} type="date" width="date" />
        <TextField {...field("dueWithinDays")} label={t("requirements.new.dueWithinDays")} hint={t("requirements.new.dueWithinDaysHint")} inputMode="numeric" width="half" />

        <h2>{t("requirements.new.refresherHeading")}</h2>
        <TextField {...field("validForMonths")} label={t("requirements.new.validForMonths")} hint={t("requirements.new.validForMonthsHint")} inputMode="numeric" width="half" />
        <TextField
          {...field("earlierWithinMonths")}
          label={t("requirements.new.earlierWithinMonths")}
          hint={t("requirements.new.earlierWithinMonthsHint")}
          inputMode="numeric"
          width="half"
        />
        <CheckboxField name="blocksSitting" label={t("requirements.new.blocksSitting")} defaultChecked={values.blocksSitting === "yes"} />
        <SubmitButton>{t("requirements.new.submit")}</SubmitButton>
      </Form>
    </>
  );
}
