import { Form, useNavigation } from "@remix-run/react";
import { Children, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLesson, useLessonForm } from "./lesson-body";

/** A scenario, a choice the reader commits to, then the discussion. The discussion stays hidden until then. */
export function CaseStudy({ id, title, choices, children }: { id: string; title: string; choices: string[]; children: ReactNode }) {
  const { canTake, caseStudyAnswers } = useLesson();
  const { t } = useTranslation("learning");
  const [scenario, discussion] = Children.toArray(children);
  // a choice whose wording has since changed no longer counts: the reader chooses again
  const answered = choices.find((choice) => choice === caseStudyAnswers[id]);
  const formId = `case-${id}`;
  const { action, error } = useLessonForm(formId, "choice");
  const busy = useNavigation().formData?.get("formId") === formId;
  return (
    <section className="case-study" id={formId} aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="case-study__title">
        <span className="case-study__label">{t("content.caseStudy")}</span> {title}
      </h2>
      {scenario}
      {answered !== undefined ? (
        <>
          <p className="case-study__choice">
            <strong>{t("content.youChose")}</strong> {answered}
          </p>
          <h3>{t("content.discussion")}</h3>
          {discussion}
        </>
      ) : canTake ? (
        <Form method="post" action={action} preventScrollReset className="case-study__form">
          <input type="hidden" name="intent" value="case-study" />
          <input type="hidden" name="formId" value={formId} />
          <input type="hidden" name="caseStudyId" value={id} />
          <fieldset
            className={error ? "form-group form-group--error" : "form-group"}
            aria-describedby={error ? `${formId}-error` : undefined}
          >
            <legend>{t("content.whatWouldYouDo")}</legend>
            {error ? (
              <p className="error-message" id={`${formId}-error`} role="alert">
                <span className="visually-hidden">{t("content.error")}</span> {error}
              </p>
            ) : null}
            <div className="radios">
              {choices.map((choice, index) => (
                <div className="radio" key={index}>
                  <input type="radio" id={`${formId}-${index}`} name="choice" value={index} />
                  <label htmlFor={`${formId}-${index}`}>{choice}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("content.seeDiscussion")}
          </button>
        </Form>
      ) : (
        <details>
          <summary>{t("content.discussionHidden")}</summary>
          {discussion}
        </details>
      )}
    </section>
  );
}

export function Scenario({ children }: { children: ReactNode }) {
  return <div className="case-study__scenario">{children}</div>;
}

export function Discussion({ children }: { children: ReactNode }) {
  return <div className="case-study__discussion">{children}</div>;
}
