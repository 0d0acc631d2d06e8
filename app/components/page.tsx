import type { ReactNode } from "react";
import { Link } from "@remix-run/react";

/** The heading block every page starts with. */
export function PageHeading({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <>
      {caption ? <span className="caption">{caption}</span> : null}
      <h1 className="heading-xl">{children}</h1>
    </>
  );
}

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      {children}
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
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link to={makeHref(page - 1)} rel="prev">Previous page</Link> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <Link to={makeHref(page + 1)} rel="next">Next page</Link> : null}
    </nav>
  );
}

export function formatDateTime(value: string | Date) {
  return new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
}

export function formatDate(value: string | Date) {
  return new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
}
