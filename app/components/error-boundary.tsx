import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/** A short, specific message for a route's expected failures; a generic one for anything else. Never a stack trace. */
export function RouteErrorBoundary({ notFound = "We could not find that page." }: { notFound?: string }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return <ErrorPage title="Page not found" message={notFound} />;
    if (error.status === 403) {
      return <ErrorPage title="You cannot see this page" message="Your account does not have permission to see this page." />;
    }
    return <ErrorPage title="Sorry, there is a problem" message={typeof error.data === "string" ? error.data : "Please try again."} />;
  }
  return (
    <ErrorPage
      title="Sorry, there is a problem with the service"
      message="Please try again later. What you entered has not been saved if you were submitting a form."
    />
  );
}

function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <div className="error-page">
      <h1 className="heading-xl">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </div>
  );
}
