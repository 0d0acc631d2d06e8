// One shape for a refused form, in every route: what the person typed (never a password), a message for
// each field at fault, and one for the form as a whole. The shared form components read it
// (app/components/forms.tsx), so a form is shown again as it was with its messages, with or without
// JavaScript. See docs/decisions/009-form-results-and-error-pages.md.
import { data } from "@remix-run/node";
import type { ParseKeys, TFunction } from "i18next";
import type { z } from "zod";

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

/** What an action answers a form it refuses with. */
export type FormResult = { values: FormValues; fieldErrors: FieldErrors; formError: string | null };

const SECRET_FIELD = /password/i;

/** A posted form, or the query of a form sent with GET. */
type Submitted = FormData | URLSearchParams;

function formValues(formData: Submitted): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !SECRET_FIELD.test(key)) values[key] = value;
  }
  return values;
}

/** The result for a form refused with these messages (none for a form refused for another reason). */
export function formResult(formData: Submitted, errors: { fieldErrors?: FieldErrors; formError?: string } = {}): FormResult {
  return { values: formValues(formData), fieldErrors: errors.fieldErrors ?? {}, formError: errors.formError ?? null };
}

/** How the schemas (app/utils/schemas.server.ts) write a message: a key of the `validation` catalogue. */
const VALIDATION_PREFIX = "validation:";

/**
 * What a refused field says, in the reader's language: the issue's message is a `validation` key, and its
 * numbers (zod's `maximum` and `minimum`, and the `params` a rule attaches) fill the message's placeholders.
 * A message that is not a key (zod's own, for a form no page sends) is shown as it is.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  if (!issue.message.startsWith(VALIDATION_PREFIX)) return issue.message;
  const key = issue.message.slice(VALIDATION_PREFIX.length) as ParseKeys<"validation">;
  const params = {
    ...("params" in issue ? issue.params : {}),
    ...("maximum" in issue ? { maximum: issue.maximum } : {}),
    ...("minimum" in issue ? { minimum: issue.minimum } : {}),
  };
  return t(key, { ...params, ns: "validation" });
}

/**
 * zod checks the fields: the parsed data, or the form's result with the first message for each field, in
 * the language of `t` (`translatorFor(args.context.language)`).
 */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  t: TFunction,
): { ok: true; data: z.output<S> } | { ok: false; result: FormResult } {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === undefined) formError ??= issueMessage(issue, t);
    else fieldErrors[String(field)] ??= issueMessage(issue, t);
  }
  return { ok: false, result: formResult(formData, { fieldErrors, formError }) };
}

/** The answer to a refused form: its result, with 400 Bad Request unless another status says more. */
export function refuseForm<Result extends FormResult>(result: Result, status = 400) {
  return data(result, { status });
}

/** A date as an <input type="date"> value (YYYY-MM-DD). */
export function toDateInputValue(date: Date | string | null | undefined): string {
  if (!date) return "";
  return new Date(date).toISOString().slice(0, 10);
}
