// Page titles. Remix's `meta` runs outside React, on the server and in the browser, so titles cannot
// come from the page's i18next instance: this small catalogue (titles only) is bundled with the pages,
// and one instance gives words in either language at once (getFixedT never changes its language).
import type { MetaDescriptor } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
import { I18N_OPTIONS, isLanguage, type Language } from "./config";
import { rememberSentences } from "./remember-sentences";
import cy from "./locales/cy/meta.json";
import en from "./locales/en/meta.json";

const instance = createInstance({ ...I18N_OPTIONS, ns: ["meta"], defaultNS: "meta", resources: { en: { meta: en }, cy: { meta: cy } } });
void instance.init();
rememberSentences(instance);

type Match = { id: string; data?: unknown };

/** The language of the page, from the root loader's data among a `meta` function's matches. */
export function languageOf(matches: readonly Match[]): Language {
  const root = matches.find((match) => match.id === "root")?.data as { language?: unknown } | undefined;
  return isLanguage(root?.language) ? root.language : "en";
}

export function titleWords(language: Language): TFunction<"meta"> {
  return instance.getFixedT(language, "meta");
}

/** `[{ title }]` for a page: its title in the page's language, then the service's name. */
export function pageTitle(matches: readonly Match[], title: (t: TFunction<"meta">) => string): MetaDescriptor[] {
  const t = titleWords(languageOf(matches));
  return [{ title: t("title", { page: title(t) }) }];
}
