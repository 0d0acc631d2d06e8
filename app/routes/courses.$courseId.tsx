import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { CourseText } from "~/components/course-text";
import { ErrorSummary, SubmitButton, TextArea } from "~/components/forms";
import { BackLink, Notice, PageHeading } from "~/components/page";
import { findModule } from "~/content/content.server";
import type { TOPICS } from "~/content/topics";
import { acceptOffer, bookingRefusal, bookPlace, cancelBooking, declineOffer } from "~/courses/booking.server";
import { courseTimes, moment } from "~/courses/course-times.server";
import { courseForPerson } from "~/courses/courses.server";
import { feedbackStateFor } from "~/courses/feedback.server";
import { isActive, placeOf, type Audience, type BookingStatus } from "~/courses/rules";
import type { Language } from "~/i18n/config";
import { translatorFor, wordsOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, refuseForm } from "~/utils/forms";
import { requestOrigin } from "~/utils/request.server";
import { BookingIdSchema, BookingSchema } from "~/utils/schemas.server";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => data?.course.title ?? t("pages.course"));

const noSuchCourse = (language: Language) => notFound(wordsOf(language, "courses")("course.notFound"));

/** Why this person cannot book, in words, or null when they can. */
function refusalText(found: NonNullable<Awaited<ReturnType<typeof courseForPerson>>>, language: Language, now: Date) {
  const t = wordsOf(language, "courses");
  const { course, ineligibility, booking } = found;
  const refusal = bookingRefusal(course, now);
  if (booking?.status === "removed") return t("refusal.removed", { contact: `${course.contactName} (${course.contactEmail})` });
  if (refusal === "not-open") return t("refusal.not-open", { date: moment(course.bookingOpensAt, language) });
  if (refusal) return t(`refusal.${refusal}`, { contact: `${course.contactName} (${course.contactEmail})` });
  if (ineligibility === "audience") return t("refusal.audience", { audience: t(`audiences.${course.audience as Audience}`) });
  if (ineligibility === "no-council") return t("refusal.no-council");
  if (ineligibility === "nation") return t("refusal.nation", { nation: t(`nations.${course.nation as "wales"}`) });
  if (ineligibility) return t("refusal.recently-elected", { count: course.electedWithinMonths ?? 0 });
  return null;
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const language = args.context.language;
  const found = await courseForPerson({ courseId: args.params.courseId ?? "", viewerId: user.id });
  if (!found) throw noSuchCourse(language);
  const { course, booking } = found;
  const now = new Date();
  const module = course.moduleId ? findModule(course.moduleId, language) : null;
  // After the course, a delegate the register marked as attended is asked for feedback (once).
  const feedback = booking?.status === "confirmed" && course.status === "published" && now >= course.endsAt ? (await feedbackStateFor({ courseId: course.id, userId: user.id }, now))?.state : null;
  return {
    course: {
      id: course.id,
      title: course.title,
      language: course.language,
      topic: course.topic,
      description: course.description,
      format: course.format,
      venue: course.venue,
      address: course.address,
      joiningLink: course.joiningLink,
      audience: course.audience,
      nation: course.nation,
      electedWithinMonths: course.electedWithinMonths,
      contactName: course.contactName,
      contactEmail: course.contactEmail,
      cancelled: course.status === "cancelled",
      past: now >= course.startsAt,
      when: courseTimes(course, language),
      cancelBy: moment(course.cancellationCutoffAt, language),
      afterCutoff: now >= course.cancellationCutoffAt,
    },
    module: module && { id: module.id, title: module.title },
    placesLeft: found.placesLeft,
    waiting: found.waiting,
    booking: booking && {
      id: booking.id,
      status: booking.status,
      position: booking.position,
      offerOpen: booking.offerOpen,
      offerEnds: booking.offerExpiresAt ? moment(booking.offerExpiresAt, language) : null,
      cancelRequested: Boolean(booking.cancelRequestedAt),
      accessNeeds: booking.accessNeeds,
      dietaryNeeds: booking.dietaryNeeds,
    },
    refusal: refusalText(found, language, now),
    feedback: feedback === "open" || feedback === "already" ? feedback : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const t = translatorFor(args.context.language);
  const words = wordsOf(args.context.language, "courses");
  const courseId = args.params.courseId ?? "";
  const here = `/courses/${courseId}`;
  const formData = await args.request.formData();
  const origin = requestOrigin(args);
  const intent = formData.get("intent");
  if (intent === "book") {
    const form = parseForm(formData, BookingSchema, t);
    if (!form.ok) return refuseForm({ ...form.result, intent });
    const outcome = await bookPlace({ courseId, userId: user.id, ...form.data }, origin);
    if (outcome.status === "confirmed") return redirectWithFlash(here, words("book.confirmed"));
    if (outcome.status === "waiting") return redirectWithFlash(here, words("book.waiting", { position: outcome.position }));
    if (outcome.status === "already") return redirectWithFlash(here, words("book.already"));
    // Not open, closed, ineligible…: say why (the page says it too).
    const found = await courseForPerson({ courseId, viewerId: user.id });
    return redirectWithFlash(here, (found && refusalText(found, args.context.language, new Date())) || words("refusal.not-found"));
  }
  const form = parseForm(formData, BookingIdSchema, t);
  // Only this page's own buttons post here: anything else is a malformed request.
  if (!form.ok || !(intent === "cancel" || intent === "accept" || intent === "decline")) throw new Response("Bad request", { status: 400 });
  const own = { bookingId: form.data.bookingId, userId: user.id, courseId };
  const act = { cancel: cancelBooking, accept: acceptOffer, decline: declineOffer }[intent];
  const outcome = await act(own, origin);
  if (outcome.status === "not-found") throw noSuchCourse(args.context.language);
  return redirectWithFlash(here, words(`outcome.${outcome.status}`));
}

export default function Course() {
  const { course, module, placesLeft, waiting, booking, refusal, feedback } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  const active = booking && isActive(booking.status) && !course.cancelled ? booking : null;
  const ended = booking && !active ? booking : null;
  const place = placeOf(course);
  return (
    <>
      <BackLink to="/courses">{t("heading")}</BackLink>
      <ErrorSummary result={result} order={["accessNeeds", "dietaryNeeds"]} />
      <PageHeading caption={t(`topics.${course.topic as keyof typeof TOPICS}`)}>
        <CourseText language={course.language}>{course.title}</CourseText>
      </PageHeading>
      {course.cancelled ? (
        <Notice tone="warning">
          {t("course.cancelledCourse")} {booking?.status === "confirmed" ? t("course.placeCancelledWith") : null}
        </Notice>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t("when")}</dt>
          <dd>{course.when}</dd>
        </div>
        <div>
          <dt>{t("where")}</dt>
          <dd>{course.format === "online" ? t("online") : course.format === "both" ? `${place} · ${t("online")}` : place}</dd>
        </div>
        {course.format !== "in-person" ? (
          <div>
            <dt>{t("course.joiningLink")}</dt>
            <dd className="wrap">{course.joiningLink ? <a href={course.joiningLink}>{course.joiningLink}</a> : t("course.joiningLinkLater")}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("course.language")}</dt>
          <dd>{t(`languages.${course.language as "en" | "cy" | "both"}`)}</dd>
        </div>
        <div>
          <dt>{t("course.whoMayBook")}</dt>
          <dd>
            {t(`audiences.${course.audience as "both"}`)}
            {course.nation ? <>. {t(`nations.${course.nation as "wales"}`)}</> : null}
            {course.electedWithinMonths ? <>. {t("course.electedWithin", { count: course.electedWithinMonths })}</> : null}
          </dd>
        </div>
        <div>
          <dt>{t("course.contact")}</dt>
          <dd className="wrap">
            {course.contactName}, <a href={`mailto:${course.contactEmail}`}>{course.contactEmail}</a>
          </dd>
        </div>
      </dl>

      {active ? <YourBooking booking={active} course={course} /> : null}
      {feedback === "open" ? (
        <p>
          <Link to={`/courses/${course.id}/feedback`}>{t("feedback.link")}</Link>
        </p>
      ) : feedback === "already" ? (
        <p>{t("feedback.givenLine")}</p>
      ) : null}
      {ended && !course.cancelled ? (
        <p>
          {t("booking.heading")}: <strong>{t(`statuses.${ended.status as BookingStatus}`)}</strong>
        </p>
      ) : null}

      <h2>{t("course.about")}</h2>
      {course.description.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>
          <CourseText language={course.language}>{paragraph}</CourseText>
        </p>
      ))}
      {module ? (
        <p>
          {t("course.module")} <Link to={`/modules/${module.id}`}>{module.title}</Link>
        </p>
      ) : null}

      {!active && !course.cancelled && !course.past ? (
        refusal ? (
          <Notice>{refusal}</Notice>
        ) : (
          <section aria-labelledby="book-heading">
            <h2 id="book-heading">{placesLeft > 0 ? t("book.heading") : t("book.headingWaiting")}</h2>
            <p>{placesLeft > 0 ? t("places.left", { count: placesLeft }) : waiting > 0 ? t("places.fullWaiting", { count: waiting }) : t("places.full")}</p>
            {placesLeft === 0 ? <p>{t("book.fullNotice")}</p> : null}
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="book" />
              <TextArea name="accessNeeds" label={t("book.accessNeeds")} hint={t("book.accessNeedsHint")} rows={3} prose defaultValue={result?.values.accessNeeds} error={result?.fieldErrors.accessNeeds} />
              <TextArea name="dietaryNeeds" label={t("book.dietaryNeeds")} hint={t("book.dietaryNeedsHint")} rows={2} prose defaultValue={result?.values.dietaryNeeds} error={result?.fieldErrors.dietaryNeeds} />
              <SubmitButton>{placesLeft > 0 ? t("book.submit") : t("book.submitWaiting")}</SubmitButton>
            </Form>
          </section>
        )
      ) : null}
    </>
  );
}

type Shown = ReturnType<typeof useLoaderData<typeof loader>>;

function YourBooking({ booking, course }: { booking: NonNullable<Shown["booking"]>; course: Shown["course"] }) {
  const { t } = useTranslation("courses");
  const button = (intent: string, label: string, secondary = true) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="bookingId" value={booking.id} />
      <SubmitButton secondary={secondary}>{label}</SubmitButton>
    </Form>
  );
  return (
    <section aria-labelledby="booking-heading" className="panel">
      <h2 id="booking-heading">{t("booking.heading")}</h2>
      {booking.status === "confirmed" ? (
        <>
          <p>
            <strong>{t("booking.confirmed")}</strong>
          </p>
          {booking.cancelRequested ? <p>{t("booking.cancelRequested")}</p> : null}
          {booking.accessNeeds ? <p>{t("booking.accessNeeds")}: {booking.accessNeeds}</p> : null}
          {booking.dietaryNeeds ? <p>{t("booking.dietaryNeeds")}: {booking.dietaryNeeds}</p> : null}
          {!course.cancelled ? (
            <p>
              <a href={`/courses/${course.id}/calendar.ics`} download>
                {t("booking.calendar")}
              </a>
            </p>
          ) : null}
          {!course.cancelled && !course.past && !booking.cancelRequested ? (
            <>
              <p>{course.afterCutoff ? t("booking.cancelLateHint") : `${t("course.cancelBy", { date: course.cancelBy })} ${t("booking.cancelHint")}`}</p>
              {button("cancel", course.afterCutoff ? t("booking.cancelLate") : t("booking.cancel"))}
            </>
          ) : null}
        </>
      ) : booking.status === "waiting" ? (
        <>
          <p>
            <strong>{t("booking.waiting", { position: booking.position })}</strong>
          </p>
          {button("cancel", t("booking.leave"))}
        </>
      ) : booking.offerOpen ? (
        <>
          <p>
            <strong>{t("booking.offered", { date: booking.offerEnds })}</strong>
          </p>
          <div className="button-group">
            {button("accept", t("booking.accept"), false)}
            {button("decline", t("booking.decline"))}
          </div>
        </>
      ) : (
        <p>{t("booking.offerEnded")}</p>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
