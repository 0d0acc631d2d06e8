import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CourseText } from "~/components/course-text";
import { SelectField, SubmitButton } from "~/components/forms";
import { PageHeading } from "~/components/page";
import { TOPICS } from "~/content/topics";
import { courseTimes, moment } from "~/courses/course-times.server";
import { listUpcomingCourses, upcomingBookingsOf } from "~/courses/courses.server";
import { COURSE_FORMATS } from "~/courses/rules";
import { pageTitle } from "~/i18n/meta";
import { requirePermission } from "~/utils/auth.server";
import { CourseFilterSchema } from "~/utils/schemas.server";
import { ukParts } from "~/utils/uk-time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("pages.courses"));

/** The next twelve months, for the month filter: "2027-03" and "March 2027". */
function nextMonths(language: string, now = new Date()) {
  const format = new Intl.DateTimeFormat(language === "cy" ? "cy-GB" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  const [year, month] = ukParts(now).date.split("-").map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(year, month - 1 + i, 1));
    return { value: first.toISOString().slice(0, 7), label: format.format(first) };
  });
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const filters = CourseFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const language = args.context.language;
  const [courses, mine] = await Promise.all([listUpcomingCourses({ filters, viewerId: user.id }), upcomingBookingsOf(user.id)]);
  const now = new Date();
  return {
    mine: mine.map((booking) => ({
      courseId: booking.course.id,
      title: booking.course.title,
      language: booking.course.language,
      when: courseTimes(booking.course, language),
      status: booking.status as "confirmed" | "waiting" | "offered",
    })),
    filters,
    months: nextMonths(language),
    courses: courses.map((course) => ({
      id: course.id,
      title: course.title,
      language: course.language,
      topic: course.topic,
      format: course.format,
      venue: course.venue,
      when: courseTimes(course, language),
      placesLeft: course.placesLeft,
      waiting: course.waiting,
      opens: now < course.bookingOpensAt ? moment(course.bookingOpensAt, language) : null,
      closed: now >= course.bookingClosesAt,
      booking: course.booking,
      forViewer: course.forViewer,
    })),
  };
}

export default function Courses() {
  const { filters, months, courses, mine } = useLoaderData<typeof loader>();
  const { t } = useTranslation("courses");
  const filtered = Boolean(filters.topic || filters.format || filters.month);
  return (
    <>
      <PageHeading>{t("heading")}</PageHeading>
      <p className="lead">{t("intro")}</p>
      {mine.length > 0 ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t("mine.heading")}</h2>
          <ul>
            {mine.map((booking) => (
              <li key={booking.courseId}>
                <Link to={`/courses/${booking.courseId}`}>
                  <CourseText language={booking.language}>{booking.title}</CourseText>
                </Link>, {booking.when}: <strong>{t(`statuses.${booking.status}`)}</strong>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/account/calendar">{t("mine.calendarFeed")}</Link>
          </p>
        </section>
      ) : null}
      <Form method="get" className="filter" role="search" aria-label={t("filter.label")}>
        <SelectField
          name="topic"
          label={t("filter.topic")}
          defaultValue={filters.topic}
          options={[{ value: "", label: t("filter.allTopics") }, ...Object.keys(TOPICS).map((topic) => ({ value: topic, label: t(`topics.${topic as keyof typeof TOPICS}`) }))]}
        />
        <SelectField
          name="format"
          label={t("filter.format")}
          defaultValue={filters.format}
          options={[{ value: "", label: t("filter.allFormats") }, ...COURSE_FORMATS.map((format) => ({ value: format, label: t(`formats.${format}`) }))]}
        />
        <SelectField name="month" label={t("filter.month")} defaultValue={filters.month} options={[{ value: "", label: t("filter.anyMonth") }, ...months]} />
        <SubmitButton secondary>{t("filter.apply")}</SubmitButton>
      </Form>
      <p role="status">{courses.length === 0 ? (filtered ? t("none") : t("noneAtAll")) : t("count", { count: courses.length })}</p>
      <ul className="module-list">
        {courses.map((course) => (
          <li key={course.id} className="module-card">
            <h2 className="module-card__title">
              <Link to={`/courses/${course.id}`}>
                <CourseText language={course.language}>{course.title}</CourseText>
              </Link>
            </h2>
            <dl className="course-facts">
              <dt>{t("when")}</dt>
              <dd>{course.when}</dd>
              <dt>{t("where")}</dt>
              <dd>{course.format === "online" ? t("online") : [course.venue, course.format === "both" ? t("formats.both") : null].filter(Boolean).join(" · ")}</dd>
            </dl>
            <p className="module-card__topic">{t(`topics.${course.topic as keyof typeof TOPICS}`)}</p>
            <p className="module-card__meta">
              <strong>
                {course.booking
                  ? t(`yours.${course.booking.status as "confirmed" | "waiting" | "offered"}`, { position: course.booking.position })
                  : !course.forViewer
                    ? t("places.notForYou")
                    : course.opens
                    ? t("places.opens", { date: course.opens })
                    : course.closed
                      ? t("places.closed")
                      : course.placesLeft > 0
                        ? t("places.left", { count: course.placesLeft })
                        : course.waiting > 0
                          ? t("places.fullWaiting", { count: course.waiting })
                          : t("places.full")}
              </strong>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
