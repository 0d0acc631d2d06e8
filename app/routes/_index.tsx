import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/page";
import { ProgressBar, useMinutesText } from "~/components/progress";
import { Sentence } from "~/components/sentence";
import { getCatalogue } from "~/content/content.server";
import { attendedCourses } from "~/courses/record.server";
import type { ModuleInfo } from "~/content/content.server";
import { nextStepHref, type NextStep } from "~/learning/core";
import { learningHome } from "~/learning/reader.server";
import { getProfile } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { formatDate } from "~/i18n/format";
import { languageOf, titleWords } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction = ({ matches }) => {
  const t = titleWords(languageOf(matches));
  return [{ title: t("pages.home") }, { name: "description", content: t("pages.homeDescription") }];
};

export async function loader(args: LoaderFunctionArgs) {
  // public: signed-out visitors see what the service is; signed-in people see their home
  const user = getUser(args);
  if (!user) return { profile: null, learning: null, attended: [] };
  const [profile, learning, attended] = await Promise.all([
    getProfile({ userId: user.id }),
    can(user, "module:take") ? learningHome({ userId: user.id, modules: getCatalogue(args.context.language).modules }) : null,
    can(user, "course:book") ? attendedCourses(user.id, { language: args.context.language }) : [],
  ]);
  return {
    profile,
    learning: learning && homeView(learning, getCatalogue(args.context.language).modules),
    attended: attended.map(({ courseId, title, startsAt, moduleId, moduleTitle }) => ({
      courseId,
      title,
      startsAt,
      // a module no longer offered is not linked
      module: moduleId && moduleTitle ? { id: moduleId, title: moduleTitle } : null,
    })),
  };
}

function homeView(
  { current, firstNotStarted, completedCount, moduleCount, certificates }: Awaited<ReturnType<typeof learningHome<ModuleInfo>>>,
  modules: ModuleInfo[],
) {
  // a certificate is shown under the module's title in the page's language while the module is offered
  const titleOf = (moduleId: string, recorded: string) => modules.find((module) => module.id === moduleId)?.title ?? recorded;
  return {
    current: current && {
      moduleId: current.module.id,
      title: current.module.title,
      percent: current.progress.percent,
      minutesLeft: current.progress.minutesLeft,
      next: { href: nextStepHref(current.module.id, current.progress.nextStep), step: current.progress.nextStep },
    },
    suggestion: firstNotStarted && {
      id: firstNotStarted.id,
      title: firstNotStarted.title,
      summary: firstNotStarted.summary,
      minutes: firstNotStarted.minutes,
    },
    moduleCount,
    completedCount,
    certificates: certificates.map((c) => ({ moduleId: c.moduleId, title: titleOf(c.moduleId, c.moduleTitle), completedAt: c.completedAt })),
  };
}

/** What the next step is called: the lesson's title, or the knowledge check, or getting the certificate. */
function useNextStepLabel() {
  const { t } = useTranslation("learning");
  return (step: NextStep) => (step?.kind === "lesson" ? step.title : step?.kind === "finish" ? t("getCertificate") : t("knowledgeCheck"));
}

const TOPICS = ["counterExtremism", "prevent", "cohesion", "conversations", "standards", "resilience", "induction"] as const;

export default function Home() {
  const { profile, learning, attended } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  if (!profile) return <Welcome />;
  const firstName = profile.name.split(" ")[0];
  return (
    <>
      <PageHeading caption={profile.council?.name ?? (profile.memberships.map((membership) => membership.council.name).join(", ") || t("home.association"))}>{t("home.hello", { name: firstName })}</PageHeading>
      {learning ? <Learning learning={learning} /> : null}
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
            <p>{t("home.officer.councilText", { council: profile.council?.name })}</p>
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
      {attended.length > 0 ? <AttendedCourses attended={attended} /> : null}
    </>
  );
}

/** The scheduled courses the register says they attended: part of their learning record, beside the modules. */
function AttendedCourses({ attended }: { attended: ReturnType<typeof useLoaderData<typeof loader>>["attended"] }) {
  const { t } = useTranslation("learning");
  const language = useLanguage();
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
          </li>
        ))}
      </ul>
    </section>
  );
}

function Learning({ learning }: { learning: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["learning"]> }) {
  const { current, suggestion, certificates } = learning;
  const { t } = useTranslation("learning");
  const language = useLanguage();
  const minutesText = useMinutesText();
  const nextStepLabel = useNextStepLabel();
  return (
    <>
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
            <Link to={current.next.href} className="button">
              {t("home.continue", { step: nextStepLabel(current.next.step) })}
            </Link>
          </p>
        </section>
      ) : suggestion ? (
        <section className="panel" aria-labelledby="start-heading">
          <h2 className="heading-m" id="start-heading">
            {learning.completedCount > 0 ? t("home.startNext") : t("home.startFirst")}
          </h2>
          <p>
            <Sentence
              text={t("home.suggestion", { title: suggestion.title, duration: minutesText(suggestion.minutes), summary: suggestion.summary })}
              components={{ module: <Link to={`/modules/${suggestion.id}`} /> }}
            />
          </p>
        </section>
      ) : null}
      <p>
        {t("home.completedCount", { completed: learning.completedCount, total: learning.moduleCount })} <Link to="/modules">{t("home.seeAll")}</Link>
      </p>
      {certificates.length > 0 ? (
        <>
          <h2>{t("home.certificates")}</h2>
          <ul>
            {certificates.map((c) => (
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
