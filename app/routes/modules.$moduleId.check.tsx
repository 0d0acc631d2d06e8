import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Sentence } from "~/components/sentence";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, fieldId } from "~/components/forms";
import { BackLink, PageHeading } from "~/components/page";
import { knowledgeCheckFor, requireModule } from "~/content/content.server";
import type { Language } from "~/i18n/config";
import { questionsToAsk, type Answers } from "~/learning/core";
import { attemptResults, openAttempt, startKnowledgeCheck, submitKnowledgeCheck } from "~/learning/knowledge-check.server";
import { progressForModule } from "~/learning/reader.server";
import { wordsOf } from "~/i18n/i18n.server";
import type { TFunction } from "i18next";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { KnowledgeCheckActionSchema } from "~/utils/schemas.server";
import { formResult, refuseForm } from "~/utils/forms";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLangOf, useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.knowledgeCheck", { module: data?.module.title ?? t("pages.module") }));

function requireKnowledgeCheck(moduleId: string | undefined, language: Language, t: TFunction<"learning">) {
  const module = requireModule(moduleId, language);
  const knowledgeCheck = knowledgeCheckFor(module.id, language);
  if (!knowledgeCheck) throw new Response(t("check.noCheck"), { status: 404 });
  return { module, knowledgeCheck };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const t = wordsOf(args.context.language, "learning");
  const { module, knowledgeCheck } = requireKnowledgeCheck(args.params.moduleId, args.context.language, t);
  const attemptId = new URL(args.request.url).searchParams.get("attempt");
  const progress = await progressForModule({ userId: user.id, module });
  // the answers and explanations leave the server only for an attempt its author has submitted and passed
  const results = attemptId ? await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId }) : null;
  if (attemptId && !results) throw new Response(t("check.attemptNotFound"), { status: 404 });
  const open = results ? null : await openAttempt({ userId: user.id, module, knowledgeCheck });
  return {
    module: { id: module.id, title: module.title, passMark: module.passMark, questionCount: module.questionCount, language: module.language },
    attempt: open ? { id: open.id, questions: questionsToAsk(open.check) } : null,
    results,
    progress: {
      bestScore: progress.bestScore,
      passed: progress.passed,
      completed: progress.state === "completed",
      lessonsLeft: module.lessons.length - progress.lessonsDone,
      nextLesson: progress.nextStep?.kind === "lesson" ? progress.nextStep : null,
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const t = wordsOf(args.context.language, "learning");
  const { module, knowledgeCheck } = requireKnowledgeCheck(args.params.moduleId, args.context.language, t);
  const formData = await args.request.formData();
  const form = KnowledgeCheckActionSchema.safeParse({ intent: formData.get("intent"), attempt: formData.get("attempt") ?? undefined });
  if (!form.success) throw new Response(t("check.notUnderstood"), { status: 400 });
  const checkUrl = `/modules/${module.id}/check`;
  if (form.data.intent === "start") {
    await startKnowledgeCheck({ userId: user.id, module, knowledgeCheck });
    return redirect(checkUrl);
  }
  const answers: Answers = {};
  for (const [key, value] of formData) if (key.startsWith("answer-") && typeof value === "string") answers[key.slice(7)] = value;
  const submission = await submitKnowledgeCheck({ userId: user.id, module, knowledgeCheck, attemptId: form.data.attempt, answers });
  switch (submission.kind) {
    case "not-found":
      return redirectWithFlash(checkUrl, t("check.attemptEnded"));
    case "already-submitted":
      return redirect(`${checkUrl}?attempt=${submission.attemptId}`);
    case "unanswered": {
      const numberOf = (id: string) => submission.check.questions.findIndex((q) => q.id === id) + 1;
      const fieldErrors = Object.fromEntries(submission.questionIds.map((id) => [`answer-${id}`, t("check.chooseAnswer", { number: numberOf(id) })]));
      return refuseForm(formResult(formData, { fieldErrors }));
    }
    case "graded": {
      const resultsUrl = `${checkUrl}?attempt=${submission.attemptId}`;
      if (submission.completed?.isNew) return redirectWithFlash(resultsUrl, t("check.certificateReady", { module: module.title }));
      return redirect(resultsUrl);
    }
  }
}

export default function KnowledgeCheckPage() {
  const { module, attempt, results, progress } = useLoaderData<typeof loader>();
  const base = `/modules/${module.id}`;
  return (
    <div className="narrow">
      <BackLink to={base}>{module.title}</BackLink>
      {results ? (
        <Results module={module} results={results} progress={progress} />
      ) : attempt ? (
        <Questions module={module} attempt={attempt} progress={progress} />
      ) : (
        <Start module={module} progress={progress} />
      )}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The `lang` of the questions, answers and explanations when the module is not in the page's language. */
function useQuestionsLang() {
  return useLangOf(useLoaderData<typeof loader>().module.language);
}

function BestScore({ progress }: { progress: LoaderData["progress"] }) {
  const { t } = useTranslation("learning");
  return progress.bestScore !== null ? (
    <p>
      <Sentence
        text={t(progress.passed ? "check.bestScorePassed" : "check.bestScore", { score: progress.bestScore })}
        components={{ strong: <strong /> }}
      />
    </p>
  ) : null;
}

function StartButton({ module, label }: { module: LoaderData["module"]; label: string }) {
  const starting = useNavigation().formData?.get("intent") === "start";
  return (
    <Form method="post" action={`/modules/${module.id}/check`}>
      <input type="hidden" name="intent" value="start" />
      <button type="submit" className="button" disabled={starting}>
        {label}
      </button>
    </Form>
  );
}

function Start({ module, progress }: { module: LoaderData["module"]; progress: LoaderData["progress"] }) {
  const { t } = useTranslation("learning");
  return (
    <>
      <PageHeading caption={module.title}>{t("check.heading")}</PageHeading>
      <p>{t("check.startIntro", { questions: module.questionCount, passMark: module.passMark })}</p>
      <BestScore progress={progress} />
      <StartButton module={module} label={t("check.start")} />
    </>
  );
}

function Questions({
  module,
  attempt,
  progress,
}: {
  module: LoaderData["module"];
  attempt: NonNullable<LoaderData["attempt"]>;
  progress: LoaderData["progress"];
}) {
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation("learning");
  const { questions } = attempt;
  const lang = useQuestionsLang();
  return (
    <>
      <ErrorSummary result={result} order={questions.map((q) => `answer-${q.id}`)} />
      <PageHeading caption={module.title}>{t("check.heading")}</PageHeading>
      <p>{t("check.questionsIntro", { questions: questions.length, passMark: module.passMark })}</p>
      <BestScore progress={progress} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="attempt" value={attempt.id} />
        {questions.map((question, index) => {
          const name = `answer-${question.id}`;
          const error = result?.fieldErrors[name];
          return (
            <fieldset
              key={question.id}
              className={error ? "form-group form-group--error question" : "form-group question"}
              aria-describedby={error ? `${fieldId(name)}-error` : undefined}
            >
              <legend className="question__prompt">
                <span className="question__number">{t("check.question", { number: index + 1 })}</span> <span lang={lang}>{question.prompt}</span>
              </legend>
              {error ? (
                <p className="error-message" id={`${fieldId(name)}-error`}>
                  <span className="visually-hidden">{t("check.error")}</span> {error}
                </p>
              ) : null}
              <div className="radios">
                {question.options.map((option, optionIndex) => {
                  const id = optionIndex === 0 ? fieldId(name) : `${fieldId(name)}-${option.id}`;
                  return (
                    <div className="radio" key={option.id}>
                      <input
                        type="radio"
                        id={id}
                        name={name}
                        value={option.id}
                        defaultChecked={result?.values[name] === option.id}
                      />
                      <label htmlFor={id} lang={lang}>
                        {option.text}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t("check.checking") : t("check.submit")}
        </button>
      </Form>
    </>
  );
}

function Results({
  module,
  results,
  progress,
}: {
  module: LoaderData["module"];
  results: NonNullable<LoaderData["results"]>;
  progress: LoaderData["progress"];
}) {
  const base = `/modules/${module.id}`;
  const wrong = results.results.filter((r) => !r.isCorrect);
  const { t } = useTranslation("learning");
  const language = useLanguage();
  return (
    <>
      <PageHeading caption={module.title}>{results.passed ? t("check.passedHeading") : t("check.failedHeading")}</PageHeading>
      <div className={results.passed ? "result-panel result-panel--pass" : "result-panel"}>
        <p className="result-panel__score">{t("check.score", { correct: results.correct, total: results.total, percent: results.scorePercent })}</p>
        <p>
          {t("check.passMark", { passMark: module.passMark, date: formatDateTime(results.submittedAt, language) })}
          {progress.bestScore !== null && progress.bestScore > results.scorePercent ? ` ${t("check.bestScoreHigher", { score: progress.bestScore })}` : null}
        </p>
      </div>
      {progress.completed ? (
        <p>
          <Link to={`${base}/certificate`} className="button">
            {t("viewCertificate")}
          </Link>
        </p>
      ) : results.passed && progress.lessonsLeft > 0 ? (
        <p>
          {t("check.lessonsLeft", { count: progress.lessonsLeft })}{" "}
          {progress.nextLesson ? (
            <Link to={`${base}/lessons/${progress.nextLesson.slug}`}>{t("check.goTo", { lesson: progress.nextLesson.title })}</Link>
          ) : null}
        </p>
      ) : null}
      {!results.passed ? (
        <div className="button-group">
          <StartButton module={module} label={t("check.tryAgain")} />
          <Link to={base} className="button button--secondary">
            {t("check.review")}
          </Link>
        </div>
      ) : null}
      {results.sameVersion ? (
        <>
          <h2>{wrong.length === 0 ? t("check.allCorrect") : t("check.wrongCount", { count: wrong.length })}</h2>
          {results.passed ? (
            <AnswerList results={results.results} />
          ) : (
            <>
              <p>{t("check.readAgainIntro")}</p>
              <WrongList moduleId={module.id} results={results.results} />
            </>
          )}
        </>
      ) : (
        <p>{t("check.moduleUpdated")}</p>
      )}
      {results.passed ? <StartButton module={module} label={t("check.takeAgain")} /> : null}
    </>
  );
}

type Result = NonNullable<LoaderData["results"]>["results"][number];

/** A question as answered: its prompt, whether the answer was right, and the answer chosen. */
function QuestionAnswered({ result }: { result: Result }) {
  const lang = useQuestionsLang();
  const { t } = useTranslation("learning");
  return (
    <>
      <p className="answer__prompt" lang={lang}>
        {result.prompt}
      </p>
      <p>
        <strong className={result.isCorrect ? "tag tag--green" : "tag tag--red"}>{result.isCorrect ? t("check.correct") : t("check.wrong")}</strong>{" "}
        {t("check.yourAnswer")} {result.chosen ? <span lang={lang}>{result.chosen}</span> : t("check.none")}
      </p>
    </>
  );
}

function AnswerList({ results }: { results: Result[] }) {
  const { t } = useTranslation("learning");
  const lang = useQuestionsLang();
  return (
    <ol className="answer-list">
      {results.map((r) => (
        <li key={r.questionId} className={r.isCorrect ? "answer answer--right" : "answer answer--wrong"}>
          <QuestionAnswered result={r} />
          {!r.isCorrect ? (
            <p>
              {t("check.rightAnswerLabel")} <span lang={lang}>{r.correctAnswer}</span>
            </p>
          ) : null}
          <p className="answer__why">
            <span className="visually-hidden">{t("check.why")} </span>
            <span lang={lang}>{r.explanation}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** After a fail: which answers were wrong and where to read again, never the right answers. */
function WrongList({ moduleId, results }: { moduleId: string; results: Result[] }) {
  const { t } = useTranslation("learning");
  const lang = useQuestionsLang();
  return (
    <ol className="answer-list">
      {results.map((r) => (
        <li key={r.questionId} className={r.isCorrect ? "answer answer--right" : "answer answer--wrong"}>
          <QuestionAnswered result={r} />
          {!r.isCorrect && r.lesson ? (
            <p>
              {t("check.readAgain")} <Link to={`/modules/${moduleId}/lessons/${r.lesson.slug}`} lang={lang}>
                {r.lesson.title}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("learning");
  return <RouteErrorBoundary links={[{ to: "/modules", label: t("goToAllModules") }]} />;
}
