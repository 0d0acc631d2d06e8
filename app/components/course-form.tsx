// The form staff schedule a course with and change it with. Times are typed as a UK clock shows them
// (CourseSchema reads them so); a refused form comes back as it was sent, with a message on each field.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RadioField, SelectField, SubmitButton, TextArea, TextField } from "~/components/forms";
import { TOPICS, type Topic } from "~/content/topics";
import { AUDIENCES, COURSE_FORMATS, NATIONS } from "~/courses/rules";
import type { FieldErrors, FormValues } from "~/utils/forms";

/** The fields in the order the form shows them: the error summary lists its messages in this order. */
export const COURSE_FIELDS = [
  "language",
  "title",
  "topic",
  "description",
  "moduleId",
  "format",
  "venue",
  "address",
  "joiningLink",
  "startsAt",
  "endsAt",
  "bookingOpensAt",
  "bookingClosesAt",
  "cancellationCutoffAt",
  "capacity",
  "audience",
  "nation",
  "electedWithinMonths",
  "contactName",
  "contactEmail",
  "offerHours",
];

type Props = {
  /** What each field shows: the course as stored, or the form as it was sent */
  values: FormValues;
  errors?: FieldErrors;
  /** The online modules a course may ask delegates to take first */
  modules: { id: string; title: string }[];
  submitLabel: string;
};

export function CourseForm({ values, errors = {}, modules, submitLabel }: Props) {
  const { t } = useTranslation(["staff", "courses"]);
  const field = (name: string) => ({ name, defaultValue: values[name] ?? "", error: errors[name] });
  const time = (name: string, label: string, hint: string) => <TextField {...field(name)} label={label} hint={hint} type="datetime-local" width="half" />;
  // A module no longer in the catalogue stays chosen until staff choose another.
  const retired = values.moduleId && !modules.some((module) => module.id === values.moduleId) ? [{ id: values.moduleId, title: values.moduleId }] : [];
  const moduleChoices = [...modules, ...retired];
  return (
    <Form method="post" noValidate>
      <h2>{t("courses.form.aboutHeading")}</h2>
      <RadioField
        {...field("language")}
        legend={t("courses.form.language")}
        hint={t("courses.form.languageHint")}
        options={(["en", "cy", "both"] as const).map((language) => ({ value: language, label: t(`courses:languages.${language}`) }))}
      />
      <TextField {...field("title")} label={t("courses.form.title")} maxLength={150} />
      <SelectField
        {...field("topic")}
        label={t("courses.form.topic")}
        options={[
          { value: "", label: t("courses.form.chooseTopic") },
          ...Object.keys(TOPICS).map((topic) => ({ value: topic, label: t(`courses:topics.${topic as Topic}`) })),
        ]}
      />
      <TextArea {...field("description")} label={t("courses.form.description")} hint={t("courses.form.descriptionHint")} rows={8} prose />
      <SelectField
        {...field("moduleId")}
        label={t("courses.form.moduleId")}
        hint={t("courses.form.moduleIdHint")}
        options={[{ value: "", label: t("courses.form.noModule") }, ...moduleChoices.map((module) => ({ value: module.id, label: module.title }))]}
      />

      <h2>{t("courses.form.whereHeading")}</h2>
      <RadioField
        {...field("format")}
        legend={t("courses.form.format")}
        options={COURSE_FORMATS.map((format) => ({ value: format, label: t(`courses:formats.${format}`) }))}
      />
      <TextField {...field("venue")} label={t("courses.form.venue")} hint={t("courses.form.venueHint")} maxLength={150} />
      <TextField {...field("address")} label={t("courses.form.address")} hint={t("courses.form.venueHint")} maxLength={300} />
      <TextField
        {...field("joiningLink")}
        label={t("courses.form.joiningLink")}
        hint={t("courses.form.joiningLinkHint")}
        type="url"
        spellCheck={false}
        maxLength={500}
      />

      <h2>{t("courses.form.whenHeading")}</h2>
      <p>{t("courses.form.whenIntro")}</p>
      {time("startsAt", t("courses.form.startsAt"), t("courses.form.ukTime"))}
      {time("endsAt", t("courses.form.endsAt"), t("courses.form.ukTime"))}
      {time("bookingOpensAt", t("courses.form.bookingOpensAt"), t("courses.form.ukTime"))}
      {time("bookingClosesAt", t("courses.form.bookingClosesAt"), t("courses.form.bookingClosesAtHint"))}
      {time("cancellationCutoffAt", t("courses.form.cancellationCutoffAt"), t("courses.form.cancellationCutoffAtHint"))}

      <h2>{t("courses.form.placesHeading")}</h2>
      <TextField {...field("capacity")} label={t("courses.form.capacity")} inputMode="numeric" width="date" maxLength={4} />
      <RadioField
        {...field("audience")}
        legend={t("courses.form.audience")}
        options={AUDIENCES.map((audience) => ({ value: audience, label: t(`courses:audiences.${audience}`) }))}
      />
      <SelectField
        {...field("nation")}
        label={t("courses.form.nation")}
        options={[{ value: "", label: t("courses.form.bothNations") }, ...NATIONS.map((nation) => ({ value: nation, label: t(`courses:nations.${nation}`) }))]}
      />
      <TextField
        {...field("electedWithinMonths")}
        label={t("courses.form.electedWithinMonths")}
        hint={t("courses.form.electedWithinMonthsHint")}
        inputMode="numeric"
        width="date"
        maxLength={3}
      />

      <h2>{t("courses.form.contactHeading")}</h2>
      <TextField {...field("contactName")} label={t("courses.form.contactName")} maxLength={100} />
      {/* The course's contact, not the staff member's own address: no autocomplete. */}
      <TextField {...field("contactEmail")} label={t("courses.form.contactEmail")} type="email" autoComplete="off" spellCheck={false} />
      <TextField
        {...field("offerHours")}
        label={t("courses.form.offerHours")}
        hint={t("courses.form.offerHoursHint")}
        inputMode="numeric"
        width="date"
        maxLength={3}
      />

      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
