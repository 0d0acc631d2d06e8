import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { ProgressBar, useMinutesText } from "~/components/progress";
import { Sentence } from "~/components/sentence";
import { attendedCourses } from "~/courses/record.server";
import { nextStepHref, type NextStep } from "~/learning/core";
import { getProfile } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { formatDate, formatDateTime } from "~/i18n/format";
import { CourseText } from "~/components/course-text";
import { TrainingStatusText } from "~/components/training-status";
import { coursesAwaitingFeedback } from "~/requirements/learning-record.server";
import { myLearning } from "~/requirements/my-learning.server";
import { isSatisfied } from "~/requirements/rules";
import { languageOf, titleWords } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction = ({ matches }) => {
  const t = titleWords(languageOf(matches));
  return [{ title: t("pages.home") }, { name: "description", content: t("pages.homeDescription") }];
};

const NONE: string[] = [];

export async function loader(args: LoaderFunctionArgs) {
  // public: signed-out visitors see what the service is; signed-in people see their home
  const user = getUser(args);
  if (!user) return { profile: null, mine: null, attended: [], feedbackDue: NONE };
  const language = args.context.language;
  // a councillor's home is "My learning", which names their councils too
  if (can(user, "module:take")) {
    // with the rest of their record: the attended courses that have ended and still await their feedback
    const { feedbackDue, ...mine } = await myLearning({ userId: user.id, language });
    return { profile: { name: user.name, role: user.role, council: null, councils: mine.councils }, mine, attended: [], feedbackDue: can(user, "course:book") ? feedbackDue : NONE };
  }
  const [profile, attended, feedbackDue] = await Promise.all([
    getProfile({ userId: user.id }),
    // an officer's courses attended (a councillor's are in My learning)
    can(user, "course:book") ? attendedCourses(user.id, { language }) : [],
    can(user, "course:book") ? coursesAwaitingFeedback(user.id) : NONE,
  ]);
  if (!profile) return { profile: null, mine: null, attended: [], feedbackDue: NONE };
  const councils = profile.council ? [profile.council.name] : profile.memberships.map((membership) => membership.council.name);
  return { profile: { name: profile.name, role: profile.role, council: profile.council?.name ?? null, councils }, mine: null, attended: attended.map(attendedView), feedbackDue };
}

function attendedView({ courseId, title, startsAt, moduleId, moduleTitle }: Awaited<ReturnType<typeof attendedCourses>>[number]) {
  // a module no longer offered is not linked
  return { courseId, title, startsAt, module: moduleId && moduleTitle ? { id: moduleId, title: moduleTitle } : null };
}

/** What the next step is called: the lesson's title, or the knowledge check, or getting the certificate. */
function useNextStepLabel() {
  const { t } = useTranslation("learning");
  return (step: NextStep) => (step?.kind === "lesson" ? step.title : step?.kind === "finish" ? t("getCertificate") : t("knowledgeCheck"));
}

const TOPICS = ["counterExtremism", "prevent", "cohesion", "conversations", "standards", "resilience", "induction"] as const;

export default function Home() {
  const { profile, mine, attended } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  if (!profile) return <Welcome />;
  const firstName = profile.name.split(" ")[0];
  return (
    <>
      <PageHeading caption={profile.councils.join(", ") || t("home.association")}>{t("home.hello", { name: firstName })}</PageHeading>
      {mine ? <MyLearning mine={mine} attended={mine.attended.map(attendedView)} /> : null}
      {profile.role === "officer" ? (
        <ul className="cards">
          <li>
            <h2 className="heading-m">
              <Link to="/modules">{t("home.officer.modules")}</Link>
            </h2>
            <p>{t("home.officer.modulesText")}</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/council">{t("home.officer.council")}</Link>
            </h2>
            <p>{t("home.officer.councilText", { council: profile.council })}</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/courses">{t("home.officer.courses")}</Link>
            </h2>
            <p>{t("home.officer.coursesText")}</p>
          </li>
        </ul>
      ) : null}
      {profile.role === "staff" ? (
        <ul className="cards">
          <li>
            <h2 className="heading-m">
              <Link to="/modules">{t("home.staff.modules")}</Link>
            </h2>
            <p>{t("home.staff.modulesText")}</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/courses">{t("home.staff.courses")}</Link>
            </h2>
            <p>{t("home.staff.coursesText")}</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/reports">{t("home.staff.nationalPicture")}</Link>
            </h2>
            <p>{t("home.staff.nationalPictureText")}</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/users">{t("home.staff.accounts")}</Link>
            </h2>
            <p>{t("home.staff.accountsText")}</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/outbox">{t("home.staff.outbox")}</Link>
            </h2>
            <p>{t("home.staff.outboxText")}</p>
          </li>
          <li>
            <h2 className="heading-m">
              <Link to="/staff/audit">{t("home.staff.auditLog")}</Link>
            </h2>
            <p>{t("home.staff.auditLogText")}</p>
          </li>
        </ul>
      ) : null}
      {!mine && attended.length > 0 ? <AttendedCourses attended={attended} /> : null}
    </>
  );
}

/** The scheduled courses the register says they attended: part of their learning record, beside the modules. */
function AttendedCourses({ attended }: { attended: ReturnType<typeof useLoaderData<typeof loader>>["attended"] }) {
  const { t } = useTranslation("learning");
  const language = useLanguage();
  const { feedbackDue } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="attended-heading">
      <h2 id="attended-heading">{t("home.attended")}</h2>
      <ul>
        {attended.map((course) => (
          <li key={course.courseId}>
            <Sentence
              text={
                course.module
                  ? t("home.attendedCourseWithModule", { title: course.title, date: formatDate(course.startsAt, language), module: course.module.title })
                  : t("home.attendedCourse", { title: course.title, date: formatDate(course.startsAt, language) })
              }
              components={{
                course: <Link to={`/courses/${course.courseId}`} />,
                ...(course.module ? { module: <Link to={`/modules/${course.module.id}`} /> } : {}),
              }}
            />
            {feedbackDue.includes(course.courseId) ? (
              <>
                {": "}
                <Link to={`/courses/${course.courseId}/feedback`}>{t("home.giveFeedback")}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Mine = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["mine"]>;

/** A councillor's home: what their councils ask of them first, then what they are doing, then what they have done. */
function MyLearning({ mine, attended }: { mine: Mine; attended: ReturnType<typeof attendedView>[] }) {
  const { current, recommended } = mine;
  const { t } = useTranslation("learning");
  const minutesText = useMinutesText();
  const nextStepLabel = useNextStepLabel();
  return (
    <>
      {mine.required.length > 0 ? <Required required={mine.required} /> : null}
      {current ? (
        <section className="panel" aria-labelledby="continue-heading">
          <h2 className="heading-m" id="continue-heading">
            {t("home.continueHeading")}
          </h2>
          <p>
            <Sentence
              text={t("home.timeLeft", { title: current.title, duration: minutesText(current.minutesLeft) })}
              components={{ module: <Link to={`/modules/${current.moduleId}`} /> }}
            />
          </p>
          <ProgressBar percent={current.percent} label={t("home.progress")} />
          <p>
            <Link to={nextStepHref(current.moduleId, current.nextStep)} className="button">
              {t("home.continue", { step: nextStepLabel(current.nextStep) })}
            </Link>
          </p>
        </section>
      ) : null}
      {recommended ? (
        <section className={current ? undefined : "panel"} aria-labelledby="start-heading">
          <h2 className="heading-m" id="start-heading">
            {recommended.inductionFirst ? t("home.inductionFirst") : mine.completedCount > 0 ? t("home.startNext") : t("home.startFirst")}
          </h2>
          <p>
            <Sentence
              text={t("home.suggestion", { title: recommended.title, duration: minutesText(recommended.minutes), summary: recommended.summary })}
              components={{ module: <Link to={`/modules/${recommended.id}`} /> }}
            />
          </p>
        </section>
      ) : null}
      {mine.taking.length > 0 ? (
        <section aria-labelledby="taking-heading">
          <h2 id="taking-heading">{t("home.takingHeading")}</h2>
          <ul className="plain-list">
            {mine.taking.map((module) => (
              <li key={module.id}>
                <Link to={`/modules/${module.id}`}>{module.title}</Link> ({t(`home.source.${module.source}`)})
                <ProgressBar percent={module.percent} label={t("home.progress")} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        {t("home.completedCount", { completed: mine.completedCount, total: mine.moduleCount })} <Link to="/modules">{t("home.seeAll")}</Link>
      </p>
      {mine.bookings.length > 0 ? <YourCourses bookings={mine.bookings} /> : null}
      <Completed mine={mine} attended={attended} />
      {mine.reviews.length > 0 ? <Reviews reviews={mine.reviews} /> : null}
    </>
  );
}

/** Each council's requirements of them, overdue first: the link says what to do about each. */
function Required({ required }: { required: Mine["required"] }) {
  const { t } = useTranslation("learning");
  return (
    <section className="panel" aria-labelledby="required-heading">
      <h2 className="heading-m" id="required-heading">
        {t("home.requiredHeading")}
      </h2>
      <ul className="plain-list">
        {required.map((requirement) => (
          <li key={requirement.requirementId}>
            <strong>{requirement.label}</strong> ({requirement.council}): <TrainingStatusText status={requirement.status} />
            {isSatisfied(requirement.status) ? null : (
              <>
                {" "}
                {requirement.moduleId ? (
                  <Link to={`/modules/${requirement.moduleId}`} aria-label={t("home.goToModuleFor", { requirement: requirement.label })}>
                    {t("home.goToModule")}
                  </Link>
                ) : requirement.courseTopic ? (
                  <Link to={`/courses?topic=${requirement.courseTopic}`} aria-label={t("home.findCourseFor", { requirement: requirement.label })}>
                    {t("home.findCourse")}
                  </Link>
                ) : (
                  t("home.recordedByCouncil")
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function YourCourses({ bookings }: { bookings: Mine["bookings"] }) {
  const { t } = useTranslation("learning");
  const language = useLanguage();
  return (
    <section aria-labelledby="courses-heading">
      <h2 id="courses-heading">{t("home.coursesHeading")}</h2>
      <ul>
        {bookings.map((booking) => (
          <li key={booking.course.id}>
            <Link to={`/courses/${booking.course.id}`}>
              <CourseText language={booking.course.language}>{booking.course.title}</CourseText>
            </Link>
            , {formatDate(booking.course.startsAt, language)}:{" "}
            <strong>
              {booking.status === "offered" && booking.offerExpiresAt
                ? t("home.booking.offered", { until: formatDateTime(booking.offerExpiresAt, language) })
                : t(`home.booking.${booking.status as "confirmed" | "waiting"}`)}
            </strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Their annual development reviews, as their councils recorded them. */
function Reviews({ reviews }: { reviews: Mine["reviews"] }) {
  const { t } = useTranslation("learning");
  const language = useLanguage();
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t("home.reviewsHeading")}</h2>
      <ul>
        {reviews.map((review) => (
          <li key={`${review.council} ${review.municipalYear}`}>
            <strong>{t("home.reviewYear", { council: review.council, from: review.municipalYear, to: review.municipalYear + 1 })}</strong>{" "}
            {review.offeredOn ? t("home.reviewOffered", { date: formatDate(review.offeredOn, language) }) : null}{" "}
            {review.outcome === "declined" ? t("home.reviewDeclined") : null}
            {review.heldOn
              ? review.reviewer
                ? t("home.reviewHeldWith", { date: formatDate(review.heldOn, language), reviewer: review.reviewer })
                : t("home.reviewHeld", { date: formatDate(review.heldOn, language) })
              : null}
            {review.needs ? (
              <>
                <br />
                {t("home.reviewNeeds")} {review.needs}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Everything done: certificates, courses attended, and training councils recorded. */
function Completed({ mine, attended }: { mine: Mine; attended: ReturnType<typeof attendedView>[] }) {
  const { t } = useTranslation("learning");
  const language = useLanguage();
  if (mine.certificates.length === 0 && mine.attended.length === 0 && mine.recorded.length === 0) return null;
  return (
    <>
      {mine.certificates.length > 0 ? (
        <>
          <h2>{t("home.certificates")}</h2>
          <ul>
            {mine.certificates.map((c) => (
              <li key={c.moduleId}>
                <Sentence
                  text={t("home.certificate", { title: c.title, date: formatDate(c.completedAt, language) })}
                  components={{ module: <Link to={`/modules/${c.moduleId}/certificate`} /> }}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {attended.length > 0 ? <AttendedCourses attended={attended} /> : null}
      {mine.recorded.length > 0 ? (
        <section aria-labelledby="recorded-heading">
          <h2 id="recorded-heading">{t("home.recordedHeading")}</h2>
          <ul>
            {mine.recorded.map((record) => (
              <li key={record.id}>
                {t("home.recordedItem", { title: record.title, provider: record.provider, date: formatDate(record.completedOn, language), council: record.council })}
                {record.evidence ? (
                  <>
                    {" "}
                    <a href={`/evidence/${record.evidence.id}`}>{t("home.recordedEvidence")}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Welcome() {
  const { t } = useTranslation("learning");
  return (
    <>
      <PageHeading>{t("home.heading")}</PageHeading>
      <p className="lead">{t("home.lead")}</p>
      <p>
        <Link to="/signup" className="button">
          {t("home.createAccount")}
        </Link>
        <Link to="/login" className="button button--secondary">
          {t("home.signIn")}
        </Link>
      </p>
      <h2>{t("home.whatYouCanLearn")}</h2>
      <ul>
        {TOPICS.map((topic) => (
          <li key={topic}>{t(`home.topics.${topic}`)}</li>
        ))}
      </ul>
      <p>{t("home.moduleLength")}</p>
    </>
  );
}
