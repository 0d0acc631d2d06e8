import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, RadioField, SubmitButton } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { courseTimes, moment } from "~/courses/course-times.server";
import { courseForStaff, markAttendance } from "~/courses/delegates.server";
import { ATTENDANCE } from "~/courses/rules";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { RegisterSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.staffCourseRegister")));

const noSuchCourse = (t: TFunction) => notFound(t("courses.notFound", { ns: "staff" }));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "courses:manage");
  const found = await courseForStaff(args.params.courseId ?? "");
  if (!found) throw noSuchCourse(translatorFor(args.context.language));
  const { course, delegates } = found;
  const language = args.context.language;
  return {
    course: { id: course.id, title: course.title, when: courseTimes(course, language), starts: moment(course.startsAt, language), status: course.status },
    started: new Date() >= course.startsAt,
    delegates: delegates.map(({ id, attendance, person }) => ({ id, attendance, name: person.name, councils: person.councils.join(", ") })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "courses:manage");
  const t = translatorFor(args.context.language);
  const courseId = args.params.courseId ?? "";
  const formData = await args.request.formData();
  const form = parseForm(formData, RegisterSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const outcome = await markAttendance({ courseId, marks: form.data, actorId: staff.id }, requestOrigin(args));
  if (outcome.status === "not-found") throw noSuchCourse(t);
  if (outcome.status === "not-started") return refuseForm(formResult(formData, { formError: t("staff:courses.register.notOpen") }));
  return redirectWithFlash(`/staff/courses/${courseId}/register`, t("staff:courses.register.saved", { count: outcome.changed }));
}

export default function Register() {
  const { course, started, delegates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["staff", "courses"]);
  const open = started && course.status === "published";
  return (
    <div className="narrow">
      <BackLink to={`/staff/courses/${course.id}`}>{t("courses.backToCourse")}</BackLink>
      <ErrorSummary result={result} />
      <PageHeading caption={course.title}>{t("courses.register.heading")}</PageHeading>
      <p>{course.when}</p>
      {course.status === "cancelled" ? (
        <p>{t("courses.register.cancelled")}</p>
      ) : delegates.length === 0 ? (
        <p>{t("courses.register.nobody")}</p>
      ) : !open ? (
        <>
          <p>{t("courses.register.opensAt", { time: course.starts })}</p>
          <ul>
            {delegates.map((delegate) => (
              <li key={delegate.id}>{delegate.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <Form method="post" className="register">
          <p>{t("courses.register.intro")}</p>
          {delegates.map((delegate) => (
            <RadioField
              key={delegate.id}
              name={`attendance-${delegate.id}`}
              legend={delegate.name}
              hint={delegate.councils || undefined}
              options={ATTENDANCE.map((mark) => ({ value: mark, label: t(`courses:attendance.${mark}`) }))}
              defaultValue={result?.values[`attendance-${delegate.id}`] ?? delegate.attendance ?? undefined}
            />
          ))}
          <SubmitButton>{t("courses.register.save")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const { courseId } = useParams();
  const { t } = useTranslation("staff");
  return <RouteErrorBoundary links={[{ to: `/staff/courses/${courseId}`, label: t("courses.backToCourse") }]} />;
}
