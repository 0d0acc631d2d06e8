// The browser's i18next: one instance, holding the words of the page's language, loaded before the page
// is hydrated so the first render matches the server's. Each language's words are a chunk of their own.
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { HTML_LANG, I18N_OPTIONS, isLanguage, LANGUAGES, PAGE_NAMESPACES, DEFAULT_LANGUAGE, type Language } from "./config";

const CATALOGUES: Record<Language, () => Promise<{ default: Record<string, object> }>> = {
  en: () => import("./locales/en"),
  cy: () => import("./locales/cy"),
};

/** The language the server rendered the document in (from `<html lang>`). */
export function documentLanguage(): Language {
  const lang = document.documentElement.lang;
  return LANGUAGES.find((language) => HTML_LANG[language] === lang) ?? DEFAULT_LANGUAGE;
}

export async function createBrowserI18n(language: Language): Promise<i18n> {
  const { default: words } = await CATALOGUES[language]();
  const instance = createInstance({ ...I18N_OPTIONS, lng: language, ns: [...PAGE_NAMESPACES], resources: { [language]: words } });
  await instance.use(initReactI18next).init();
  return instance;
}

/** Switches the page's words to another language, loading them first if this page has not had them. */
export async function showLanguage(instance: i18n, language: string) {
  if (!isLanguage(language) || instance.language === language) return;
  if (!instance.hasResourceBundle(language, "common")) {
    const { default: words } = await CATALOGUES[language]();
    for (const [namespace, bundle] of Object.entries(words)) instance.addResourceBundle(language, namespace, bundle);
  }
  await instance.changeLanguage(language);
}

/** Starts loading a language's words (the switch calls this as it is pressed, so they are ready sooner). */
export function preloadLanguage(language: string) {
  if (isLanguage(language)) void CATALOGUES[language]();
}
