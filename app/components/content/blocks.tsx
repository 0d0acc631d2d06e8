import { Link } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("learning");
  return (
    <div className="key-fact" role="note">
      <p className="key-fact__label">{t("content.keyFact")}</p>
      {children}
      <p className="key-fact__source">{t("content.source", { source })}</p>
    </div>
  );
}

export function Diagram({ name, alt, children }: { name: string; alt: string; children: ReactNode }) {
  const { t } = useTranslation("learning");
  return (
    <figure className="diagram">
      <img src={`/diagrams/${name}.svg`} alt={alt} />
      <figcaption>
        <details>
          <summary>{t("content.diagramInWords")}</summary>
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
  const { t } = useTranslation("learning");
  return (
    <section className="knowledge-check-link" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("knowledgeCheck")}</h2>
      <p>{t("content.checkSummary", { questions: check.questionCount, passMark: check.passMark })}</p>
      {check.passed ? <p className="tag tag--green">{t("content.checkPassed", { score: check.bestScore })}</p> : null}
      {canTake ? (
        <Link to={`/modules/${moduleId}/check`} className="button">
          {check.passed
            ? t("content.takeCheckAgain")
            : check.bestScore !== null
            ? t("content.tryCheckAgain")
            : t("content.takeCheck")}
        </Link>
      ) : (
        <p className="secondary">{t("content.councillorsTakeCheck")}</p>
      )}
    </section>
  );
}
