import type { ReactNode } from "react";

/**
 * The language a course's own text is in: the one it is held in, or "mul" (several languages) for a course
 * in both, whose title says it in Welsh and English ("Safonau… / Standards…").
 */
export function courseLang(language: string) {
  return language === "en" || language === "cy" ? language : "mul";
}

/**
 * Text staff wrote for a course (its title, its description), marked with its language (courseLang), so a
 * screen reader reads an English title on a Welsh page in English.
 */
export function CourseText({ language, children }: { language: string; children: ReactNode }) {
  return <span lang={courseLang(language)}>{children}</span>;
}
