import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LessonBody } from "~/components/content/lesson-body";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink, PageHeading } from "~/components/page";
import { ModuleStateTag, ProgressBar, useMinutesText } from "~/components/progress";
import { Sentence } from "~/components/sentence";
import { SourceList } from "~/components/source-list";
import { lessonBody, requireModule } from "~/content/content.server";
import { attendedCourses } from "~/courses/record.server";
import { nextStepHref } from "~/learning/core";
import { enrol, leaveModule } from "~/learning/enrolments.server";
import { completeIfDone } from "~/learning/progress.server";
import { moduleEnrolment } from "~/requirements/my-learning.server";
import { TrainingStatusText } from "~/components/training-status";
import { progressForModule } from "~/learning/reader.server";
import { wordsOf } from "~/i18n/i18n.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { can } from "~/utils/permissions";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLangOf, useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => data?.module.title ?? t("pages.module"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:read");
  const module = requireModule(args.params.moduleId, args.context.language);
  const canTake = can(user, "module:take");
  const [intro, progress, learning, attendedByOfficer] = await Promise.all([
    lessonBody(module, "intro"),
    canTake ? progressForModule({ userId: user.id, module }) : null,
    canTake ? moduleEnrolment({ userId: user.id, moduleId: module.id, language: args.context.language }) : null,
    // a course that goes with this module, attended: shown beside it, and it does not complete the module
    // (a councillor's come with their enrolment)
    !canTake && can(user, "course:book") ? attendedCourses(user.id, { moduleId: module.id, language: args.context.language }) : [],
  ]);
  const enrolment = learning && { source: learning.source, requirement: learning.requirement };
  const attended = can(user, "course:book") ? (learning?.attended ?? attendedByOfficer) : [];
  return {
    module: {
      id: module.id,
      title: module.title,
      summary: module.summary,
      language: module.language,
      languages: module.languages,
      topic: module.topic,
      audience: module.audience,
      minutes: module.minutes,
      outcomes: module.outcomes,
      sources: module.sources,
      passMark: module.passMark,
      questionCount: module.questionCount,
      checkMinutes: module.checkMinutes,
      lessons: module.lessons.map((l) => ({
        slug: l.slug,
        title: l.title,
        minutes: l.minutes,
        done: progress?.completedLessons.includes(l.slug) ?? false,
      })),
    },
    intro: intro!,
    enrolment,
    attended: attended.map((course) => ({ courseId: course.courseId, title: course.title, startsAt: course.startsAt })),
    progress: progress && {
      state: progress.state,
      percent: progress.percent,
      minutesLeft: progress.minutesLeft,
      nextStep: progress.nextStep,
      nextHref: nextStepHref(module.id, progress.nextStep),
      bestScore: progress.bestScore,
      passed: progress.passed,
      completedAt: progress.completedAt,
    },
  };
}

/**
 * Adds the module to the person's learning, or takes it out (one they chose, never one a council requires);
 * else records a completion that no lesson or check POST made (the module changed after the last step).
 */
export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const module = requireModule(args.params.moduleId, args.context.language);
  const t = wordsOf(args.context.language, "learning");
  const intent = (await args.request.formData()).get("intent");
  if (intent === "enrol") {
    await enrol({ userId: user.id, moduleId: module.id, source: "self" });
    return redirectWithFlash(`/modules/${module.id}`, t("module.enrolled", { module: module.title }));
  }
  if (intent === "leave") {
    const { requirement } = await moduleEnrolment({ userId: user.id, moduleId: module.id, language: args.context.language });
    const outcome = await leaveModule({ userId: user.id, moduleId: module.id, required: requirement !== null });
    return redirectWithFlash(`/modules/${module.id}`, outcome.status === "left" ? t("module.left", { module: module.title }) : t("module.cannotLeave"));
  }
  const completed = await completeIfDone({ userId: user.id, module });
  if (!completed) return redirect(`/modules/${module.id}`);
  return redirectWithFlash(`/modules/${module.id}/certificate`, t("moduleCompleted", { module: module.title }));
}

export default function ModulePage() {
  const { module, intro, progress, enrolment, attended } = useLoaderData<typeof loader>();
  const base = `/modules/${module.id}`;
  const next = progress?.nextStep;
  // staff and officers, who have no progress, read from the first lesson
  const nextHref = progress?.nextHref ?? `${base}/lessons/${module.lessons[0]!.slug}`;
  const { t } = useTranslation("learning");
  const language = useLanguage();
  const minutesText = useMinutesText();
  const lang = useLangOf(module.language);
  return (
    <>
      <BackLink to="/modules">{t("module.allModules")}</BackLink>
      <PageHeading caption={t(`topics.${module.topic}`)}>{module.title}</PageHeading>
      <p className="lead">{module.summary}</p>
      <dl className="summary-list">
        <div>
          <dt>{t("module.for")}</dt>
          <dd lang={lang}>{module.audience}</dd>
        </div>
        <div>
          <dt>{t("module.languages")}</dt>
          <dd>{t(module.languages.includes("cy") ? "writtenIn.both" : "writtenIn.english")}</dd>
        </div>
        <div>
          <dt>{t("module.time")}</dt>
          <dd>
            {t("module.timeText", { duration: minutesText(module.minutes), count: module.lessons.length })}
            {progress && progress.state === "in-progress" ? ` ${t("module.timeLeft", { duration: minutesText(progress.minutesLeft) })}` : null}
          </dd>
        </div>
        {progress ? (
          <div>
            <dt>{t("module.yourProgress")}</dt>
            <dd>
              <ModuleStateTag state={progress.state} percent={progress.percent} />
              {progress.completedAt ? ` ${t("module.completedOn", { date: formatDate(progress.completedAt, language) })}` : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {attended.map((course) => (
        <p key={course.courseId}>
          <Sentence
            text={t("module.attendedCourse", { title: course.title, date: formatDate(course.startsAt, language) })}
            components={{ course: <Link to={`/courses/${course.courseId}`} /> }}
          />
          {progress && progress.state !== "completed" ? ` ${t("module.attendedNotCompleted")}` : null}
        </p>
      ))}
      {enrolment && progress?.state !== "completed" ? <YourLearning enrolment={enrolment} /> : null}
      {progress?.state === "in-progress" ? <ProgressBar percent={progress.percent} label={t("moduleProgress")} /> : null}
      {progress?.state === "completed" ? (
        <div className="panel">
          <h2 className="heading-m">{t("module.completedHeading")}</h2>
          <p>
            <Link to={`${base}/certificate`} className="button">
              {t("viewCertificate")}
            </Link>
          </p>
        </div>
      ) : next?.kind === "finish" ? (
        <Form method="post" className="panel">
          <h2 className="heading-m">{t("module.readyHeading")}</h2>
          <input type="hidden" name="intent" value="finish" />
          <button type="submit" className="button">
            {t("getCertificate")}
          </button>
        </Form>
      ) : progress ? (
        <p>
          <Link to={nextHref} className="button">
            {progress.state === "not-started"
              ? t("module.start")
              : next?.kind === "check"
              ? t("module.takeCheck")
              : t("module.continue", { lesson: next?.kind === "lesson" ? next.title : "" })}
          </Link>
        </p>
      ) : (
        <p>
          <Link to={nextHref} className="button button--secondary">
            {t("module.read")}
          </Link>
        </p>
      )}

      <h2>{t("module.outcomesHeading")}</h2>
      <p>{t("module.outcomesIntro")}</p>
      <ul lang={lang}>
        {module.outcomes.map((outcome) => (
          <li key={outcome}>{outcome}</li>
        ))}
      </ul>

      <LessonBody
        lang={lang}
        body={intro}
        state={{
          moduleId: module.id,
          canTake: false,
          caseStudyAnswers: {},
          reflections: {},
          check: { questionCount: module.questionCount, passMark: module.passMark, bestScore: null, passed: false },
        }}
      />

      <h2>{t("module.lessons")}</h2>
      <ol className="lesson-list">
        {module.lessons.map((lesson) => (
          <li key={lesson.slug}>
            <Link to={`${base}/lessons/${lesson.slug}`} lang={lang}>
              {lesson.title}
            </Link>
            <span className="lesson-list__meta">
              {minutesText(lesson.minutes)}
              {progress ? (
                lesson.done ? (
                  <strong className="tag tag--green">{t("status.lessonDone")}</strong>
                ) : (
                  <span className="tag tag--grey">{t("status.lessonNotDone")}</span>
                )
              ) : null}
            </span>
          </li>
        ))}
        <li>
          {progress ? <Link to={`${base}/check`}>{t("knowledgeCheck")}</Link> : t("knowledgeCheck")}
          <span className="lesson-list__meta">
            {t("module.checkMeta", { questions: module.questionCount, passMark: module.passMark })}
            {progress ? (
              progress.passed ? (
                <strong className="tag tag--green">{t("module.passed", { score: progress.bestScore })}</strong>
              ) : progress.bestScore !== null ? (
                <strong className="tag tag--red">{t("module.notPassed", { score: progress.bestScore })}</strong>
              ) : (
                <span className="tag tag--grey">{t("status.checkNotDone")}</span>
              )
            ) : null}
          </span>
        </li>
      </ol>

      <h2>{t("module.sources")}</h2>
      <SourceList sources={module.sources} />
    </>
  );
}

/** Whether the module is in their learning, and why: a council's requirement (with its date), their choice (which they can undo), or an officer's. */
function YourLearning({ enrolment }: { enrolment: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["enrolment"]> }) {
  const { t } = useTranslation("learning");
  if (enrolment.requirement) {
    return (
      <p>
        {t("module.requiredBy", { council: enrolment.requirement.council })} <TrainingStatusText status={enrolment.requirement.status} />
      </p>
    );
  }
  if (enrolment.source === "officer") return <p>{t("module.enrolledByCouncil")}</p>;
  return (
    <Form method="post">
      {enrolment.source === "self" ? (
        <>
          <p>{t("module.inYourLearning")}</p>
          <button type="submit" name="intent" value="leave" className="button button--secondary">
            {t("module.leave")}
          </button>
        </>
      ) : (
        <button type="submit" name="intent" value="enrol" className="button button--secondary">
          {t("module.enrol")}
        </button>
      )}
    </Form>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("learning");
  return <RouteErrorBoundary links={[{ to: "/modules", label: t("goToAllModules") }]} />;
}
