import type { MetaFunction } from "@remix-run/node";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/auth.server";

// Every address no other route matches. Without this route the router answers 404 itself, before any
// loader runs, so the page around the message would show the header of someone signed out.
export const meta: MetaFunction = ({ error, matches }) => errorMeta(error, matches);

const NO_PAGE = "If you typed the web address, check it is correct. If you followed a link, it may be out of date.";

export function loader() {
  // public: it only ever says there is no page here
  throw notFound(NO_PAGE);
}

export function action() {
  // public: as the loader
  throw notFound(NO_PAGE);
}

export default function NoPage() {
  return null; // never rendered: the loader always throws
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
