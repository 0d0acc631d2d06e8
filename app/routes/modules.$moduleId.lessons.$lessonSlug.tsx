import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLangOf } from "~/i18n/use-language";
import { LessonBody } from "~/components/content/lesson-body";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { BackLink } from "~/components/page";
import { ProgressBar, useMinutesText } from "~/components/progress";
import { lessonBodyFor, requireModule, type ModuleInfo } from "~/content/content.server";
import { nextStepHref, REFLECTION_MAX_LENGTH, type ReflectionProblem } from "~/learning/core";
import { answerCaseStudy, deleteReflection, notesForModule, saveReflection } from "~/learning/notes.server";
import { markLessonComplete } from "~/learning/progress.server";
import { progressForModule } from "~/learning/reader.server";
import { wordsOf } from "~/i18n/i18n.server";
import type { TFunction } from "i18next";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, refuseForm } from "~/utils/forms";
import { can } from "~/utils/permissions";
import { LessonActionSchema } from "~/utils/schemas.server";
import { formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => (data ? `${data.lesson.title} – ${data.module.title}` : t("pages.lesson")));

function findLesson(module: ModuleInfo, slug: string | undefined, t: TFunction<"learning">) {
  const index = module.lessons.findIndex((l) => l.slug === slug);
  if (index === -1) throw new Response(t("lesson.notFound"), { status: 404 });
  return { lesson: module.lessons[index]!, previous: module.lessons[index - 1] ?? null, next: module.lessons[index + 1] ?? null };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:read");
  const module = requireModule(args.params.moduleId, args.context.language);
  const { lesson, previous, next } = findLesson(module, args.params.lessonSlug, wordsOf(args.context.language, "learning"));
  const canTake = can(user, "module:take");
  const key = { userId: user.id, moduleId: module.id };
  const [progress, notes] = await Promise.all([
    canTake ? progressForModule({ userId: user.id, module }) : null,
    canTake ? notesForModule(key) : { caseStudyAnswers: {}, reflections: {} },
  ]);
  // a councillor is not sent a case study's discussion before choosing; staff and officers read it all
  const body = await lessonBodyFor(module, lesson.slug, canTake ? notes.caseStudyAnswers : null);
  return {
    module: { id: module.id, title: module.title, lessonCount: module.lessons.length, language: module.language },
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
  const module = requireModule(args.params.moduleId, args.context.language);
  const t = wordsOf(args.context.language, "learning");
  const { lesson } = findLesson(module, args.params.lessonSlug, t);
  const formData = await args.request.formData();
  const parsed = LessonActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response(t("lesson.unreadable"), { status: 400 });
  const form = parsed.data;
  const here = `/modules/${module.id}/lessons/${lesson.slug}`;
  const inLesson = { userId: user.id, module, lessonSlug: lesson.slug };

  switch (form.intent) {
    case "complete": {
      const { completed, next } = await markLessonComplete(inLesson);
      if (completed?.isNew) return redirectWithFlash(`/modules/${module.id}/certificate`, t("moduleCompleted", { module: module.title }));
      return redirect(nextStepHref(module.id, next));
    }
    case "case-study": {
      const formId = `case-${form.caseStudyId}`;
      const outcome = await answerCaseStudy({ ...inLesson, caseStudyId: form.caseStudyId, choice: form.choice });
      if (outcome.status === "not-in-lesson") throw new Response(t("lesson.caseStudyNotHere"), { status: 400 });
      if (outcome.status === "no-choice") {
        return refuseForm(formResult(formData, { fieldErrors: { choice: t("lesson.chooseFirst") } }));
      }
      return redirect(`${here}#${formId}`);
    }
    case "save-reflection": {
      const formId = `reflection-${form.promptId}`;
      const outcome = await saveReflection({ ...inLesson, promptId: form.promptId, text: form.text });
      if (outcome.status === "not-in-lesson") throw new Response(t("lesson.reflectionNotHere"), { status: 400 });
      if (outcome.status === "invalid") {
        return refuseForm(formResult(formData, { fieldErrors: { text: reflectionMessage(outcome.problem, t, args.context.language) } }));
      }
      return redirectWithFlash(`${here}#${formId}`, t("lesson.reflectionSaved"));
    }
    case "delete-reflection": {
      const outcome = await deleteReflection({ ...inLesson, promptId: form.promptId });
      if (outcome.status === "not-in-lesson") throw new Response(t("lesson.reflectionNotHere"), { status: 400 });
      return redirectWithFlash(`${here}#reflection-${form.promptId}`, t("lesson.reflectionDeleted"));
    }
  }
}

function reflectionMessage(problem: ReflectionProblem, t: TFunction<"learning">, language: Language) {
  return problem === "empty"
    ? t("lesson.reflectionEmpty")
    : t("lesson.reflectionTooLong", { max: formatNumber(REFLECTION_MAX_LENGTH, language) });
}

export default function LessonPage() {
  const { module, lesson, previous, next, body, progress, state } = useLoaderData<typeof loader>();
  const base = `/modules/${module.id}`;
  const completing = useNavigation().formData?.get("intent") === "complete";
  const { t } = useTranslation("learning");
  const minutesText = useMinutesText();
  const lang = useLangOf(module.language);
  return (
    <article className="lesson">
      <BackLink to={base}>{module.title}</BackLink>
      <span className="caption">
        {t("lesson.position", { position: lesson.position, total: module.lessonCount, duration: minutesText(lesson.minutes) })}
      </span>
      <h1 className="heading-xl" lang={lang}>
        {lesson.title}
      </h1>
      {progress ? <ProgressBar percent={progress.percent} label={t("moduleProgress")} /> : null}

      <LessonBody body={body} state={state} lang={lang} />

      {progress ? (
        progress.done ? (
          <p className="lesson__done">
            <strong className="tag tag--green">{t("status.lessonDone")}</strong> {t("lesson.done")}
          </p>
        ) : (
          <Form method="post" className="lesson__complete">
            <input type="hidden" name="intent" value="complete" />
            <button type="submit" className="button" disabled={completing}>
              {completing ? t("lesson.saving") : next ? t("lesson.completeAndContinue") : t("lesson.complete")}
            </button>
          </Form>
        )
      ) : null}

      <nav className="lesson-nav" aria-label={t("lesson.navigation")}>
        {previous ? (
          <Link to={`${base}/lessons/${previous.slug}`} rel="prev" className="lesson-nav__prev">
            <span className="lesson-nav__label">{t("lesson.previous")}</span> {previous.title}
          </Link>
        ) : (
          <Link to={base} className="lesson-nav__prev">
            <span className="lesson-nav__label">{t("lesson.backTo")}</span> {t("lesson.overview")}
          </Link>
        )}
        {next ? (
          <Link to={`${base}/lessons/${next.slug}`} rel="next" className="lesson-nav__next">
            <span className="lesson-nav__label">{t("lesson.nextLesson")}</span> {next.title}
          </Link>
        ) : state.canTake ? (
          <Link to={`${base}/check`} className="lesson-nav__next">
            <span className="lesson-nav__label">{t("lesson.next")}</span> {t("knowledgeCheck")}
          </Link>
        ) : null}
      </nav>
    </article>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("learning");
  return <RouteErrorBoundary links={[{ to: "/modules", label: t("goToAllModules") }]} />;
}
