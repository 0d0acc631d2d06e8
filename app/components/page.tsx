import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The heading block every page starts with. */
export function PageHeading({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <>
      {caption ? <span className="caption">{caption}</span> : null}
      <h1 className="heading-xl">{children}</h1>
    </>
  );
}

export function BackLink({ to, children }: { to: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="back-link">
      {children ?? t("back")}
    </Link>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "warning" ? "alert" : "status"}>
      {children}
    </div>
  );
}

export function Pagination({ page, pages, makeHref }: { page: number; pages: number; makeHref: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link to={makeHref(page - 1)} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : null}
      <span>{t("pagination.position", { page, pages })}</span>
      {page < pages ? (
        <Link to={makeHref(page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * A table that scrolls sideways on a narrow screen: the scrolling box can take keyboard focus (so it can be
 * scrolled without a mouse) and is named by the table's caption for screen readers.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
