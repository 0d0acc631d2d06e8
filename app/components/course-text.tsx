import type { ReactNode } from "react";

/**
 * Text staff wrote for a course (its title, its description), marked with the language the course is held
 * in, so a screen reader reads an English title on a Welsh page in English. A course in both languages has
 * both in its text: it takes the page's language.
 */
export function CourseText({ language, children }: { language: string; children: ReactNode }) {
  return <span lang={language === "en" || language === "cy" ? language : undefined}>{children}</span>;
}
