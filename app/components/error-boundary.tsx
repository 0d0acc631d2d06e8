// What a person sees when a page cannot be shown, inside the normal layout (root.tsx's Layout wraps every
// boundary). A response a loader or action throws (404, 403, 400) carries its own message, written for
// the person reading it: the boundary shows it with a heading and a way on. Anything else is a fault of
// the service: a generic message, never the error itself (the server logs it: entry.server.tsx).
import type { MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { languageOf, titleWords } from "~/i18n/meta";

/** A way on from an error page: `label` is already in the page's language. */
type WayOn = { to: string; label: string };

type ErrorKind = "service" | "notFound" | "forbidden" | "problem";

/** What kind of error page this is, and the message a loader threw for it, if any. */
function describe(error: unknown): { kind: ErrorKind; thrown: string | null } {
  if (!isRouteErrorResponse(error)) return { kind: "service", thrown: null };
  // A message the app threw, not the router's own ("Error: No route matches URL …", marked internal; the
  // mark does not survive single fetch, so the router's other refusals, such as 405, never show theirs).
  const internal = "internal" in error && error.internal === true;
  const thrown = !internal && typeof error.data === "string" && error.data.trim() !== "" ? error.data : null;
  switch (error.status) {
    case 404:
      return { kind: "notFound", thrown };
    case 403:
      return { kind: "forbidden", thrown };
    case 400:
      return { kind: "problem", thrown };
    default:
      return { kind: "problem", thrown: null };
  }
}

function messageOf({ kind, thrown }: ReturnType<typeof describe>, t: TFunction) {
  return thrown ?? t(`errors.${kind}Message`);
}

/** The page's <title> while a boundary shows an error (from a route's `meta`, which receives `error`). */
export function errorMeta(error: unknown, matches: Parameters<typeof languageOf>[0]): MetaDescriptor[] {
  const titles = titleWords(languageOf(matches));
  const title = titles(`errors.${describe(error).kind}`);
  return [{ title: titles("title", { page: title }) }];
}

/**
 * The error page for a route: `links` are the ways on that make sense from there (the catalogue, the
 * list of accounts), offered unless the person may not use this part of the service at all (403); the
 * home page is always offered last.
 */
export function RouteErrorBoundary({ links = [] }: { links?: WayOn[] }) {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  const described = describe(error);
  const title = titleWords(i18n.language === "cy" ? "cy" : "en")(`errors.${described.kind}`);
  const message = messageOf(described, t);
  const home: WayOn = { to: "/", label: t("errors.home") };
  const ways = isRouteErrorResponse(error) && error.status === 403 ? [home] : [...links, home];
  return (
    <div className="error-page narrow">
      <h1 className="heading-xl">{title}</h1>
      <p>{message}</p>
      <ul>
        {ways.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
