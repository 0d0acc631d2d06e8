import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The officer's council pages: members, former members, committees, training requirements, the upload and bookings. */
export function CouncilNav() {
  const { t } = useTranslation("council");
  const pages = [
    { to: "/council", label: t("nav.members") },
    { to: "/council/left", label: t("nav.left") },
    { to: "/council/committees", label: t("nav.committees") },
    { to: "/council/requirements", label: t("nav.requirements") },
    { to: "/council/report", label: t("nav.report") },
    { to: "/council/committees/readiness", label: t("nav.readiness") },
    { to: "/council/reviews", label: t("nav.reviews") },
    { to: "/council/upload", label: t("nav.upload") },
    { to: "/council/bookings", label: t("nav.bookings") },
    { to: "/council/settings", label: t("nav.settings") },
  ];
  return (
    <nav className="sub-nav" aria-label={t("nav.label")}>
      <ul>
        {pages.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
