import { Link } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { useLesson } from "./lesson-body";

export function Callout({ title, kind = "info", children }: { title?: string; kind?: "info" | "warning"; children: ReactNode }) {
  return (
    <div className={`callout callout--${kind}`} role="note">
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </div>
  );
}

export function KeyFact({ source, children }: { source: string; children: ReactNode }) {
  return (
    <div className="key-fact" role="note">
      <p className="key-fact__label">Key fact</p>
      {children}
      <p className="key-fact__source">Source: {source}</p>
    </div>
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

/** <KnowledgeCheck /> in a lesson: where the knowledge check is offered. The questions themselves are on their own page. */
export function KnowledgeCheckLink() {
  const { moduleId, canTake, check } = useLesson();
  const headingId = useId();
  return (
    <section className="knowledge-check-link" aria-labelledby={headingId}>
      <h2 id={headingId}>Knowledge check</h2>
      <p>
        {check.questionCount} questions. You need {check.passMark}% to pass, and you can try as many times as you like.
      </p>
      {check.passed ? <p className="tag tag--green">Passed: your best score is {check.bestScore}%</p> : null}
      {canTake ? (
        <Link to={`/modules/${moduleId}/check`} className="button">
          {check.passed
            ? "Take the knowledge check again"
            : check.bestScore !== null
            ? "Try the knowledge check again"
            : "Take the knowledge check"}
        </Link>
      ) : (
        <p className="secondary">Councillors take the knowledge check here.</p>
      )}
    </section>
  );
}
