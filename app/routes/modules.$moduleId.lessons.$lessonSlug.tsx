import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { LessonBody } from "~/components/content/lesson-body";
import { REFLECTION_MAX_LENGTH } from "~/components/content/reflection";
import { BackLink } from "~/components/page";
import { minutesText, ProgressBar } from "~/components/progress";
import { lessonBodyFor, lessonTree, requireModule, type ModuleInfo } from "~/content/content.server";
import { componentsIn } from "~/content/tree";
import { answerCaseStudy, deleteReflection, notesForModule, saveReflection } from "~/models/lesson-notes.server";
import { markLessonComplete, nextStepHref, progressForModule } from "~/models/progress.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { can } from "~/utils/permissions";
import { LessonActionSchema } from "~/utils/schemas.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} – ${data.module.title} – Leadership Essentials` : "Lesson – Leadership Essentials" },
];

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
    canTake ? progressForModule(user.id, module) : null,
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
  const { lesson, next } = findLesson(module, args.params.lessonSlug);
  const formData = await args.request.formData();
  const parsed = LessonActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("That form could not be read. Reload the page and try again.", { status: 400 });
  const form = parsed.data;
  const here = `/modules/${module.id}/lessons/${lesson.slug}`;
  const key = { userId: user.id, moduleId: module.id };
  const tree = (await lessonTree(module, lesson.slug))!;

  switch (form.intent) {
    case "complete": {
      const completed = await markLessonComplete({ userId: user.id, module, lessonSlug: lesson.slug });
      if (completed?.isNew) {
        return redirectWithFlash(`/modules/${module.id}/certificate`, `You have completed ${module.title}.`);
      }
      if (next) return redirect(`/modules/${module.id}/lessons/${next.slug}`);
      return redirect(nextStepHref(module.id, (await progressForModule(user.id, module)).nextStep));
    }
    case "case-study": {
      const caseStudy = componentsIn(tree, "CaseStudy").find((c) => c.p?.id === form.caseStudyId);
      if (!caseStudy) throw new Response("That case study is not in this lesson.", { status: 400 });
      const formId = `case-${form.caseStudyId}`;
      const choices = caseStudy.p!.choices as string[];
      if (form.choice === undefined || form.choice >= choices.length) {
        return data({ formId, error: "Choose what you would do, then you can read the discussion" }, { status: 400 });
      }
      await answerCaseStudy({ ...key, caseStudyId: form.caseStudyId, choice: choices[form.choice]! });
      return redirect(`${here}#${formId}`);
    }
    case "save-reflection":
    case "delete-reflection": {
      if (!componentsIn(tree, "Reflection").some((c) => c.p?.id === form.promptId)) {
        throw new Response("That reflection is not in this lesson.", { status: 400 });
      }
      const formId = `reflection-${form.promptId}`;
      if (form.intent === "delete-reflection") {
        await deleteReflection({ ...key, promptId: form.promptId });
        return redirectWithFlash(`${here}#${formId}`, "Your reflection has been deleted.");
      }
      const text = form.text.trim();
      if (text === "") return data({ formId, text: form.text, error: "Write your reflection before saving it" }, { status: 400 });
      if (text.length > REFLECTION_MAX_LENGTH) {
        return data(
          {
            formId,
            text: form.text,
            error: `Your reflection must be ${REFLECTION_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer`,
          },
          { status: 400 },
        );
      }
      await saveReflection({ ...key, promptId: form.promptId, text });
      return redirectWithFlash(`${here}#${formId}`, "Your reflection has been saved. Only you can see it.");
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
