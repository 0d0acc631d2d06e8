// npm run content:check: validates and compiles every module, then prints its size and reading ease.
// Exits 1 with "file: reason" lines when anything is wrong. See docs/content.md.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileLesson, ContentError } from "./compile.server";
import { contentRoot, diagramNames, moduleSource, plainText, readCatalogue, type Problem } from "./content.server";

export const LIMITS = { lessonWords: 1500, moduleWords: [2500, 5000], readingEase: 50 } as const;

export type ModuleReport = {
  id: string;
  words: number;
  minutes: number;
  readingMinutes: number;
  readingEase: number;
  lessons: number;
  questions: number;
};

export async function checkContent(root = contentRoot()): Promise<{ problems: Problem[]; reports: ModuleReport[] }> {
  const catalogue = readCatalogue(root);
  const problems = [...catalogue.problems];
  const reports: ModuleReport[] = [];
  const diagrams = new Set(diagramNames(root));
  for (const module of catalogue.modules) {
    const before = problems.length;
    const fail = (file: string, message: string) => problems.push({ file: path.join("content", module.dir, file), message });
    const seen = { caseStudies: [] as string[], reflections: [] as string[], knowledgeCheckMarkers: 0 };
    let text = "";
    // the introduction (index.mdx) compiles like a lesson and is shown on the module page
    for (const lesson of [{ file: "index.mdx", words: 0 }, ...module.lessons]) {
      const source = moduleSource(module, lesson.file, root);
      if (lesson.words > LIMITS.lessonWords) fail(lesson.file, `has ${lesson.words} words: a lesson is at most ${LIMITS.lessonWords}`);
      try {
        const compiled = await compileLesson(source, { diagrams });
        seen.caseStudies.push(...compiled.caseStudies);
        seen.reflections.push(...compiled.reflections);
        seen.knowledgeCheckMarkers += compiled.knowledgeCheckMarkers;
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        fail(lesson.file, error.message);
      }
      text += `\n\n${source.replace(/^---[\s\S]*?---/, "")}`;
    }
    const [min, max] = LIMITS.moduleWords;
    if (module.words < min || module.words > max) fail("", `has ${module.words} words: a module has ${min} to ${max}`);
    if (seen.caseStudies.length === 0) fail("", "needs at least one <CaseStudy>");
    if (seen.reflections.length === 0) fail("", "needs at least one <Reflection>");
    if (seen.knowledgeCheckMarkers !== 1) fail("", `needs exactly one <KnowledgeCheck /> (found ${seen.knowledgeCheckMarkers})`);
    for (const [kind, ids] of [
      ["CaseStudy", seen.caseStudies],
      ["Reflection", seen.reflections],
    ] as const) {
      for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) fail("", `two <${kind}>s have the id "${id}"`);
    }
    if (problems.length > before) continue;
    const readingMinutes = Math.round(module.words / 200) + module.checkMinutes;
    if (Math.abs(readingMinutes - module.minutes) > module.minutes * 0.5) {
      fail("index.mdx", `minutes is ${module.minutes} but reading ${module.words} words and the check takes about ${readingMinutes}`);
    }
    reports.push({
      id: module.id,
      words: module.words,
      minutes: module.minutes,
      readingMinutes,
      readingEase: readingEase(plainText(text)),
      lessons: module.lessons.length,
      questions: module.questionCount,
    });
  }
  return { problems, reports };
}

/** Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word. */
export function readingEase(text: string): number {
  // a heading, list item or line without a full stop still ends a sentence for a reader
  const sentences = text
    .split(/(?<=[.!?:;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}]/u.test(s));
  const words = sentences.flatMap((s) => s.split(/\s+/).filter((w) => /[\p{L}]/u.test(w)));
  if (words.length === 0) return 0;
  const syllables = words.reduce((sum, word) => sum + syllableCount(word), 0);
  return Math.round((206.835 - 1.015 * (words.length / sentences.length) - 84.6 * (syllables / words.length)) * 10) / 10;
}

export function syllableCount(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "");
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

async function main() {
  const { problems, reports } = await checkContent();
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  console.log(
    `${"module".padEnd(30)} ${pad("lessons", 7)} ${pad("words", 6)} ${pad("minutes", 7)} ${pad("reading", 7)} ${pad("questions", 9)} ${pad(
      "ease",
      5,
    )}`,
  );
  for (const r of reports) {
    const ease = `${r.readingEase}${r.readingEase < LIMITS.readingEase ? "*" : ""}`;
    console.log(
      `${r.id.padEnd(30)} ${pad(r.lessons, 7)} ${pad(r.words, 6)} ${pad(r.minutes, 7)} ${pad(r.readingMinutes, 7)} ${pad(
        r.questions,
        9,
      )} ${pad(ease, 5)}`,
    );
  }
  if (reports.some((r) => r.readingEase < LIMITS.readingEase))
    console.log(`* reading ease under ${LIMITS.readingEase}: shorter sentences and words would help`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
    for (const p of problems) console.error(`${p.file}: ${p.message}`);
    process.exit(1);
  }
  console.log(`\n${reports.length} modules OK`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
