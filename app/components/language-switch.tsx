// "Cymraeg" / "English" in the header of every page: a form, so it works without JavaScript, that saves
// the choice (a cookie; the person's preference when signed in) and comes back to the same page. With
// JavaScript the page stays mounted, so what someone has typed into a form is still there.
import { Form, useLocation } from "@remix-run/react";
import { HTML_LANG, LANGUAGE_NAMES, LANGUAGE_PARAM, type Language } from "~/i18n/config";
import { preloadLanguage } from "~/i18n/catalogue.client";

export function LanguageSwitch({ language }: { language: Language }) {
  const location = useLocation();
  const other: Language = language === "cy" ? "en" : "cy";
  const search = new URLSearchParams(location.search);
  search.delete(LANGUAGE_PARAM);
  const query = search.toString();
  return (
    <Form method="post" action="/language" className="inline-form" replace preventScrollReset>
      <input type="hidden" name="language" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${query ? `?${query}` : ""}`} />
      <button
        type="submit"
        className="link-button"
        lang={HTML_LANG[other]}
        onPointerEnter={() => preloadLanguage(other)}
        onFocus={() => preloadLanguage(other)}
      >
        {LANGUAGE_NAMES[other]}
      </button>
    </Form>
  );
}
