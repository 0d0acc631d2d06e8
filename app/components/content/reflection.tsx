import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { REFLECTION_MAX_LENGTH } from "~/learning/core";
import { useLesson, useLessonForm } from "./lesson-body";

/** A private prompt: what the councillor writes is saved for them alone and can be deleted. */
export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { canTake, reflections } = useLesson();
  const { t } = useTranslation("learning");
  const language = useLanguage();
  const saved = reflections[id];
  const formId = `reflection-${id}`;
  const { action, error, typed } = useLessonForm(formId, "text");
  const fieldId = `${formId}-text`;
  return (
    <div className="reflection" id={formId}>
      <h2 className="reflection__title">{t("content.reflection")}</h2>
      {canTake ? (
        <>
          <Form method="post" action={action} preventScrollReset>
            <input type="hidden" name="intent" value="save-reflection" />
            <input type="hidden" name="formId" value={formId} />
            <input type="hidden" name="promptId" value={id} />
            <div className={error ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor={fieldId}>
                {prompt}
              </label>
              <p className="hint" id={`${fieldId}-hint`}>
                {t("content.reflectionHint")}
              </p>
              {error ? (
                <p className="error-message" id={`${fieldId}-error`} role="alert">
                  <span className="visually-hidden">{t("content.error")}</span> {error}
                </p>
              ) : null}
              <textarea
                // a new key after saving or deleting resets the box to what is stored
                key={saved ? String(saved.updatedAt) : "empty"}
                className={error ? "input input--error" : "input"}
                id={fieldId}
                name="text"
                rows={5}
                maxLength={REFLECTION_MAX_LENGTH}
                defaultValue={error ? typed : saved?.text}
                aria-describedby={error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
                aria-invalid={error ? true : undefined}
              />
            </div>
            <button type="submit" className="button button--secondary">
              {saved ? t("content.saveChanges") : t("content.saveReflection")}
            </button>
          </Form>
          {saved ? (
            <Form method="post" action={action} preventScrollReset className="reflection__saved">
              <input type="hidden" name="intent" value="delete-reflection" />
              <input type="hidden" name="formId" value={formId} />
              <input type="hidden" name="promptId" value={id} />
              <p>
                {t("content.saved", { date: formatDateTime(saved.updatedAt, language) })}{" "}
                <button type="submit" className="link-button">
                  {t("content.deleteReflection")}
                </button>
              </p>
            </Form>
          ) : null}
        </>
      ) : (
        <p>{prompt}</p>
      )}
    </div>
  );
}
