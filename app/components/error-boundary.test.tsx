// The error page a route shows, rendered on the server as Remix renders it: through react-router (which
// @remix-run/react is built on) with a loader that fails. The browser tests cover the thrown responses
// (tests/e2e/error-pages.test.ts); an unexpected failure cannot be caused honestly from a browser, so it is here.
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { RouteErrorBoundary } from "./error-boundary";
import type { Language } from "~/i18n/config";
import { i18nFor } from "~/i18n/i18n.server";

async function render(loader: () => null, path = "/modules/x", method = "GET", language: Language = "en") {
  const routes = [
    {
      id: "root",
      path: "/",
      errorElement: <RouteErrorBoundary />,
      children: [
        {
          id: "page",
          path: "modules/:moduleId",
          loader,
          element: <p>The page</p>,
          errorElement: <RouteErrorBoundary links={[{ to: "/modules", label: "Go to all modules" }]} />,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`, { method }));
  if (context instanceof Response) throw new Error("expected a page, not a response");
  const html = renderToString(
    <I18nextProvider i18n={i18nFor(language)}>
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />
    </I18nextProvider>,
  );
  return { status: context.statusCode, html };
}

test("an unexpected error shows a generic apology and never the error's message or stack", async () => {
  const failure = new Error("connect ECONNREFUSED 10.0.0.5:5432 at PrismaClient (/srv/app/node_modules/x.js:1:1)");
  const { status, html } = await render(() => {
    throw failure;
  });
  expect(status).toBe(500);
  expect(html).toContain("<h1");
  expect(html).toContain("Sorry, there is a problem with the service");
  expect(html).toContain("what you entered has not been saved");
  expect(html).not.toContain("ECONNREFUSED");
  expect(html).not.toContain("node_modules");
  expect(html).toContain('href="/"');
});

test("a response the loader throws is shown with its own message, a heading for its status and the ways on", async () => {
  const notFound = await render(() => {
    throw new Response("There is no module at this address.", { status: 404 });
  });
  expect(notFound.status).toBe(404);
  expect(notFound.html).toContain("Page not found");
  expect(notFound.html).toContain("There is no module at this address.");
  expect(notFound.html).toMatch(/<a[^>]*href="\/modules"[^>]*>Go to all modules<\/a>.*<a[^>]*href="\/"[^>]*>Go to the home page<\/a>/);

  const forbidden = await render(() => {
    throw new Response("Your account does not have permission to see this page.", { status: 403 });
  });
  expect(forbidden.status).toBe(403);
  expect(forbidden.html).toContain("You cannot see this page");
  expect(forbidden.html).toContain("Your account does not have permission to see this page.");

  const badRequest = await render(() => {
    throw new Response("That form could not be read. Reload the page and try again.", { status: 400 });
  });
  expect(badRequest.html).toContain("Sorry, there is a problem");
  expect(badRequest.html).toContain("That form could not be read.");
});

test("an address no route matches gets the general not-found message, not the router's", async () => {
  const { status, html } = await render(() => null, "/no-such-page");
  expect(status).toBe(404);
  expect(html).toContain("Page not found");
  expect(html).toContain("If you typed the web address, check it is correct.");
  expect(html).not.toMatch(/No route matches/i);
});

test("a form posted to a page that takes none gets the general message, not the router's", async () => {
  const { status, html } = await render(() => null, "/modules/x", "POST");
  expect(status).toBe(405);
  expect(html).toContain("Sorry, there is a problem");
  expect(html).toContain("Please go back and try again.");
  expect(html).not.toMatch(/action/i);
});

test("in Welsh, the error page's heading, message and way home are Welsh", async () => {
  const { status, html } = await render(() => null, "/no-such-page", "GET", "cy");
  expect(status).toBe(404);
  expect(html).toContain("Heb ddod o hyd i&#x27;r dudalen");
  expect(html).toContain("Os gwnaethoch deipio&#x27;r cyfeiriad gwe");
  expect(html).toContain("Mynd i&#x27;r hafan");
  expect(html).not.toContain("Page not found");
});
