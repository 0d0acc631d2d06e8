import { Form } from "@remix-run/react";
import { formatDateTime } from "~/components/page";
import { REFLECTION_MAX_LENGTH } from "~/learning/core";
import { useLesson, useLessonForm } from "./lesson-body";

/** A private prompt: what the councillor writes is saved for them alone and can be deleted. */
export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { canTake, reflections } = useLesson();
  const saved = reflections[id];
  const formId = `reflection-${id}`;
  const { action, error, typed } = useLessonForm(formId, "text");
  const fieldId = `${formId}-text`;
  return (
    <div className="reflection" id={formId}>
      <h2 className="reflection__title">Reflection</h2>
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
                Private: only you can see what you write here. It is never shown to your council or the association, and you can delete it.
              </p>
              {error ? (
                <p className="error-message" id={`${fieldId}-error`} role="alert">
                  <span className="visually-hidden">Error:</span> {error}
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
              {saved ? "Save changes" : "Save my reflection"}
            </button>
          </Form>
          {saved ? (
            <Form method="post" action={action} preventScrollReset className="reflection__saved">
              <input type="hidden" name="intent" value="delete-reflection" />
              <input type="hidden" name="formId" value={formId} />
              <input type="hidden" name="promptId" value={id} />
              <p>
                Saved {formatDateTime(saved.updatedAt)}.{" "}
                <button type="submit" className="link-button">
                  Delete this reflection
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
