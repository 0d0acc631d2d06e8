// The browser's i18next: one instance, holding the words of the page's language, loaded before the page
// is hydrated so the first render matches the server's. The words every page may use are one chunk per
// language; the words of officers' and staff pages (ROUTE_NAMESPACES) are a chunk per language and namespace,
// loaded before hydration when the page's routes name them in their handle, and otherwise when a route that
// uses them first renders: react-i18next suspends it until they arrive, and since Remix renders a navigation
// in a transition, the page before it stays on screen meanwhile, never a page of untranslated keys.
// See docs/decisions/018-words-with-their-routes.md.
import { createInstance, type BackendModule, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { BASE_NAMESPACES, DEFAULT_LANGUAGE, HTML_LANG, I18N_OPTIONS, isLanguage, isRouteNamespace, LANGUAGES, ROUTE_NAMESPACES, type Language, type RouteNamespace } from "./config";

const EVERY_PAGE: Record<Language, () => Promise<{ default: Record<string, object> }>> = {
  en: () => import("./locales/en"),
  cy: () => import("./locales/cy"),
};

const ROUTE_WORDS: Record<Language, Record<RouteNamespace, () => Promise<{ default: object }>>> = {
  en: { council: () => import("./locales/en/council.json"), staff: () => import("./locales/en/staff.json") },
  cy: { council: () => import("./locales/cy/council.json"), staff: () => import("./locales/cy/staff.json") },
};

async function wordsOf(language: Language, namespace: string) {
  if (isRouteNamespace(namespace)) return (await ROUTE_WORDS[language][namespace]()).default;
  const words = (await EVERY_PAGE[language]()).default[namespace];
  if (!words) throw new Error(`No words for the namespace ${namespace}`);
  return words;
}

/** i18next reads each namespace of a language through this: a chunk of the build, imported once. */
const catalogues: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    if (!isLanguage(language)) return callback(new Error(`No words in ${language}`), false);
    wordsOf(language, namespace).then(
      (words) => callback(null, words),
      (error: Error) => callback(error, false),
    );
  },
};

/** The language the server rendered the document in (from `<html lang>`). */
export function documentLanguage(): Language {
  const lang = document.documentElement.lang;
  return LANGUAGES.find((language) => HTML_LANG[language] === lang) ?? DEFAULT_LANGUAGE;
}

/** The route namespaces the document's routes name in their handles (their modules are loaded before the entry). */
export function documentRouteNamespaces(): RouteNamespace[] {
  return getInitialNamespaces().filter(isRouteNamespace);
}

let instance: i18n | null = null;

export async function createBrowserI18n(language: Language, routeNamespaces: RouteNamespace[]): Promise<i18n> {
  instance = createInstance({
    ...I18N_OPTIONS,
    lng: language,
    ns: [...BASE_NAMESPACES, ...routeNamespaces],
    // The page's language has every word (catalogues.test.ts): loading English too for a Welsh page would
    // only cost bytes. The server's instances keep English as the fallback, as before.
    fallbackLng: false,
  });
  await instance.use(catalogues).use(initReactI18next).init();
  return instance;
}

/** Switches the page's words to another language, loading first the namespaces this page has had in it. */
export async function showLanguage(browserI18n: i18n, language: string) {
  if (!isLanguage(language) || browserI18n.language === language) return;
  await browserI18n.changeLanguage(language);
}

/** Starts loading a language's words, those this page has (the switch calls this as it is pressed, so they are ready sooner). */
export function preloadLanguage(language: string) {
  if (!isLanguage(language)) return;
  void EVERY_PAGE[language]();
  for (const namespace of ROUTE_NAMESPACES) if (instance?.hasResourceBundle(instance.language, namespace)) void ROUTE_WORDS[language][namespace]();
}
