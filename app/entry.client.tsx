import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createBrowserI18n, documentLanguage, documentRouteNamespaces } from "./i18n/catalogue.client";

// The page's words load before hydration, so React's first render in the browser matches the server's.
void createBrowserI18n(documentLanguage(), documentRouteNamespaces()).then((i18n) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
});
