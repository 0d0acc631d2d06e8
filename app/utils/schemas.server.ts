// Field rules shared by several forms, and every form's and query's schema. Messages say what to do, in
// plain English (GOV.UK style). Zod is for the server only: a schema at the top of a route module would be
// sent to the browser with zod itself (about 450 KB), though only the loader or action parses. So routes
// import their schemas from here, and this file's `.server` name keeps it out of the browser bundles.
import { z } from "zod";
import { ROLES } from "~/utils/permissions";

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
  q: z.string().max(100).catch(""),
  role: z.enum(["", ...ROLES]).catch(""),
  page: PageNumberSchema,
});

export const AuditFilterSchema = z.object({
  userId: z.string().max(100).catch(""),
  email: z.string().trim().max(254).catch(""),
  page: PageNumberSchema,
});

export const OutboxPageSchema = z.object({ page: PageNumberSchema });

export const LessonActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("complete") }),
  z.object({ intent: z.literal("case-study"), caseStudyId: z.string(), choice: z.coerce.number().int().min(0).optional() }),
  z.object({ intent: z.literal("save-reflection"), promptId: z.string(), text: z.string() }),
  z.object({ intent: z.literal("delete-reflection"), promptId: z.string() }),
]);
