// What a person sees when a page cannot be shown, inside the normal layout (root.tsx's Layout wraps every
// boundary). A response a loader or action throws (404, 403, 400) carries its own message, written for
// the person reading it: the boundary shows it with a heading and a way on. Anything else is a fault of
// the service: a generic message, never the error itself (the server logs it: entry.server.tsx).
import type { MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

type WayOn = { to: string; label: string };

const HOME: WayOn = { to: "/", label: "Go to the home page" };

type ErrorContent = { title: string; message: string };

function describe(error: unknown): ErrorContent {
  if (!isRouteErrorResponse(error)) {
    return {
      title: "Sorry, there is a problem with the service",
      message: "Please try again later. If you were submitting a form, what you entered has not been saved.",
    };
  }
  // A message the app threw, not the router's own ("Error: No route matches URL …", marked internal; the
  // mark does not survive single fetch, so the router's other refusals, such as 405, never show theirs).
  const internal = "internal" in error && error.internal === true;
  const thrown = !internal && typeof error.data === "string" && error.data.trim() !== "" ? error.data : null;
  switch (error.status) {
    case 404:
      return {
        title: "Page not found",
        message: thrown ?? "If you typed the web address, check it is correct. If you followed a link, it may be out of date.",
      };
    case 403:
      return { title: "You cannot see this page", message: thrown ?? "Your account does not have permission to see this page." };
    case 400:
      return { title: "Sorry, there is a problem", message: thrown ?? "Please go back and try again." };
    default:
      return { title: "Sorry, there is a problem", message: "Please go back and try again." };
  }
}

/** The page's <title> while a boundary shows an error (from a route's `meta`, which receives `error`). */
export function errorMeta(error: unknown): MetaDescriptor[] {
  return [{ title: `${describe(error).title} – Leadership Essentials` }];
}

/**
 * The error page for a route: `links` are the ways on that make sense from there (the catalogue, the
 * list of accounts), offered unless the person may not use this part of the service at all (403); the
 * home page is always offered last.
 */
export function RouteErrorBoundary({ links = [] }: { links?: WayOn[] }) {
  const error = useRouteError();
  const { title, message } = describe(error);
  const ways = isRouteErrorResponse(error) && error.status === 403 ? [HOME] : [...links, HOME];
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
