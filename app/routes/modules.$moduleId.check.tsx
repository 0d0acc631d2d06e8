import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, fieldId } from "~/components/forms";
import { BackLink, formatDateTime, PageHeading } from "~/components/page";
import { knowledgeCheckFor, requireModule } from "~/content/content.server";
import { questionsToAsk, type Answers } from "~/learning/core";
import { attemptResults, openAttempt, startKnowledgeCheck, submitKnowledgeCheck } from "~/learning/knowledge-check.server";
import { progressForModule } from "~/learning/reader.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { KnowledgeCheckActionSchema } from "~/utils/schemas.server";
import { formResult, refuseForm } from "~/utils/forms";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) =>
  error ? errorMeta(error, matches) : pageTitle(matches, (t) => t("pages.knowledgeCheck", { module: data?.module.title ?? t("pages.module") }));

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
  // the answers and explanations leave the server only for an attempt its author has submitted and passed
  const results = attemptId ? await attemptResults({ userId: user.id, module, knowledgeCheck, attemptId }) : null;
  if (attemptId && !results) throw new Response("That attempt was not found.", { status: 404 });
  const open = results ? null : await openAttempt({ userId: user.id, module, knowledgeCheck });
  return {
    module: { id: module.id, title: module.title, passMark: module.passMark, questionCount: module.questionCount },
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
  const { module, knowledgeCheck } = requireKnowledgeCheck(args.params.moduleId);
  const formData = await args.request.formData();
  const form = KnowledgeCheckActionSchema.safeParse({ intent: formData.get("intent"), attempt: formData.get("attempt") ?? undefined });
  if (!form.success) throw new Response("This form was not understood.", { status: 400 });
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
      return redirectWithFlash(checkUrl, "That attempt has ended or the module has changed. Start the knowledge check again.");
    case "already-submitted":
      return redirect(`${checkUrl}?attempt=${submission.attemptId}`);
    case "unanswered": {
      const numberOf = (id: string) => submission.check.questions.findIndex((q) => q.id === id) + 1;
      const fieldErrors = Object.fromEntries(submission.questionIds.map((id) => [`answer-${id}`, `Choose an answer to question ${numberOf(id)}`]));
      return refuseForm(formResult(formData, { fieldErrors }));
    }
    case "graded": {
      const resultsUrl = `${checkUrl}?attempt=${submission.attemptId}`;
      if (submission.completed?.isNew) return redirectWithFlash(resultsUrl, `You have completed ${module.title}. Your certificate is ready.`);
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

function BestScore({ progress }: { progress: LoaderData["progress"] }) {
  return progress.bestScore !== null ? (
    <p>
      Your best score so far is <strong>{progress.bestScore}%</strong>
      {progress.passed ? " (passed)" : ""}.
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
  return (
    <>
      <PageHeading caption={module.title}>Knowledge check</PageHeading>
      <p>
        {module.questionCount} questions, drawn afresh for each attempt. Choose one answer for each. You need {module.passMark}% to pass and
        you can try again as often as you like: your best score counts.
      </p>
      <BestScore progress={progress} />
      <StartButton module={module} label="Start the knowledge check" />
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
  const { questions } = attempt;
  return (
    <>
      <ErrorSummary result={result} order={questions.map((q) => `answer-${q.id}`)} />
      <PageHeading caption={module.title}>Knowledge check</PageHeading>
      <p>
        {questions.length} questions. Choose one answer for each. You need {module.passMark}% to pass and you can try again as often as you
        like: your best score counts.
      </p>
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
          The pass mark is {module.passMark}%. Submitted {formatDateTime(results.submittedAt)}.
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
        <div className="button-group">
          <StartButton module={module} label="Try again" />
          <Link to={base} className="button button--secondary">
            Review the lessons
          </Link>
        </div>
      ) : null}
      {results.sameVersion ? (
        <>
          <h2>
            {wrong.length === 0
              ? "You answered every question correctly"
              : `${wrong.length} answer${wrong.length === 1 ? " was" : "s were"} wrong`}
          </h2>
          {results.passed ? (
            <AnswerList results={results.results} />
          ) : (
            <>
              <p>Read the lesson again for each question you got wrong, then try again. Each attempt draws its questions afresh.</p>
              <WrongList moduleId={module.id} results={results.results} />
            </>
          )}
        </>
      ) : (
        <p>The module has been updated since this attempt, so its questions and answers are not shown. Your score stands.</p>
      )}
      {results.passed ? <StartButton module={module} label="Take it again" /> : null}
    </>
  );
}

type Result = NonNullable<LoaderData["results"]>["results"][number];

/** A question as answered: its prompt, whether the answer was right, and the answer chosen. */
function QuestionAnswered({ result }: { result: Result }) {
  return (
    <>
      <p className="answer__prompt">{result.prompt}</p>
      <p>
        <strong className={result.isCorrect ? "tag tag--green" : "tag tag--red"}>{result.isCorrect ? "Correct" : "Wrong"}</strong> Your answer:{" "}
        {result.chosen ?? "none"}
      </p>
    </>
  );
}

function AnswerList({ results }: { results: Result[] }) {
  return (
    <ol className="answer-list">
      {results.map((r) => (
        <li key={r.questionId} className={r.isCorrect ? "answer answer--right" : "answer answer--wrong"}>
          <QuestionAnswered result={r} />
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

/** After a fail: which answers were wrong and where to read again, never the right answers. */
function WrongList({ moduleId, results }: { moduleId: string; results: Result[] }) {
  return (
    <ol className="answer-list">
      {results.map((r) => (
        <li key={r.questionId} className={r.isCorrect ? "answer answer--right" : "answer answer--wrong"}>
          <QuestionAnswered result={r} />
          {!r.isCorrect && r.lesson ? (
            <p>
              Read again: <Link to={`/modules/${moduleId}/lessons/${r.lesson.slug}`}>{r.lesson.title}</Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary links={[{ to: "/modules", label: "Go to all modules" }]} />;
}
