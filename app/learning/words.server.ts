// The learning pages' words for what the server writes (thrown messages, form messages, flash messages),
// in the request's language: `learningWords(args.context.language)("lesson.notFound")`.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { i18nFor } from "~/i18n/i18n.server";

export type LearningWords = TFunction<"learning">;

export function learningWords(language: Language): LearningWords {
  return i18nFor(language).getFixedT(language, "learning");
}
