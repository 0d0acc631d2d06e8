// Form parsing shared by every action: zod checks the fields; what the user typed comes back with the
// errors (never a password) so the form can be shown again as it was.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };
export type FormResult<T> = { ok: true; data: T; values: Record<string, string> } | FormFailure;

const SECRET_FIELD = /password/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !SECRET_FIELD.test(key)) values[key] = value;
  }
  return values;
}

export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const values = formValues(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** A failure to show with the form: one or more messages keyed by field ("form" for the whole form). */
export function formFailure(formData: FormData, errors: FieldErrors): FormFailure {
  return { ok: false, errors, values: formValues(formData) };
}

/** A date as an <input type="date"> value (YYYY-MM-DD). */
export function toDateInputValue(date: Date | string | null | undefined): string {
  if (!date) return "";
  return new Date(date).toISOString().slice(0, 10);
}
