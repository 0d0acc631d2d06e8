// Field rules shared by several forms, and every form's and query's schema. Messages say what to do, in
// plain English (GOV.UK style). Zod is for the server only: a schema at the top of a route module would be
// sent to the browser with zod itself (about 450 KB), though only the loader or action parses. So routes
// import their schemas from here, and this file's `.server` name keeps it out of the browser bundles.
import { z } from "zod";
import { ROLES } from "~/utils/permissions";

// Control characters (newlines and tabs too) and the bidirectional overrides and isolates that make text
// display in another order than it is stored (U+202A–U+202E, U+2066–U+2069).
const CONTROL_OR_BIDI = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * One line of text typed by a person: normalised (NFC, so the same name is stored the same way however
 * it was typed), trimmed, and refused when it holds line breaks, other control characters or direction
 * overrides. Use it for every single-line field.
 */
export function singleLine({ label, max, required = `Enter ${label}` }: { label: string; max: number; required?: string }) {
  const capital = `${label[0].toUpperCase()}${label.slice(1)}`;
  return z
    .string({ error: required })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, required)
        .max(max, `${capital} must be ${max} characters or fewer`)
        .refine((value) => !CONTROL_OR_BIDI.test(value), `${capital} must be on one line, with letters, numbers and punctuation only`),
    );
}

// What mail programs turn into a link: a scheme, "www.", an email address or a domain name
// (letters or digits, a dot, then two or more letters, as in example.com or council.gov.uk).
const LINK_LIKE = /:\/\/|\bwww\.|@|\bhttps?\b|[\p{L}\p{N}-]\.\p{L}{2,}/iu;

/** A person's name. It is used in the greeting of emails, so it cannot carry a link. */
export const NameSchema = singleLine({ label: "full name", max: 100, required: "Enter your full name" }).refine(
  (name) => !LINK_LIKE.test(name),
  "Full name must not contain a web address or email address. Write initials with a space after the dot, like J. Smith",
);

export const EmailSchema = z
  .string({ error: "Enter your email address" })
  .transform((email) => email.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, "Enter your email address")
      .max(254, "Email address must be 254 characters or fewer")
      .pipe(z.email("Enter an email address in the correct format, like name@council.gov.uk")),
  )
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

export const CouncilNameSchema = singleLine({ label: "council", max: 120, required: "Choose your council" });

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

export const EmailFormSchema = z.object({ email: EmailSchema });

export const SignInSchema = z.object({ email: EmailSchema, password: CurrentPasswordSchema, redirectTo: z.string().optional() });

export const SignUpSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  council: CouncilNameSchema,
  electedOn: ElectedOnSchema,
  password: NewPasswordSchema,
});

export const ChangePasswordSchema = z.object({ currentPassword: CurrentPasswordSchema, newPassword: NewPasswordSchema });

export const ProfileSchema = z.object({ name: NameSchema, email: EmailSchema });
export const CouncillorProfileSchema = ProfileSchema.extend({ council: CouncilNameSchema, electedOn: ElectedOnSchema });

export const OfficerInvitationSchema = z.object({ name: NameSchema, email: EmailSchema, council: CouncilNameSchema });

export const StaffAccountActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("change-access"),
    role: z.enum(ROLES, { error: "Choose a role" }),
    councilId: z.string().max(100).optional().transform((id) => id || null),
  }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("resend-invitation") }),
]);

const PageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export const AccountFilterSchema = z.object({
  q: singleLine({ label: "search", max: 100 }).catch(""),
  role: z.enum(["", ...ROLES]).catch(""),
  page: PageNumberSchema,
});

export const AuditFilterSchema = z.object({
  userId: z.string().max(100).catch(""),
  email: singleLine({ label: "email address", max: 254 }).catch(""),
  page: PageNumberSchema,
});

export const OutboxPageSchema = z.object({ page: PageNumberSchema });

/** The knowledge-check page: start an attempt, or submit one (its answers are read against its own questions). */
export const KnowledgeCheckActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("submit"), attempt: z.string().min(1) }),
]);

export const LessonActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("complete") }),
  z.object({ intent: z.literal("case-study"), caseStudyId: z.string(), choice: z.coerce.number().int().min(0).optional() }),
  z.object({ intent: z.literal("save-reflection"), promptId: z.string(), text: z.string() }),
  z.object({ intent: z.literal("delete-reflection"), promptId: z.string() }),
]);
