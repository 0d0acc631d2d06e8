import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CourseStatusTag } from "~/components/course-status";
import { PageHeading, TableWrap } from "~/components/page";
import { courseTimes } from "~/courses/course-times.server";
import { listCoursesForStaff } from "~/courses/courses.server";
import { pageTitle } from "~/i18n/meta";
import { requirePermission } from "~/utils/auth.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["staff"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.staffCourses"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "courses:manage");
  const courses = await listCoursesForStaff();
  return {
    courses: courses.map(({ id, title, status, capacity, held, waiting, ...times }) => ({
      id,
      title,
      status,
      capacity,
      held,
      waiting,
      when: courseTimes(times, args.context.language),
    })),
  };
}

export default function StaffCourses() {
  const { courses } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <PageHeading caption={t("caption")}>{t("courses.heading")}</PageHeading>
      <p>
        <Link to="/staff/courses/new" className="button">
          {t("courses.schedule")}
        </Link>
      </p>
      {courses.length === 0 ? (
        <p>{t("courses.none")}</p>
      ) : (
        <TableWrap label={t("courses.caption")}>
          <table>
            <caption className="visually-hidden">{t("courses.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courses.columns.course")}</th>
                <th scope="col">{t("courses.columns.when")}</th>
                <th scope="col">{t("courses.columns.status")}</th>
                <th scope="col">{t("courses.columns.places")}</th>
                <th scope="col">{t("courses.columns.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <td>
                    <Link to={`/staff/courses/${course.id}`}>{course.title}</Link>
                  </td>
                  <td>{course.when}</td>
                  <td>
                    <CourseStatusTag status={course.status} />
                  </td>
                  <td>{t("courses.placesHeld", { held: course.held, capacity: course.capacity })}</td>
                  <td>{course.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
