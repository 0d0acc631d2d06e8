// Field rules shared by several forms, and every form's and query's schema. Messages say what to do, in
// plain words (GOV.UK style); each is a key of the `validation` catalogue, in English and Welsh, that
// parseForm (app/utils/forms.ts) translates with the issue's numbers (zod's `maximum`, `minimum`, and the
// `params` a rule attaches). Zod is for the server only: a schema at the top of a route module would be
// sent to the browser with zod itself (about 450 KB), though only the loader or action parses. So routes
// import their schemas from here, and this file's `.server` name keeps it out of the browser bundles.
import { z } from "zod";
import { TOPICS } from "~/content/topics";
import { COMMITTEE_ROLES, MEMBERSHIP_KINDS } from "~/councils/kinds";
import { ATTENDANCE, AUDIENCES, COURSE_FORMATS, FEEDBACK_LIMITS, NATIONS, USEFULNESS, type Usefulness } from "~/courses/rules";
import { ROLES } from "~/utils/permissions";
import { DUE_RULES, REQUIREMENT_AUDIENCES, REQUIREMENT_TARGETS, municipalYearOf } from "~/requirements/rules";
import { REPORT_STATES, REPORT_VIEWS } from "~/reports/filters";
import { ukTimeToUtc, ukToday } from "~/utils/uk-time";

// Control characters (newlines and tabs too) and the bidirectional overrides and isolates that make text
// display in another order than it is stored (U+202A–U+202E, U+2066–U+2069).
const CONTROL_OR_BIDI = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** The one-line fields: each has `required`, `tooLong` and `oneLine` messages in the `validation` catalogue. */
type SingleLineField =
  | "name"
  | "council"
  | "search"
  | "auditEmail"
  | "ward"
  | "partyGroup"
  | "committee"
  | "courseTitle"
  | "venue"
  | "address"
  | "contactName"
  | "reason"
  | "requirementName"
  | "approvedBy"
  | "trainingTitle"
  | "provider"
  | "reviewer";

/**
 * One line of text typed by a person: normalised (NFC, so the same name is stored the same way however
 * it was typed), trimmed, and refused when it holds line breaks, other control characters or direction
 * overrides. Use it for every single-line field.
 */
export function singleLine({ field, max }: { field: SingleLineField; max: number }) {
  const required = `validation:${field}.required`;
  return z
    .string({ error: required })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, required)
        .max(max, `validation:${field}.tooLong`)
        .refine((value) => !CONTROL_OR_BIDI.test(value), `validation:${field}.oneLine`),
    );
}

// What mail programs turn into a link: a scheme, "www.", an email address or a domain name
// (letters or digits, a dot, then two or more letters, as in example.com or council.gov.uk).
const LINK_LIKE = /:\/\/|\bwww\.|@|\bhttps?\b|[\p{L}\p{N}-]\.\p{L}{2,}/iu;

/** A person's name. It is used in the greeting of emails, so it cannot carry a link. */
export const NameSchema = singleLine({ field: "name", max: 100 }).refine((name) => !LINK_LIKE.test(name), "validation:name.noLinks");

export const EmailSchema = z
  .string({ error: "validation:email.required" })
  .transform((email) => email.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, "validation:email.required")
      .max(254, "validation:email.tooLong")
      .pipe(z.email("validation:email.format")),
  )
  .transform((email) => email.toLowerCase());

/** Someone else's email address: EmailSchema, asking for it in words of its own (`required` in the field's catalogue entry). */
function othersEmail(field: "contactEmail" | "delegateEmail") {
  const required = `validation:${field}.required`;
  return z.string({ error: required }).trim().min(1, required).pipe(EmailSchema);
}

/** Only presence and length here; strength is checked on the server (passwordProblem). */
export const NewPasswordSchema = z
  .string({ error: "validation:password.required" })
  .min(1, "validation:password.required")
  .max(128, "validation:password.tooLong");

export const CurrentPasswordSchema = z
  .string({ error: "validation:currentPassword.required" })
  .min(1, "validation:currentPassword.required")
  .max(1000, "validation:currentPassword.required");

export const CouncilNameSchema = singleLine({ field: "council", max: 120 });

const FIRST_ELECTION_YEAR = 1950;

/** The date fields: each has `required`, `notADate`, `future` and `tooEarly` messages in the `validation` catalogue. */
type DateField = "electedOn" | "memberSince" | "termStartedOn" | "leftOfficeOn" | "appointedOn" | "completedOn" | "offeredOn" | "heldOn";

/** A date from a date box (YYYY-MM-DD), today or earlier, as midnight UTC. */
function pastDate(field: DateField) {
  const message = (problem: string) => `validation:${field}.${problem}`;
  return z
    .string({ error: message("required") })
    .trim()
    .min(1, message("required"))
    .regex(/^\d{4}-\d{2}-\d{2}$/, message("notADate"))
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()), message("notADate"))
    .refine((date) => date.getTime() <= ukToday().getTime(), message("future"))
    .refine((date) => date.getUTCFullYear() >= FIRST_ELECTION_YEAR, { message: message("tooEarly"), params: { year: FIRST_ELECTION_YEAR } });
}

/** A date box that may be left empty (null). */
function optionalPastDate(field: DateField) {
  return z.union([z.literal("").transform(() => null), pastDate(field)]).optional().transform((date) => date ?? null);
}

/** One line that may be left empty (null). */
function optionalLine(field: SingleLineField, max: number) {
  return z.union([z.string().trim().length(0).transform(() => null), singleLine({ field, max })]).optional().transform((text) => text ?? null);
}

export const ElectedOnSchema = pastDate("electedOn");

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

/** A councillor adds a council they sit on, for its officer to confirm. */
export const ClaimMembershipSchema = z.object({ council: CouncilNameSchema, electedOn: ElectedOnSchema });

// ---------------------------------------------------------------- a council's officers keep its members

const MembershipId = z.string().min(1).max(100);

export const MembershipDetailsSchema = z
  .object({
    kind: z.enum(MEMBERSHIP_KINDS, { error: "validation:kind.required" }),
    memberSince: optionalPastDate("memberSince"),
    termStartedOn: optionalPastDate("termStartedOn"),
    ward: optionalLine("ward", 100),
    partyGroup: optionalLine("partyGroup", 100),
  })
  .refine((details) => !details.memberSince || !details.termStartedOn || details.termStartedOn >= details.memberSince, {
    message: "validation:termStartedOn.beforeMemberSince",
    path: ["termStartedOn"],
  });

export const LeftOfficeSchema = z.object({ leftOfficeOn: pastDate("leftOfficeOn") });

/** The forms on a member's page, by the `intent` each posts. */
export const MemberActionSchemas = {
  confirm: z.object({}),
  details: MembershipDetailsSchema,
  "left-office": LeftOfficeSchema,
  "return-to-office": z.object({}),
  appoint: z.object({
    committeeId: z.string({ error: "validation:committee.choose" }).min(1, "validation:committee.choose").max(100),
    role: z.enum(COMMITTEE_ROLES, { error: "validation:committeeRole.required" }),
    appointedOn: pastDate("appointedOn"),
  }),
  "remove-from-committee": z.object({ committeeId: z.string().min(1).max(100) }),
  "change-email": z.object({ email: EmailSchema }),
  "enrol-module": z.object({ moduleId: z.string({ error: "validation:moduleId.required" }).min(1, "validation:moduleId.required").max(100) }),
  "book-course": z.object({ courseId: z.string({ error: "validation:courseId.required" }).min(1, "validation:courseId.required").max(100) }),
};

/** Two accounts of one person: which of the two memberships (and so accounts) to keep. */
export const MergeAccountsSchema = z.object({
  keep: z.string({ error: "validation:keep.required" }).min(1, "validation:keep.required").max(100),
  with: z.string().min(1).max(100),
});

export const MembershipIdSchema = z.object({ membershipId: MembershipId });

export const AddCommitteeSchema = z.object({ committee: singleLine({ field: "committee", max: 100 }) });

export const OfficerInvitationSchema = z.object({ name: NameSchema, email: EmailSchema, council: CouncilNameSchema });

export const StaffAccountActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("change-access"),
    role: z.enum(ROLES, { error: "validation:role.required" }),
    councilId: z.string().max(100).optional().transform((id) => id || null),
  }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("resend-invitation") }),
]);

const PageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export const AccountFilterSchema = z.object({
  q: singleLine({ field: "search", max: 100 }).catch(""),
  role: z.enum(["", ...ROLES]).catch(""),
  page: PageNumberSchema,
});

export const AuditFilterSchema = z.object({
  userId: z.string().max(100).catch(""),
  email: singleLine({ field: "auditEmail", max: 254 }).catch(""),
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

// ---------------------------------------------------------------- scheduled courses

/** The moments of a course: each has `required`, `notATime` and `skipped` messages in the `validation` catalogue. */
type MomentField = "startsAt" | "endsAt" | "bookingOpensAt" | "bookingClosesAt" | "cancellationCutoffAt";

/** A date and time box (`datetime-local`, "2027-03-28T10:00") read as UK time, stored as the instant. */
function ukMoment(field: MomentField) {
  const message = (problem: string) => `validation:${field}.${problem}`;
  return z
    .string({ error: message("required") })
    .trim()
    .min(1, message("required"))
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00)?$/, message("notATime"))
    .transform((value, context) => {
      const instant = ukTimeToUtc(value.slice(0, 10), value.slice(11, 16));
      // A real date at a time the clocks skip (01:30 on the last Sunday in March) is not a moment in the UK.
      if (!instant) context.addIssue({ code: "custom", message: message(Number.isNaN(Date.parse(value)) ? "notATime" : "skipped") });
      return instant ?? new Date(NaN);
    });
}

/** A whole number box that must be filled: `required`, `notANumber`, `tooSmall` and `tooLarge` messages. */
function wholeNumber(field: "capacity" | "offerHours" | "electedWithinMonths" | "remindDaysBefore" | "overdueRemindersBeforeEscalating", min: number, max: number) {
  return z
    .string({ error: `validation:${field}.required` })
    .trim()
    .min(1, `validation:${field}.required`)
    .regex(/^\d+$/, `validation:${field}.notANumber`)
    .transform(Number)
    .pipe(z.number().min(min, `validation:${field}.tooSmall`).max(max, `validation:${field}.tooLarge`));
}

const LongText = z
  .string({ error: "validation:description.required" })
  .transform((text) => text.normalize("NFC").replace(/\r\n/g, "\n").trim())
  .pipe(z.string().min(1, "validation:description.required").max(5000, "validation:description.tooLong"));

const JoiningLink = z.union([
  z.string().trim().length(0).transform(() => null),
  z
    .string()
    .trim()
    .max(500, "validation:joiningLink.tooLong")
    .pipe(z.url({ protocol: /^https$/, error: "validation:joiningLink.format" })),
]);

/** A course as staff write it: times in UK time; the rules between them checked here, each on the field to change. */
export const CourseSchema = z
  .object({
    title: singleLine({ field: "courseTitle", max: 150 }),
    language: z.enum(["en", "cy", "both"], { error: "validation:courseLanguage.required" }),
    topic: z.enum(Object.keys(TOPICS) as [keyof typeof TOPICS], { error: "validation:topic.required" }),
    description: LongText,
    moduleId: z.string().max(100).optional().transform((id) => id || null),
    format: z.enum(COURSE_FORMATS, { error: "validation:format.required" }),
    venue: optionalLine("venue", 150),
    address: optionalLine("address", 300),
    joiningLink: JoiningLink.optional().transform((link) => link ?? null),
    startsAt: ukMoment("startsAt"),
    endsAt: ukMoment("endsAt"),
    capacity: wholeNumber("capacity", 1, 1000),
    bookingOpensAt: ukMoment("bookingOpensAt"),
    bookingClosesAt: ukMoment("bookingClosesAt"),
    cancellationCutoffAt: ukMoment("cancellationCutoffAt"),
    audience: z.enum(AUDIENCES, { error: "validation:audience.required" }),
    electedWithinMonths: z.union([z.literal("").transform(() => null), wholeNumber("electedWithinMonths", 1, 120)]).optional().transform((n) => n ?? null),
    nation: z.enum(["", ...NATIONS]).optional().transform((nation) => nation || null),
    contactName: singleLine({ field: "contactName", max: 100 }),
    contactEmail: othersEmail("contactEmail"),
    offerHours: wholeNumber("offerHours", 1, 336),
  })
  .superRefine((course, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message: `validation:${message}` });
    const inPerson = course.format !== "online";
    if (inPerson && !course.venue) problem("venue", "venue.required");
    if (inPerson && !course.address) problem("address", "address.required");
    if (!inPerson && !course.joiningLink) problem("joiningLink", "joiningLink.required");
    const time = (date: Date) => date.getTime();
    if (time(course.endsAt) <= time(course.startsAt)) problem("endsAt", "endsAt.beforeStart");
    if (time(course.bookingClosesAt) > time(course.startsAt)) problem("bookingClosesAt", "bookingClosesAt.afterStart");
    if (time(course.bookingOpensAt) >= time(course.bookingClosesAt)) problem("bookingOpensAt", "bookingOpensAt.afterClose");
    if (time(course.cancellationCutoffAt) > time(course.startsAt)) problem("cancellationCutoffAt", "cancellationCutoffAt.afterStart");
  });

const OptionalNote = z
  .string()
  .optional()
  .transform((text) => (text ?? "").normalize("NFC").trim())
  .pipe(z.string().max(1000, "validation:needs.tooLong"));

/** A councillor's booking: access needs and dietary requirements, both optional. */
export const BookingSchema = z.object({ accessNeeds: OptionalNote, dietaryNeeds: OptionalNote });

/** Staff acting on a person give a reason, for the audit log. */
const Reason = singleLine({ field: "reason", max: 300 });

export const BookingIdSchema = z.object({ bookingId: z.string({ error: "validation:bookingId.required" }).min(1, "validation:bookingId.required").max(100) });

/** The forms on a course's staff page, by the `intent` each posts. */
export const CourseStaffActionSchemas = {
  publish: z.object({}),
  cancel: z.object({ confirm: z.literal("yes", { error: "validation:confirmCancel.required" }) }),
  add: z.object({ email: othersEmail("delegateEmail"), reason: Reason }),
  remove: BookingIdSchema.extend({ reason: Reason }),
  "move-to-front": BookingIdSchema.extend({ reason: Reason }),
  "give-place": BookingIdSchema.extend({ reason: Reason }),
  "release-place": BookingIdSchema,
  "keep-place": BookingIdSchema,
};

/** The register: a mark for each delegate, posted as `attendance-<bookingId>`. */
export const RegisterSchema = z.record(z.string().regex(/^attendance-.+$/), z.enum(ATTENDANCE)).transform((marks) =>
  Object.entries(marks).map(([field, attendance]) => ({ bookingId: field.slice("attendance-".length), attendance })),
);

/** An optional answer in sentences: normalised and trimmed, empty as null, refused when longer than `max`. */
function optionalAnswer(field: "willDo" | "comments", max: number) {
  return z
    .string()
    .optional()
    .transform((text) => (text ?? "").normalize("NFC").replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(max, `validation:${field}.tooLong`))
    .transform((text) => text || null);
}

/** Feedback after a course: how useful it was (1 to 5, required), what they will do and comments (optional). */
export const FeedbackSchema = z.object({
  usefulness: z.enum(["1", "2", "3", "4", "5"], { error: "validation:usefulness.required" }).transform((score): Usefulness => USEFULNESS[Number(score) - 1]!),
  willDo: optionalAnswer("willDo", FEEDBACK_LIMITS.willDo),
  comments: optionalAnswer("comments", FEEDBACK_LIMITS.comments),
});

/** The calendar feed page: make a new address (replacing any old one), or turn the feed off. */
export const CalendarFeedActionSchema = z.object({ intent: z.enum(["create", "revoke"]) });

export const CourseFilterSchema = z.object({
  topic: z.enum(["", ...(Object.keys(TOPICS) as (keyof typeof TOPICS)[])]).catch(""),
  format: z.enum(["", ...COURSE_FORMATS]).catch(""),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .catch(""),
});

// ---------------------------------------------------------------- council training requirements

/** A date box for any date (YYYY-MM-DD), as midnight UTC: each field has `required` and `notADate` messages. */
function anyDate(field: "dueOn" | "electedOnOrAfter") {
  const message = (problem: string) => `validation:${field}.${problem}`;
  return z
    .string({ error: message("required") })
    .trim()
    .min(1, message("required"))
    .regex(/^\d{4}-\d{2}-\d{2}$/, message("notADate"))
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= FIRST_ELECTION_YEAR && date.getUTCFullYear() <= 2100, message("notADate"));
}

/** A whole number box that may be left empty (null): `notANumber`, `tooSmall` and `tooLarge` messages. */
function optionalCount(field: "dueWithinDays" | "validForMonths" | "earlierWithinMonths", min: number, max: number) {
  const count = z
    .string()
    .regex(/^\d+$/, `validation:${field}.notANumber`)
    .transform(Number)
    .pipe(z.number().min(min, `validation:${field}.tooSmall`).max(max, `validation:${field}.tooLarge`));
  return z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.union([z.literal("").transform(() => null), count]));
}

const optionalId = z.string().max(100).optional().transform((id) => id || null);

/**
 * A requirement as an officer sets it. Each choice names the fields it needs; those of the other choices are
 * ignored (the form shows them all without JavaScript). The chosen members come separately (a list).
 */
export const RequirementSchema = z
  .object({
    target: z.enum(REQUIREMENT_TARGETS, { error: "validation:requirementTarget.required" }),
    name: z.string().optional(),
    moduleId: optionalId,
    courseTopic: z.enum(["", ...(Object.keys(TOPICS) as (keyof typeof TOPICS)[])]).optional().transform((topic) => topic || null),
    audience: z.enum(REQUIREMENT_AUDIENCES, { error: "validation:requirementAudience.required" }),
    committeeId: optionalId,
    electedOnOrAfter: z.string().optional(),
    dueRule: z.enum(DUE_RULES, { error: "validation:dueRule.required" }),
    dueOn: z.string().optional(),
    dueWithinDays: optionalCount("dueWithinDays", 1, 3650),
    validForMonths: optionalCount("validForMonths", 1, 120),
    earlierWithinMonths: optionalCount("earlierWithinMonths", 0, 120),
    blocksSitting: z.literal("yes").optional(),
  })
  .transform((form, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message: `validation:${message}` });
    const parsed = <T>(path: string, schema: z.ZodType<T>, value: unknown): T | null => {
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      problem(path, result.error.issues[0].message.replace(/^validation:/, ""));
      return null;
    };
    const name = form.target === "named" ? parsed("name", singleLine({ field: "requirementName", max: 100 }), form.name ?? "") : null;
    if (form.target === "module" && !form.moduleId) problem("moduleId", "moduleId.required");
    if (form.target === "topic" && !form.courseTopic) problem("courseTopic", "courseTopic.required");
    if (form.audience === "committee" && !form.committeeId) problem("committeeId", "committeeId.required");
    const electedOnOrAfter = form.audience === "elected-since" ? parsed("electedOnOrAfter", anyDate("electedOnOrAfter"), form.electedOnOrAfter ?? "") : null;
    let dueOn: Date | null = null;
    if (form.dueRule === "by-date") {
      dueOn = parsed("dueOn", anyDate("dueOn"), form.dueOn ?? "");
      if (dueOn && dueOn < ukToday()) problem("dueOn", "dueOn.past");
    } else if (form.dueWithinDays === null) problem("dueWithinDays", "dueWithinDays.required");
    if (form.dueRule === "after-appointment" && form.audience !== "committee") problem("dueRule", "dueRule.appointmentNeedsCommittee");
    return {
      name,
      moduleId: form.target === "topic" ? null : form.moduleId,
      courseTopic: form.target === "module" ? null : form.courseTopic,
      audience: form.audience,
      committeeId: form.audience === "committee" ? form.committeeId : null,
      electedOnOrAfter,
      dueRule: form.dueRule,
      dueOn,
      dueWithinDays: form.dueRule === "by-date" ? null : form.dueWithinDays,
      validForMonths: form.validForMonths,
      earlierWithinMonths: form.earlierWithinMonths,
      blocksSitting: form.audience === "committee" && form.blocksSitting === "yes",
    };
  });

export const RequirementIdSchema = z.object({ requirementId: z.string().min(1).max(100) });

/** An exemption: why, and who approved it (the evidence file is read apart). */
export const ExemptionSchema = z.object({
  reason: singleLine({ field: "reason", max: 300 }),
  approvedBy: singleLine({ field: "approvedBy", max: 150 }),
});

/** Training done elsewhere, as an officer records it (the evidence file is read apart). */
export const RecordedTrainingSchema = z.object({
  title: singleLine({ field: "trainingTitle", max: 150 }),
  provider: singleLine({ field: "provider", max: 150 }),
  completedOn: pastDate("completedOn"),
  hours: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(
      z.union([
        z.literal("").transform(() => null),
        z
          .string()
          .regex(/^\d{1,3}(\.\d{1,2})?$/, "validation:hours.notANumber")
          .transform((hours) => Math.round(Number(hours) * 60))
          .pipe(z.number().min(1, "validation:hours.tooSmall").max(200 * 60, "validation:hours.tooLarge")),
      ]),
    ),
  requirementId: optionalId,
});


/** A council's training settings (the group leaders' addresses are read apart: one field per group). */
export const TrainingSettingsSchema = z.object({
  remindDaysBefore: wholeNumber("remindDaysBefore", 1, 60),
  overdueRemindersBeforeEscalating: wholeNumber("overdueRemindersBeforeEscalating", 1, 10),
  escalateToGroupLeaders: z.literal("yes").optional().transform(Boolean),
  showScoresToOfficers: z.literal("yes").optional().transform(Boolean),
});

/** A party group leader's address, or empty for none. */
export const LeaderEmailSchema = z.union([z.string().trim().length(0).transform(() => null), EmailSchema]);

export const MunicipalYearSchema = z.coerce.number().int().min(2000).max(2100);

/** The municipal year a page's `?year=` asks for: this one (at `now`) unless an earlier valid year is named; a later, malformed or missing year means this one. */
export function askedMunicipalYear(request: Request, now = new Date()) {
  const current = municipalYearOf(ukToday(now));
  const asked = MunicipalYearSchema.safeParse(new URL(request.url).searchParams.get("year"));
  return asked.success && asked.data <= current ? asked.data : current;
}

/** A member's annual development review, as an officer records it (the modules to enrol on are read apart). */
export const ReviewSchema = z
  .object({
    offeredOn: pastDate("offeredOn"),
    outcome: z.enum(["", "taken-up", "declined"]).optional().transform((outcome) => (outcome || null) as "taken-up" | "declined" | null),
    heldOn: optionalPastDate("heldOn"),
    reviewer: optionalLine("reviewer", 150),
    needs: z
      .string()
      .optional()
      .transform((text) => (text ?? "").normalize("NFC").replace(/\r\n/g, "\n").trim() || null)
      .pipe(z.string().max(3000, "validation:needs.tooLong").nullable()),
  })
  .superRefine((review, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message: `validation:${message}` });
    if (review.heldOn && review.outcome !== "taken-up") problem("heldOn", "heldOn.onlyIfTakenUp");
    if (review.heldOn && review.heldOn < review.offeredOn) problem("heldOn", "heldOn.beforeOffered");
  });

// ---------------------------------------------------------------- reports

/** A council report's query: anything not understood is left out (the page says so) rather than refused. */
export function reportFilterSchema(currentYear: number) {
  const optionalId = z.string().min(1).max(100).optional().catch(undefined);
  return z.object({
    view: z.enum(REPORT_VIEWS).catch("requirements"),
    year: z.coerce.number().int().min(2000).max(currentYear).catch(currentYear),
    state: z.enum([...REPORT_STATES.requirements, ...REPORT_STATES.modules]).optional().catch(undefined),
    requirementId: optionalId,
    committeeId: optionalId,
    partyGroup: z.string().trim().min(1).max(100).optional().catch(undefined),
    kind: z.enum(MEMBERSHIP_KINDS).optional().catch(undefined),
    electedSince: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .transform((value) => new Date(`${value}T00:00:00Z`))
      .refine((date) => !Number.isNaN(date.getTime()))
      .optional()
      .catch(undefined),
    q: z.string().trim().max(100).optional().catch(undefined).transform((q) => q || undefined),
    hideNames: z.literal("1").optional().catch(undefined).transform((value) => value === "1"),
  });
}
