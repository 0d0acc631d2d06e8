import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { errorMeta, RouteErrorBoundary } from "~/components/error-boundary";
import { translatorFor } from "~/i18n/i18n.server";
import { notFound } from "~/utils/auth.server";

// Every address no other route matches. Without this route the router answers 404 itself, before any
// loader runs, so the page around the message would show the header of someone signed out.
export const meta: MetaFunction = ({ error, matches }) => errorMeta(error, matches);

export function loader({ context }: LoaderFunctionArgs) {
  // public: it only ever says there is no page here
  throw notFound(translatorFor(context.language)("errors.notFoundMessage"));
}

export function action({ context }: ActionFunctionArgs) {
  // public: as the loader
  throw notFound(translatorFor(context.language)("errors.notFoundMessage"));
}

export default function NoPage() {
  return null; // never rendered: the loader always throws
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
