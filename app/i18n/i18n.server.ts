// The server's words and the choice of language for each request. See docs/decisions/012-bilingual-service.md.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { secureCookies } from "~/utils/session.server";
import { rememberSentences } from "./remember-sentences";
import {
  DEFAULT_LANGUAGE,
  I18N_OPTIONS,
  isLanguage,
  LANGUAGE_COOKIE,
  LANGUAGE_PARAM,
  LANGUAGES,
  PAGE_NAMESPACES,
  SERVER_NAMESPACES,
  type Language,
  type Namespace,
} from "./config";

// Read from the files rather than imported: code that only sends email (the models, and the browser tests
// that drive them) then loads under plain Node too, which imports JSON only with an import attribute.
const LOCALES = path.resolve("app/i18n/locales");
const ALL_NAMESPACES = [...PAGE_NAMESPACES, ...SERVER_NAMESPACES] as const;
const RESOURCES = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    Object.fromEntries(ALL_NAMESPACES.map((namespace) => [namespace, JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8"))])),
  ]),
);

// One instance per language, made once: an instance that never changes language can serve every request
// at once, and making one per request would cost each page the time to build it.
const INSTANCES = Object.fromEntries(
  LANGUAGES.map((language) => {
    const instance = createInstance({
      ...I18N_OPTIONS,
      lng: language,
      ns: [...ALL_NAMESPACES],
      resources: RESOURCES,
    });
    void instance.use(initReactI18next).init();
    rememberSentences(instance);
    return [language, instance];
  }),
) as Record<Language, i18n>;

/** The i18next instance that renders a page in this language. */
export function i18nFor(language: Language): i18n {
  return INSTANCES[language];
}

export type ServerT = TFunction<typeof ALL_NAMESPACES>;
const TRANSLATORS = Object.fromEntries(LANGUAGES.map((language) => [language, INSTANCES[language].getFixedT(language, ALL_NAMESPACES)])) as Record<Language, ServerT>;

/** One namespace's words in this language, keys without the prefix: `wordsOf("cy", "learning")("lesson.notFound")`. */
export function wordsOf<N extends Namespace>(language: Language, namespace: N): TFunction<N> {
  return INSTANCES[language].getFixedT(language, namespace);
}

/**
 * Words in this language, for what the server writes: messages, validation, emails. Keys name their
 * namespace (`t("auth:login.locked")`); `common` needs none.
 */
export function translatorFor(language: Language): ServerT {
  return TRANSLATORS[language];
}

export const languageCookie = createCookie(LANGUAGE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: secureCookies,
});

// The cookie, then the browser's Accept-Language, then English.
const detector = new RemixI18Next({
  detection: { supportedLanguages: [...LANGUAGES], fallbackLanguage: DEFAULT_LANGUAGE, cookie: languageCookie, order: ["cookie", "header"] },
});

/** What languageFor reads of a request: its address (path and query), Cookie and Accept-Language. */
export type LanguageHints = { url: string; cookie?: string; acceptLanguage?: string };

/**
 * The language a page is shown in: the one its address asks for (`?lng=cy`, the address each page gives
 * its other-language version), else the person's saved preference, else the `lng` cookie, else the
 * browser's Accept-Language, else English. Every request asks, so the detector's Request is only built
 * when neither the address nor a saved preference has decided.
 */
export async function languageFor(hints: LanguageHints, savedPreference: string | null | undefined): Promise<Language> {
  const asked = new URL(hints.url, "http://localhost").searchParams.get(LANGUAGE_PARAM);
  if (isLanguage(asked)) return asked;
  if (isLanguage(savedPreference)) return savedPreference;
  const headers = new Headers();
  if (hints.cookie) headers.set("Cookie", hints.cookie);
  if (hints.acceptLanguage) headers.set("Accept-Language", hints.acceptLanguage);
  const detected = await detector.getLocale(new Request(new URL(hints.url, "http://localhost"), { headers }));
  return isLanguage(detected) ? detected : DEFAULT_LANGUAGE;
}
