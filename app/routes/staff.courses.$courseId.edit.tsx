import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { Course } from "@prisma/client";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { COURSE_FIELDS, CourseForm } from "~/components/course-form";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { getCatalogue } from "~/content/content.server";
import { updateCourse } from "~/courses/courses.server";
import { courseForStaff } from "~/courses/delegates.server";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { CourseSchema } from "~/utils/schemas.server";
import { ukParts } from "~/utils/uk-time";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.staffCourseEdit")));

const noSuchCourse = (t: TFunction) => notFound(t("courses.notFound", { ns: "staff" }));

/** An instant as a datetime-local box takes it, on the UK clock. */
function ukInput(instant: Date) {
  const { date, time } = ukParts(instant);
  return `${date}T${time}`;
}

/** The stored course as the form's fields show it. */
function formValuesOf(course: Course) {
  return {
    title: course.title,
    language: course.language,
    topic: course.topic,
    description: course.description,
    moduleId: course.moduleId ?? "",
    format: course.format,
    venue: course.venue ?? "",
    address: course.address ?? "",
    joiningLink: course.joiningLink ?? "",
    startsAt: ukInput(course.startsAt),
    endsAt: ukInput(course.endsAt),
    bookingOpensAt: ukInput(course.bookingOpensAt),
    bookingClosesAt: ukInput(course.bookingClosesAt),
    cancellationCutoffAt: ukInput(course.cancellationCutoffAt),
    capacity: String(course.capacity),
    audience: course.audience,
    nation: course.nation ?? "",
    electedWithinMonths: course.electedWithinMonths === null ? "" : String(course.electedWithinMonths),
    contactName: course.contactName,
    contactEmail: course.contactEmail,
    offerHours: String(course.offerHours),
  };
}

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "courses:manage");
  const found = await courseForStaff(args.params.courseId ?? "");
  if (!found) throw noSuchCourse(translatorFor(args.context.language));
  const { course, delegates, offers } = found;
  return {
    course: { id: course.id, title: course.title, cancelled: course.status === "cancelled", published: course.status === "published" },
    held: delegates.length + offers.length,
    values: formValuesOf(course),
    modules: getCatalogue(args.context.language).modules.map(({ id, title }) => ({ id, title })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "courses:manage");
  const t = translatorFor(args.context.language);
  const courseId = args.params.courseId ?? "";
  const formData = await args.request.formData();
  const form = parseForm(formData, CourseSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const outcome = await updateCourse({ courseId, input: form.data, actorId: staff.id }, requestOrigin(args));
  const coursePage = `/staff/courses/${courseId}`;
  switch (outcome.status) {
    case "not-found":
      throw noSuchCourse(t);
    case "cancelled":
      return refuseForm(formResult(formData, { formError: t("staff:courses.edit.cancelled") }));
    case "below-bookings":
      return refuseForm(formResult(formData, { fieldErrors: { capacity: t("staff:courses.edit.belowBookings", { held: outcome.held }) } }));
    case "unchanged":
      return redirectWithFlash(coursePage, t("staff:courses.edit.unchanged"));
    case "saved":
      return redirectWithFlash(coursePage, outcome.told > 0 ? t("staff:courses.edit.savedAndTold", { count: outcome.told }) : t("staff:courses.edit.saved"));
  }
}

export default function EditCourse() {
  const { course, held, values, modules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="narrow">
      <BackLink to={`/staff/courses/${course.id}`}>{t("courses.backToCourse")}</BackLink>
      <ErrorSummary result={result} order={COURSE_FIELDS} />
      <PageHeading caption={course.title}>{t("courses.edit.heading")}</PageHeading>
      {course.cancelled ? (
        // what the page is about, not news: no live region
        <p className="notice notice--info">{t("courses.edit.cancelled")}</p>
      ) : (
        <>
          {course.published ? <p>{t("courses.edit.publishedIntro")}</p> : null}
          <p>{t("courses.edit.held", { held })}</p>
          <CourseForm values={result?.values ?? values} errors={result?.fieldErrors} modules={modules} submitLabel={t("courses.edit.submit")} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("staff");
  return <RouteErrorBoundary links={[{ to: "/staff/courses", label: t("courses.allCourses") }]} />;
}
