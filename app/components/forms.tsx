// Form pieces in the GOV.UK pattern: a label, an optional hint, the message next to the field,
// and an error summary at the top that links to each field and takes focus when it appears.
// They read a refused form's FormResult (app/utils/forms.ts).
import { useActionData } from "@remix-run/react";
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FormResult } from "~/utils/forms";

type FieldProps = {
  name: string;
  /** Which of the page's forms the field is in, when several have a field of this name (see fieldId) */
  formName?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: InputHTMLAttributes<HTMLInputElement>["type"];
  autoComplete?: string;
  width?: "full" | "half" | "date";
  list?: string;
  spellCheck?: boolean;
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
  maxLength?: number;
  /** Shown to copy, not to change (a calendar feed's address) */
  readOnly?: boolean;
};

export function TextField({ name, formName, label, hint, error, width = "full", ...input }: FieldProps) {
  // A password is never sent back with the form. Without JavaScript the page comes back with the box
  // empty; with it, React keeps the same input, so empty it each time the server answers.
  const actionData = useActionData();
  const ref = useRef<HTMLInputElement>(null);
  const isPassword = input.type === "password";
  useEffect(() => {
    if (isPassword && actionData !== undefined && ref.current) ref.current.value = "";
  }, [actionData, isPassword]);
  return (
    <FormGroup name={name} formName={formName} label={label} hint={hint} error={error}>
      {(control) => (
        <input ref={ref} className={`input input--${width}${error ? " input--error" : ""}`} {...control} {...input} type={input.type ?? "text"} />
      )}
    </FormGroup>
  );
}

/** An email address box, as every form that asks for one wants it. */
export function EmailField(props: Omit<FieldProps, "type" | "autoComplete" | "spellCheck" | "name" | "label"> & { name?: string; label?: string }) {
  const { t } = useTranslation();
  return <TextField name="email" label={t("forms.email")} {...props} type="email" autoComplete="email" spellCheck={false} />;
}

type SelectProps = {
  name: string;
  formName?: string;
  label: string;
  /** `lang`: the language an option is written in when it may not be the page's (a course's title; "mul" for one in both) */
  options: { value: string; label: string; lang?: string }[];
  hint?: string;
  error?: string;
  defaultValue?: string;
};

export function SelectField({ name, formName, label, options, hint, error, defaultValue }: SelectProps) {
  return (
    <FormGroup name={name} formName={formName} label={label} hint={hint} error={error}>
      {(control) => (
        <select className="select" defaultValue={defaultValue} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}

/** A choice of one, as radios in a fieldset: the legend is the question, the error sits under it. */
export function RadioField({
  name,
  legend,
  options,
  hint,
  error,
  defaultValue,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  hint?: string;
  error?: string;
  defaultValue?: string;
}) {
  const id = fieldId(name);
  return (
    <fieldset className={`form-group${error ? " form-group--error" : ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend className="label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="radios">
        {options.map((option, index) => (
          <div className="radio" key={option.value}>
            {/* the first radio takes the field's id, so the error summary's link lands on the choice */}
            <input type="radio" id={index === 0 ? id : `${id}-${option.value}`} name={name} value={option.value} defaultChecked={option.value === defaultValue} />
            <label htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Several lines of text: a pasted list, or with `prose`, sentences. */
export function TextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 12,
  prose,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  /** Sentences rather than a pasted list: spelling checked, in the page's font */
  prose?: boolean;
}) {
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          className={`input${prose ? " input--prose" : ""}${error ? " input--error" : ""}`}
          rows={rows}
          defaultValue={defaultValue}
          spellCheck={prose ?? false}
          {...control}
        />
      )}
    </FormGroup>
  );
}

/** One box to tick, such as a confirmation; the error sits above it. */
export function CheckboxField({
  name,
  formName,
  label,
  value = "yes",
  error,
  defaultChecked,
}: {
  name: string;
  formName?: string;
  label: string;
  value?: string;
  error?: string;
  defaultChecked?: boolean;
}) {
  const id = fieldId(name, formName);
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <HintAndError id={id} error={error} />
      <div className="checkboxes">
        <div className="checkbox">
          <input type="checkbox" id={id} name={name} value={value} defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, null, error)} />
          <label htmlFor={id}>{label}</label>
        </div>
      </div>
    </div>
  );
}

/** A document to attach as evidence (app/requirements/evidence.server.ts checks what it is). The form needs encType multipart/form-data. */
export function EvidenceField({ label, hint, error }: { label: string; hint: string; error?: string }) {
  return (
    <FormGroup name="evidence" label={label} hint={hint} error={error}>
      {(control) => <input className="file" type="file" accept=".pdf,.doc,.docx,.odt,.png,.jpg,.jpeg" {...control} />}
    </FormGroup>
  );
}

/** A choice of several, as checkboxes in a fieldset: the legend is the question, the error sits under it. */
export function CheckboxesField({
  name,
  legend,
  options,
  hint,
  error,
  checked = [],
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  hint?: string;
  error?: string;
  checked?: string[];
}) {
  const id = fieldId(name);
  return (
    <fieldset className={`form-group${error ? " form-group--error" : ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend className="label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="checkboxes">
        {options.map((option, index) => (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={index === 0 ? id : `${id}-${option.value}`}
              name={name}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
            />
            <label htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A field's hint and error message, with the ids its control's aria-describedby names (describedBy). */
function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t("forms.error")}</span> {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type ControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** Label, hint and error message around one control, wired together for screen readers. */
function FormGroup({
  name,
  formName,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  formName?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = fieldId(name, formName);
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) })}
    </div>
  );
}

/** A field's id: its name, and its form's when several of the page's forms have a field of that name. */
export function fieldId(name: string, formName?: string) {
  return formName ? `field-${formName}-${name}` : `field-${name}`;
}

/**
 * Lists every problem at the top of the page, the form's own first, then each field's in `order`, linked
 * to the field; focused when a new result arrives, so screen readers announce it.
 */
export function ErrorSummary({
  result,
  order = [],
  formName,
}: {
  result?: Pick<FormResult, "fieldErrors" | "formError"> | null;
  order?: string[];
  /** The form the result is for, when the page's fields are named per form (see fieldId) */
  formName?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const fields = Object.entries(result?.fieldErrors ?? {}).sort(([a], [b]) => rank(a, order) - rank(b, order));
  const hasErrors = Boolean(result?.formError) || fields.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [result, hasErrors]);
  if (!hasErrors) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {t("forms.errorSummary")}
      </h2>
      <ul className="error-summary__list">
        {result?.formError ? <li>{result.formError}</li> : null}
        {fields.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field, formName)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function rank(field: string, order: string[]) {
  const index = order.indexOf(field);
  return index === -1 ? order.length : index;
}

export function SubmitButton({ children, secondary, warning, name, value }: { children: ReactNode; secondary?: boolean; warning?: boolean; name?: string; value?: string }) {
  const variant = warning ? " button--warning" : secondary ? " button--secondary" : "";
  return (
    <button type="submit" className={`button${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}
