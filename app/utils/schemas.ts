// Field rules shared by several forms. Messages say what to do, in plain English (GOV.UK style).
import { z } from "zod";

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter your ${label}` })
    .trim()
    .min(1, `Enter your ${label}`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const NameSchema = text("full name", 100);

export const EmailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@council.gov.uk"))
  .transform((email) => email.toLowerCase());

/** Only presence and length here; strength is checked on the server (passwordProblem). */
export const NewPasswordSchema = z
  .string({ error: "Enter a password" })
  .min(1, "Enter a password")
  .max(128, "Password must be 128 characters or fewer");

export const CurrentPasswordSchema = z
  .string({ error: "Enter your password" })
  .min(1, "Enter your password")
  .max(1000, "Enter your password");

export const CouncilNameSchema = z
  .string({ error: "Choose your council" })
  .trim()
  .min(1, "Choose your council")
  .max(120, "Choose a council from the list");

const FIRST_ELECTION_YEAR = 1950;
export const ElectedOnSchema = z
  .string({ error: "Enter the date you were elected" })
  .trim()
  .min(1, "Enter the date you were elected")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date you were elected as a real date, like 2026-05-07")
  .transform((value) => new Date(`${value}T00:00:00Z`))
  .refine((date) => !Number.isNaN(date.getTime()), "Enter the date you were elected as a real date, like 2026-05-07")
  .refine((date) => date.getTime() <= Date.now(), "The date you were elected must be today or in the past")
  .refine((date) => date.getUTCFullYear() >= FIRST_ELECTION_YEAR, `The date you were elected must be after ${FIRST_ELECTION_YEAR}`);

export function toDateInputValue(date: Date | string | null | undefined): string {
  if (!date) return "";
  return new Date(date).toISOString().slice(0, 10);
}
