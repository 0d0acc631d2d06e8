import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LessonBody } from "~/components/content/lesson-body";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink, formatDate, PageHeading } from "~/components/page";
import { minutesText, ModuleStateTag, ProgressBar } from "~/components/progress";
import { SourceList } from "~/components/source-list";
import { lessonBody, requireModule } from "~/content/content.server";
import { TOPICS } from "~/content/topics";
import { nextStepHref } from "~/learning/core";
import { completeIfDone } from "~/learning/progress.server";
import { progressForModule } from "~/learning/reader.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { can } from "~/utils/permissions";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => data?.module.title ?? t("pages.module"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:read");
  const module = requireModule(args.params.moduleId);
  const canTake = can(user, "module:take");
  const [intro, progress] = await Promise.all([lessonBody(module, "intro"), canTake ? progressForModule({ userId: user.id, module }) : null]);
  return {
    module: {
      id: module.id,
      title: module.title,
      summary: module.summary,
      topic: TOPICS[module.topic],
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

/** Records a completion that no lesson or check POST made (the module changed after the last step). */
export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const module = requireModule(args.params.moduleId);
  const completed = await completeIfDone({ userId: user.id, module });
  if (!completed) return redirect(`/modules/${module.id}`);
  return redirectWithFlash(`/modules/${module.id}/certificate`, `You have completed ${module.title}.`);
}

export default function ModulePage() {
  const { module, intro, progress } = useLoaderData<typeof loader>();
  const base = `/modules/${module.id}`;
  const next = progress?.nextStep;
  // staff and officers, who have no progress, read from the first lesson
  const nextHref = progress?.nextHref ?? `${base}/lessons/${module.lessons[0]!.slug}`;
  return (
    <>
      <BackLink to="/modules">All modules</BackLink>
      <PageHeading caption={module.topic}>{module.title}</PageHeading>
      <p className="lead">{module.summary}</p>
      <dl className="summary-list">
        <div>
          <dt>For</dt>
          <dd>{module.audience}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            About {minutesText(module.minutes)}, in {module.lessons.length} lessons and a knowledge check
            {progress && progress.state === "in-progress" ? ` (about ${minutesText(progress.minutesLeft)} left)` : null}
          </dd>
        </div>
        {progress ? (
          <div>
            <dt>Your progress</dt>
            <dd>
              <ModuleStateTag state={progress.state} percent={progress.percent} />
              {progress.completedAt ? ` on ${formatDate(progress.completedAt)}` : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {progress?.state === "in-progress" ? <ProgressBar percent={progress.percent} label="Module progress" /> : null}
      {progress?.state === "completed" ? (
        <div className="panel">
          <h2 className="heading-m">You have completed this module</h2>
          <p>
            <Link to={`${base}/certificate`} className="button">
              View your certificate
            </Link>
          </p>
        </div>
      ) : next?.kind === "finish" ? (
        <Form method="post" className="panel">
          <h2 className="heading-m">You have done every lesson and passed the knowledge check</h2>
          <input type="hidden" name="intent" value="finish" />
          <button type="submit" className="button">
            Get your certificate
          </button>
        </Form>
      ) : progress ? (
        <p>
          <Link to={nextHref} className="button">
            {progress.state === "not-started"
              ? "Start the module"
              : next?.kind === "check"
              ? "Take the knowledge check"
              : `Continue: ${next?.kind === "lesson" ? next.title : ""}`}
          </Link>
        </p>
      ) : (
        <p>
          <Link to={nextHref} className="button button--secondary">
            Read the module
          </Link>
        </p>
      )}

      <h2>What you will learn</h2>
      <p>By the end of this module you can:</p>
      <ul>
        {module.outcomes.map((outcome) => (
          <li key={outcome}>{outcome}</li>
        ))}
      </ul>

      <LessonBody
        body={intro}
        state={{
          moduleId: module.id,
          canTake: false,
          caseStudyAnswers: {},
          reflections: {},
          check: { questionCount: module.questionCount, passMark: module.passMark, bestScore: null, passed: false },
        }}
      />

      <h2>Lessons</h2>
      <ol className="lesson-list">
        {module.lessons.map((lesson) => (
          <li key={lesson.slug}>
            <Link to={`${base}/lessons/${lesson.slug}`}>{lesson.title}</Link>
            <span className="lesson-list__meta">
              {minutesText(lesson.minutes)}
              {progress ? (
                lesson.done ? (
                  <strong className="tag tag--green">Completed</strong>
                ) : (
                  <span className="tag tag--grey">Not done</span>
                )
              ) : null}
            </span>
          </li>
        ))}
        <li>
          {progress ? <Link to={`${base}/check`}>Knowledge check</Link> : "Knowledge check"}
          <span className="lesson-list__meta">
            {module.questionCount} questions, pass mark {module.passMark}%
            {progress ? (
              progress.passed ? (
                <strong className="tag tag--green">Passed ({progress.bestScore}%)</strong>
              ) : progress.bestScore !== null ? (
                <strong className="tag tag--red">Not passed yet (best {progress.bestScore}%)</strong>
              ) : (
                <span className="tag tag--grey">Not done</span>
              )
            ) : null}
          </span>
        </li>
      </ol>

      <h2>Sources</h2>
      <SourceList sources={module.sources} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary links={[{ to: "/modules", label: "Go to all modules" }]} />;
}
