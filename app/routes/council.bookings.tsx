import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilNav } from "~/components/council-nav";
import { CourseText } from "~/components/course-text";
import { PageHeading, TableWrap } from "~/components/page";
import { courseTimes } from "~/courses/course-times.server";
import { councilBookings } from "~/courses/courses.server";
import type { BookingStatus } from "~/courses/rules";
import { wordsOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { getCouncil } from "~/models/council.server";
import { notFound, requireCouncilOfficer } from "~/utils/auth.server";
import type { RouteWords } from "~/i18n/config";

export const handle = { i18n: ["council"] } satisfies RouteWords;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.councilBookings"));

export async function loader(args: LoaderFunctionArgs) {
  const { councilId } = requireCouncilOfficer(args, "council:view-bookings");
  const language = args.context.language;
  const [council, bookings] = await Promise.all([getCouncil(councilId), councilBookings(councilId)]);
  if (!council) throw notFound(wordsOf(language, "council")("councilNotFound"));
  return {
    council,
    bookings: bookings.map((booking) => ({
      id: booking.id,
      member: booking.user.name,
      courseId: booking.course.id,
      title: booking.course.title,
      language: booking.course.language,
      courseCancelled: booking.course.status === "cancelled",
      when: courseTimes(booking.course, language),
      status: booking.status as BookingStatus,
      attendance: booking.attendance as "attended" | "absent" | null,
    })),
  };
}

export default function CouncilBookings() {
  const { council, bookings } = useLoaderData<typeof loader>();
  const { t } = useTranslation("courses");
  return (
    <>
      <PageHeading caption={council.name}>{t("council.heading")}</PageHeading>
      <CouncilNav />
      <p>{t("council.intro")}</p>
      {bookings.length === 0 ? (
        <p>{t("council.none")}</p>
      ) : (
        <TableWrap label={t("council.caption")}>
          <table>
            <caption className="visually-hidden">{t("council.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("council.member")}</th>
                <th scope="col">{t("council.course")}</th>
                <th scope="col">{t("council.when")}</th>
                <th scope="col">{t("council.status")}</th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((booking) => (
                <tr key={booking.id}>
                  <td>{booking.member}</td>
                  <td>
                    <Link to={`/courses/${booking.courseId}`}>
                      <CourseText language={booking.language}>{booking.title}</CourseText>
                    </Link>
                    {booking.courseCancelled ? ` (${t("course.cancelledCourse")})` : null}
                  </td>
                  <td>{booking.when}</td>
                  <td>{booking.attendance ? t(`attendance.${booking.attendance}`) : t(`statuses.${booking.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
