import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { LessonBody } from "~/components/content/lesson-body";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink } from "~/components/page";
import { minutesText, ProgressBar } from "~/components/progress";
import { lessonBodyFor, requireModule, type ModuleInfo } from "~/content/content.server";
import { nextStepHref } from "~/learning/core";
import { answerCaseStudy, deleteReflection, notesForModule, saveReflection } from "~/learning/notes.server";
import { markLessonComplete } from "~/learning/progress.server";
import { progressForModule } from "~/learning/reader.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, refuseForm } from "~/utils/forms";
import { can } from "~/utils/permissions";
import { LessonActionSchema } from "~/utils/schemas.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => (data ? `${data.lesson.title} – ${data.module.title}` : t("pages.lesson")));

function findLesson(module: ModuleInfo, slug: string | undefined) {
  const index = module.lessons.findIndex((l) => l.slug === slug);
  if (index === -1) throw new Response("There is no lesson at this address.", { status: 404 });
  return { lesson: module.lessons[index]!, previous: module.lessons[index - 1] ?? null, next: module.lessons[index + 1] ?? null };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:read");
  const module = requireModule(args.params.moduleId);
  const { lesson, previous, next } = findLesson(module, args.params.lessonSlug);
  const canTake = can(user, "module:take");
  const key = { userId: user.id, moduleId: module.id };
  const [progress, notes] = await Promise.all([
    canTake ? progressForModule({ userId: user.id, module }) : null,
    canTake ? notesForModule(key) : { caseStudyAnswers: {}, reflections: {} },
  ]);
  // a councillor is not sent a case study's discussion before choosing; staff and officers read it all
  const body = await lessonBodyFor(module, lesson.slug, canTake ? notes.caseStudyAnswers : null);
  return {
    module: { id: module.id, title: module.title, lessonCount: module.lessons.length },
    lesson: { slug: lesson.slug, title: lesson.title, position: lesson.position, minutes: lesson.minutes },
    previous: previous && { slug: previous.slug, title: previous.title },
    next: next && { slug: next.slug, title: next.title },
    body: body!,
    progress: progress && { percent: progress.percent, done: progress.completedLessons.includes(lesson.slug), state: progress.state },
    state: {
      moduleId: module.id,
      canTake,
      ...notes,
      check: {
        questionCount: module.questionCount,
        passMark: module.passMark,
        bestScore: progress?.bestScore ?? null,
        passed: progress?.passed ?? false,
      },
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const module = requireModule(args.params.moduleId);
  const { lesson } = findLesson(module, args.params.lessonSlug);
  const formData = await args.request.formData();
  const parsed = LessonActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("That form could not be read. Reload the page and try again.", { status: 400 });
  const form = parsed.data;
  const here = `/modules/${module.id}/lessons/${lesson.slug}`;
  const inLesson = { userId: user.id, module, lessonSlug: lesson.slug };

  switch (form.intent) {
    case "complete": {
      const { completed, next } = await markLessonComplete(inLesson);
      if (completed?.isNew) return redirectWithFlash(`/modules/${module.id}/certificate`, `You have completed ${module.title}.`);
      return redirect(nextStepHref(module.id, next));
    }
    case "case-study": {
      const formId = `case-${form.caseStudyId}`;
      const outcome = await answerCaseStudy({ ...inLesson, caseStudyId: form.caseStudyId, choice: form.choice });
      if (outcome.status === "not-in-lesson") throw new Response("That case study is not in this lesson.", { status: 400 });
      if (outcome.status === "no-choice") {
        return refuseForm(formResult(formData, { fieldErrors: { choice: "Choose what you would do, then you can read the discussion" } }));
      }
      return redirect(`${here}#${formId}`);
    }
    case "save-reflection": {
      const formId = `reflection-${form.promptId}`;
      const outcome = await saveReflection({ ...inLesson, promptId: form.promptId, text: form.text });
      if (outcome.status === "not-in-lesson") throw new Response("That reflection is not in this lesson.", { status: 400 });
      if (outcome.status === "invalid") return refuseForm(formResult(formData, { fieldErrors: { text: outcome.problem } }));
      return redirectWithFlash(`${here}#${formId}`, "Your reflection has been saved. Only you can see it.");
    }
    case "delete-reflection": {
      const outcome = await deleteReflection({ ...inLesson, promptId: form.promptId });
      if (outcome.status === "not-in-lesson") throw new Response("That reflection is not in this lesson.", { status: 400 });
      return redirectWithFlash(`${here}#reflection-${form.promptId}`, "Your reflection has been deleted.");
    }
  }
}

export default function LessonPage() {
  const { module, lesson, previous, next, body, progress, state } = useLoaderData<typeof loader>();
  const base = `/modules/${module.id}`;
  const completing = useNavigation().formData?.get("intent") === "complete";
  return (
    <article className="lesson">
      <BackLink to={base}>{module.title}</BackLink>
      <span className="caption">
        Lesson {lesson.position} of {module.lessonCount} · {minutesText(lesson.minutes)}
      </span>
      <h1 className="heading-xl">{lesson.title}</h1>
      {progress ? <ProgressBar percent={progress.percent} label="Module progress" /> : null}

      <LessonBody body={body} state={state} />

      {progress ? (
        progress.done ? (
          <p className="lesson__done">
            <strong className="tag tag--green">Completed</strong> You have completed this lesson.
          </p>
        ) : (
          <Form method="post" className="lesson__complete">
            <input type="hidden" name="intent" value="complete" />
            <button type="submit" className="button" disabled={completing}>
              {completing ? "Saving…" : next ? "Mark complete and continue" : "Mark complete"}
            </button>
          </Form>
        )
      ) : null}

      <nav className="lesson-nav" aria-label="Lessons">
        {previous ? (
          <Link to={`${base}/lessons/${previous.slug}`} rel="prev" className="lesson-nav__prev">
            <span className="lesson-nav__label">Previous lesson</span> {previous.title}
          </Link>
        ) : (
          <Link to={base} className="lesson-nav__prev">
            <span className="lesson-nav__label">Back to</span> the module overview
          </Link>
        )}
        {next ? (
          <Link to={`${base}/lessons/${next.slug}`} rel="next" className="lesson-nav__next">
            <span className="lesson-nav__label">Next lesson</span> {next.title}
          </Link>
        ) : state.canTake ? (
          <Link to={`${base}/check`} className="lesson-nav__next">
            <span className="lesson-nav__label">Next</span> Knowledge check
          </Link>
        ) : null}
      </nav>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary links={[{ to: "/modules", label: "Go to all modules" }]} />;
}
