import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLesson } from "./lesson-body";

export function Callout({ title, kind = "info", children }: { title?: string; kind?: "info" | "warning"; children: ReactNode }) {
  return (
    <aside className={`callout callout--${kind}`} aria-label={title ?? (kind === "warning" ? "Warning" : "Note")}>
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </aside>
  );
}

export function KeyFact({ source, children }: { source: string; children: ReactNode }) {
  return (
    <aside className="key-fact" aria-label="Key fact">
      <p className="key-fact__label">Key fact</p>
      {children}
      <p className="key-fact__source">Source: {source}</p>
    </aside>
  );
}

export function Diagram({ name, alt, children }: { name: string; alt: string; children: ReactNode }) {
  return (
    <figure className="diagram">
      <img src={`/diagrams/${name}.svg`} alt={alt} />
      <figcaption>
        <details>
          <summary>The diagram in words</summary>
          {children}
        </details>
      </figcaption>
    </figure>
  );
}

/** <Quiz /> in a lesson: where the knowledge check is offered. The questions themselves are on their own page. */
export function QuizLink() {
  const { moduleId, canTake, check } = useLesson();
  return (
    <section className="quiz-link" aria-labelledby="knowledge-check-heading">
      <h2 id="knowledge-check-heading">Knowledge check</h2>
      <p>
        {check.questionCount} questions. You need {check.passMark}% to pass, and you can try as many times as you like.
      </p>
      {check.passed ? <p className="tag tag--green">Passed: your best score is {check.bestScore}%</p> : null}
      {canTake ? (
        <Link to={`/modules/${moduleId}/check`} className="button">
          {check.passed ? "Take the knowledge check again" : check.bestScore !== null ? "Try the knowledge check again" : "Take the knowledge check"}
        </Link>
      ) : (
        <p className="secondary">Councillors take the knowledge check here.</p>
      )}
    </section>
  );
}
