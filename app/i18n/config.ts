// Languages of the service. Shared by server and browser: nothing here may import server code.
// See docs/decisions/012-bilingual-service.md.
import type { InitOptions } from "i18next";

export const LANGUAGES = ["en", "cy"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Each language's name in itself: what the switch in the header says. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", cy: "Cymraeg" };

/** `<html lang>`, `hreflang` and the `lang` of a link to the other language. */
export const HTML_LANG: Record<Language, string> = { en: "en-GB", cy: "cy" };

/** The locale `Intl` formats dates, times and numbers with. */
export const INTL_LOCALE: Record<Language, string> = { en: "en-GB", cy: "cy-GB" };

/** Every date and time is shown as it is in the UK, whatever the server's or the reader's clock. */
export const TIME_ZONE = "Europe/London";

/** The cookie that remembers the language of someone who has no saved preference (signed out). */
export const LANGUAGE_COOKIE = "lng";

/** The query parameter that asks for a page in one language: each page's `hreflang` alternates use it. */
export const LANGUAGE_PARAM = "lng";

/** The namespaces the pages use: the server renders with every one of them. */
export const PAGE_NAMESPACES = ["common", "auth", "account", "council", "courses", "learning", "staff", "legal"] as const;
/**
 * The words of officers' and staff pages only. The browser loads each (in the page's language) with the
 * routes that name it in their handle (`export const handle = { i18n: ["council"] } satisfies RouteWords`),
 * not with every page. See docs/decisions/018-words-with-their-routes.md.
 */
export const ROUTE_NAMESPACES = ["council", "staff"] as const;
export type RouteNamespace = (typeof ROUTE_NAMESPACES)[number];
/** The rest: every page's catalogue chunk (app/i18n/locales/<language>/index.ts) holds these. */
export const BASE_NAMESPACES = ["common", "auth", "account", "courses", "learning", "legal"] as const satisfies readonly Exclude<(typeof PAGE_NAMESPACES)[number], RouteNamespace>[];
/** What a route module's `handle` says of the words it needs beyond every page's. */
export type RouteWords = { i18n: RouteNamespace[] };

export function isRouteNamespace(value: unknown): value is RouteNamespace {
  return typeof value === "string" && (ROUTE_NAMESPACES as readonly string[]).includes(value);
}
/** Namespaces the server's instances add: validation messages, emails, and page titles (see meta.ts). */
export const SERVER_NAMESPACES = ["validation", "email", "meta"] as const;
export type Namespace = (typeof PAGE_NAMESPACES)[number] | (typeof SERVER_NAMESPACES)[number];

export const I18N_OPTIONS = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  // Resources are bundled, so initialisation is synchronous: the first render already has its words.
  initImmediate: false,
  // React escapes what it renders; emails escape in their own template.
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
