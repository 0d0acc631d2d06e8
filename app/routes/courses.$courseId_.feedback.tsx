// Feedback after a course, for a delegate who attended it, once it has ended: how useful it was, what they
// will do differently, comments. Optional and anonymous (staff see the answers without names; officers see
// nothing). Works without JavaScript; a thank-you after. See app/courses/feedback.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CourseText } from "~/components/course-text";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, RadioField, SubmitButton, TextArea } from "~/components/forms";
import { BackLink, Notice, PageHeading } from "~/components/page";
import { feedbackStateFor, giveFeedback } from "~/courses/feedback.server";
import { FEEDBACK_LIMITS, USEFULNESS } from "~/courses/rules";
import type { Language } from "~/i18n/config";
import { translatorFor, wordsOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { notFound, requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, parseForm, refuseForm } from "~/utils/forms";
import { FeedbackSchema } from "~/utils/schemas.server";

export const meta: MetaFunction = ({ error, matches }) => (error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.courseFeedback")));

const noSuchCourse = (language: Language) => notFound(wordsOf(language, "courses")("course.notFound"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const language = args.context.language;
  const found = await feedbackStateFor({ courseId: args.params.courseId ?? "", userId: user.id });
  if (!found) throw noSuchCourse(language);
  const { course, state } = found;
  const t = wordsOf(language, "courses");
  return {
    course: { id: course.id, title: course.title, language: course.language },
    state,
    refusal: state === "open" || state === "already" ? null : t(`feedback.refusal.${state}`),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "course:book");
  const language = args.context.language;
  const courseId = args.params.courseId ?? "";
  const formData = await args.request.formData();
  const form = parseForm(formData, FeedbackSchema, translatorFor(language));
  if (!form.ok) return refuseForm(form.result);
  const outcome = await giveFeedback({ courseId, userId: user.id, ...form.data });
  const t = wordsOf(language, "courses");
  if (outcome.status === "not-found") throw noSuchCourse(language);
  if (outcome.status === "given") return redirectWithFlash(`/courses/${courseId}/feedback`, t("feedback.thanks"));
  // Not attended, not ended, or given already (in another tab): said as the form's problem; nothing is saved.
  return refuseForm(formResult(formData, { formError: t(`feedback.refusal.${outcome.status}`) }), outcome.status === "already" ? 409 : 400);
}

export default function CourseFeedback() {
  const { course, state, refusal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("courses");
  return (
    <>
      <BackLink to={`/courses/${course.id}`}>{t("feedback.backToCourse")}</BackLink>
      <ErrorSummary result={result} order={["usefulness", "willDo", "comments"]} />
      <PageHeading>{t("feedback.heading")}</PageHeading>
      <p className="lead">
        <CourseText language={course.language}>{course.title}</CourseText>
      </p>
      {state === "already" ? (
        <p>{t("feedback.given")}</p>
      ) : refusal ? (
        <Notice>{refusal}</Notice>
      ) : (
        <>
          <p>{t("feedback.intro")}</p>
          <Form method="post" noValidate>
            <RadioField
              name="usefulness"
              legend={t("feedback.usefulness")}
              options={USEFULNESS.map((score) => ({ value: String(score), label: t(`feedback.scale.${score}`) }))}
              defaultValue={result?.values.usefulness}
              error={result?.fieldErrors.usefulness}
            />
            <TextArea
              name="willDo"
              label={t("feedback.willDo")}
              hint={t("feedback.willDoHint", { maximum: FEEDBACK_LIMITS.willDo })}
              rows={4}
              prose
              defaultValue={result?.values.willDo}
              error={result?.fieldErrors.willDo}
            />
            <TextArea
              name="comments"
              label={t("feedback.comments")}
              hint={t("feedback.commentsHint", { maximum: FEEDBACK_LIMITS.comments })}
              rows={6}
              prose
              defaultValue={result?.values.comments}
              error={result?.fieldErrors.comments}
            />
            <SubmitButton>{t("feedback.submit")}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
