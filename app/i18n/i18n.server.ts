// The server's words and the choice of language for each request. See docs/decisions/012-bilingual-service.md.
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { secureCookies } from "~/utils/session.server";
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
import cyPages from "./locales/cy";
import cyServer from "./locales/cy/server";
import enPages from "./locales/en";
import enServer from "./locales/en/server";

const RESOURCES = { en: { ...enPages, ...enServer }, cy: { ...cyPages, ...cyServer } };

// One instance per language, made once: an instance that never changes language can serve every request
// at once, and making one per request would cost each page the time to build it.
const INSTANCES = Object.fromEntries(
  LANGUAGES.map((language) => {
    const instance = createInstance({
      ...I18N_OPTIONS,
      lng: language,
      ns: [...PAGE_NAMESPACES, ...SERVER_NAMESPACES],
      resources: RESOURCES,
    });
    void instance.use(initReactI18next).init();
    return [language, instance];
  }),
) as Record<Language, i18n>;

/** The i18next instance that renders a page in this language. */
export function i18nFor(language: Language): i18n {
  return INSTANCES[language];
}

const ALL_NAMESPACES = [...PAGE_NAMESPACES, ...SERVER_NAMESPACES] as const;
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

/**
 * The language a page is shown in: the one its address asks for (`?lng=cy`, the address each page gives
 * its other-language version), else the person's saved preference, else the `lng` cookie, else the
 * browser's Accept-Language, else English.
 */
export async function languageFor(request: Request, savedPreference: string | null | undefined): Promise<Language> {
  const asked = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  if (isLanguage(asked)) return asked;
  if (isLanguage(savedPreference)) return savedPreference;
  const detected = await detector.getLocale(request);
  return isLanguage(detected) ? detected : DEFAULT_LANGUAGE;
}
