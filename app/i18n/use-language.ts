import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, HTML_LANG, isLanguage, type Language } from "./config";

/** The language the page is being shown in (for `Intl` formatting: app/i18n/format.ts). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/**
 * The `lang` attribute for text written in `written` (a module's lessons) shown on a page in another
 * language, so screen readers read it with the right voice (WCAG 3.1.2); none when they are the same.
 */
export function useLangOf(written: Language): string | undefined {
  return written === useLanguage() ? undefined : HTML_LANG[written];
}
