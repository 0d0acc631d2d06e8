import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, fieldId } from "~/components/forms";
import { BackLink, formatDateTime, PageHeading } from "~/components/page";
import { knowledgeCheckFor, requireModule } from "~/content/content.server";
import { questionsToAsk, unansweredQuestions, type Answers } from "~/learning/core";
import { attemptResults, submitKnowledgeCheck } from "~/learning/knowledge-check.server";
import { progressForModule } from "~/learning/reader.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formResult, refuseForm } from "~/utils/forms";

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  error ? errorMeta(error) : [{ title: `Knowledge check – ${data?.module.title ?? "Module"} – Leadership Essentials` }];

function requireKnowledgeCheck(moduleId: string | undefined) {
  const module = requireModule(moduleId);
  const knowledgeCheck = knowledgeCheckFor(module.id);
  if (!knowledgeCheck) throw new Response("This module has no knowledge check.", { status: 404 });
  return { module, knowledgeCheck };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "module:take");
  const { module, knowledgeCheck } = requireKnowledgeCheck(args.params.moduleId);
  const attemptId = new URL(args.request.url).searchParams.get("attempt");
  const progress = await progressForModule({ userId: user.id, module });
  // the answers and explanations leave the server only for an attempt its author has already submitted
  const results = attemptId ? await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId }) : null;
  if (attemptId && !results) throw new Response("That attempt was not found.", { status: 404 });
  return {
    module: { id: module.id, title: module.title, passMark: module.passMark },
    questions: results ? null : questionsToAsk(knowledgeCheck),
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
  const { module, knowledgeCheck } = requireKnowledgeCheck(args.params.moduleId);
  const formData = await args.request.formData();
  const answers: Answers = {};
  for (const question of knowledgeCheck.questions) {
    const value = formData.get(`answer-${question.id}`);
    if (typeof value === "string") answers[question.id] = value;
  }
  const missing = unansweredQuestions(knowledgeCheck, answers);
  if (missing.length > 0) {
    const fieldErrors = Object.fromEntries(
      missing.map((id) => [`answer-${id}`, `Choose an answer to question ${knowledgeCheck.questions.findIndex((q) => q.id === id) + 1}`]),
    );
    return refuseForm(formResult(formData, { fieldErrors }));
  }
  const { attempt, completed } = await submitKnowledgeCheck({ userId: user.id, module, knowledgeCheck, answers });
  const resultsUrl = `/modules/${module.id}/check?attempt=${attempt.id}`;
  if (completed?.isNew) return redirectWithFlash(resultsUrl, `You have completed ${module.title}. Your certificate is ready.`);
  return redirect(resultsUrl);
}

export default function KnowledgeCheckPage() {
  const { module, questions, results, progress } = useLoaderData<typeof loader>();
  const base = `/modules/${module.id}`;
  return (
    <div className="narrow">
      <BackLink to={base}>{module.title}</BackLink>
      {results ? (
        <Results module={module} results={results} progress={progress} />
      ) : (
        <Questions module={module} questions={questions!} progress={progress} />
      )}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Questions({
  module,
  questions,
  progress,
}: {
  module: LoaderData["module"];
  questions: NonNullable<LoaderData["questions"]>;
  progress: LoaderData["progress"];
}) {
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <ErrorSummary result={result} order={questions.map((q) => `answer-${q.id}`)} />
      <PageHeading caption={module.title}>Knowledge check</PageHeading>
      <p>
        {questions.length} questions. Choose one answer for each. You need {module.passMark}% to pass and you can try again as often as you
        like: your best score counts.
      </p>
      {progress.bestScore !== null ? (
        <p>
          Your best score so far is <strong>{progress.bestScore}%</strong>
          {progress.passed ? " (passed)" : ""}.
        </p>
      ) : null}
      <Form method="post" noValidate>
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
                <span className="question__number">Question {index + 1}</span> {question.prompt}
              </legend>
              {error ? (
                <p className="error-message" id={`${fieldId(name)}-error`}>
                  <span className="visually-hidden">Error:</span> {error}
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
                      <label htmlFor={id}>{option.text}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Checking your answers…" : "Check my answers"}
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
  return (
    <>
      <PageHeading caption={module.title}>{results.passed ? "You passed the knowledge check" : "You did not pass this time"}</PageHeading>
      <div className={results.passed ? "result-panel result-panel--pass" : "result-panel"}>
        <p className="result-panel__score">
          You scored {results.correct} out of {results.total} ({results.scorePercent}%)
        </p>
        <p>
          The pass mark is {module.passMark}%. Submitted {formatDateTime(results.createdAt)}.
          {progress.bestScore !== null && progress.bestScore > results.scorePercent ? ` Your best score is ${progress.bestScore}%.` : null}
        </p>
      </div>
      {progress.completed ? (
        <p>
          <Link to={`${base}/certificate`} className="button">
            View your certificate
          </Link>
        </p>
      ) : results.passed && progress.lessonsLeft > 0 ? (
        <p>
          To complete the module, finish the {progress.lessonsLeft} lesson{progress.lessonsLeft === 1 ? "" : "s"} you have not marked
          complete.{" "}
          {progress.nextLesson ? <Link to={`${base}/lessons/${progress.nextLesson.slug}`}>Go to {progress.nextLesson.title}</Link> : null}
        </p>
      ) : null}
      {!results.passed ? (
        <p>
          <Link to={`${base}/check`} className="button">
            Try again
          </Link>
          <Link to={base} className="button button--secondary">
            Review the lessons
          </Link>
        </p>
      ) : null}
      {results.sameVersion ? (
        <>
          <h2>
            {wrong.length === 0
              ? "You answered every question correctly"
              : `${wrong.length} answer${wrong.length === 1 ? " was" : "s were"} wrong`}
          </h2>
          <AnswerList results={results.results} />
        </>
      ) : (
        <p>The module has been updated since this attempt, so its questions and answers are not shown. Your score stands.</p>
      )}
      {results.passed ? (
        <p>
          <Link to={`${base}/check`} className="button button--secondary">
            Take it again
          </Link>
        </p>
      ) : null}
    </>
  );
}

function AnswerList({ results }: { results: NonNullable<LoaderData["results"]>["results"] }) {
  return (
    <ol className="answer-list">
      {results.map((r) => (
        <li key={r.questionId} className={r.isCorrect ? "answer answer--right" : "answer answer--wrong"}>
          <p className="answer__prompt">{r.prompt}</p>
          <p>
            <strong className={r.isCorrect ? "tag tag--green" : "tag tag--red"}>{r.isCorrect ? "Correct" : "Wrong"}</strong> Your answer:{" "}
            {r.chosen ?? "none"}
          </p>
          {!r.isCorrect ? <p>The right answer: {r.correctAnswer}</p> : null}
          <p className="answer__why">
            <span className="visually-hidden">Why: </span>
            {r.explanation}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary links={[{ to: "/modules", label: "Go to all modules" }]} />;
}
