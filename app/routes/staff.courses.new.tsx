import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COURSE_FIELDS, CourseForm } from "~/components/course-form";
import { ErrorSummary } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { getCatalogue } from "~/content/content.server";
import { createCourse } from "~/courses/courses.server";
import { DEFAULT_OFFER_HOURS } from "~/courses/rules";
import { translatorFor } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { CourseSchema } from "~/utils/schemas.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.staffCourseNew"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "courses:manage");
  return { modules: getCatalogue(args.context.language).modules.map(({ id, title }) => ({ id, title })) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = requirePermission(args, "courses:manage");
  const t = translatorFor(args.context.language);
  const form = parseForm(await args.request.formData(), CourseSchema, t);
  if (!form.ok) return refuseForm(form.result);
  const course = await createCourse(form.data, staff.id, requestOrigin(args));
  return redirectWithFlash(`/staff/courses/${course.id}`, t("staff:courses.new.saved"));
}

export default function NewCourse() {
  const { modules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="narrow">
      <BackLink to="/staff/courses">{t("courses.back")}</BackLink>
      <ErrorSummary result={result} order={COURSE_FIELDS} />
      <PageHeading caption={t("caption")}>{t("courses.new.heading")}</PageHeading>
      <p>{t("courses.new.intro")}</p>
      <CourseForm
        values={result?.values ?? { offerHours: String(DEFAULT_OFFER_HOURS), language: "en" }}
        errors={result?.fieldErrors}
        modules={modules}
        submitLabel={t("courses.new.submit")}
      />
    </div>
  );
}
