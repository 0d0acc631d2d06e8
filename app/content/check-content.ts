// npm run content:check: validates and compiles every module, then prints its size and reading ease.
// Exits 1 with "file: reason" lines when anything is wrong. See docs/content.md.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileLesson, ContentError } from "./compile.server";
import { contentRoot, diagramNames, moduleSource, plainText, readCatalogue, type ModuleInfo, type Problem } from "./content.server";
import type { Language } from "~/i18n/config";
import type { KnowledgeCheck } from "./schema";

export const LIMITS = {
  lessonWords: 1500,
  moduleWords: [2500, 5000],
  readingEase: 50,
  /**
   * A twin's upper word limits (lesson and module), as a multiple of the English ones: Welsh takes about a
   * fifth more words than English to say the same thing (articles, prepositions and "bod" are separate words).
   */
  wordFactor: { en: 1, cy: 1.2 } satisfies Record<Language, number>,
  /** questions in a module's knowledge-check bank, at least */
  bankQuestions: 12,
  /** questions testing each learning outcome, at least */
  questionsPerOutcome: 2,
  /** of a bank's questions, at most: the right answer strictly the longest option */
  longestShare: 1 / 3,
  /** of a bank's questions, at most: the right answer in any one position of the file */
  positionShare: 1 / 2,
} as const;

export type ModuleReport = {
  id: string;
  /** The language it is written in: a twin has its own report */
  language: Language;
  words: number;
  minutes: number;
  readingMinutes: number;
  /** Reading ease (Flesch), for English only: the formula counts English syllables */
  readingEase: number | null;
  lessons: number;
  /** Questions an attempt asks */
  questions: number;
} & BankFigures;

export type BankFigures = {
  /** Questions in the bank */
  bank: number;
  /** How many have the right answer strictly the longest option */
  longest: number;
  /** The position (1 = first in the file) holding the right answer most often, and how often */
  commonPosition: number;
  commonPositionCount: number;
};

/**
 * The rules that keep a bank from being passed by pattern rather than knowledge (see docs/content.md): enough
 * questions, each tied to a learning outcome and a lesson, every outcome tested, and the right answer neither
 * usually the longest option nor usually in one position.
 */
export function checkBank(bank: KnowledgeCheck, module: { outcomes: string[]; lessons: { slug: string }[] }) {
  const problems: string[] = [];
  const total = bank.questions.length;
  if (total < LIMITS.bankQuestions) problems.push(`has ${total} questions: a bank needs at least ${LIMITS.bankQuestions}`);
  const slugs = new Set(module.lessons.map((l) => l.slug));
  for (const q of bank.questions) {
    if (q.outcome > module.outcomes.length)
      problems.push(`question "${q.id}": outcome ${q.outcome} is not one of the module's ${module.outcomes.length} learning outcomes`);
    if (!slugs.has(q.lesson)) problems.push(`question "${q.id}": lesson "${q.lesson}" is not one of the module's lessons`);
  }
  module.outcomes.forEach((_, i) => {
    const count = bank.questions.filter((q) => q.outcome === i + 1).length;
    if (count < LIMITS.questionsPerOutcome)
      problems.push(`learning outcome ${i + 1} has ${count} question${count === 1 ? "" : "s"}: each needs at least ${LIMITS.questionsPerOutcome}`);
  });
  const longest = bank.questions.filter((q) => {
    const right = q.options.find((o) => o.correct)!;
    return q.options.every((o) => o === right || o.text.length < right.text.length);
  }).length;
  if (longest > total * LIMITS.longestShare)
    problems.push(`the right answer is the longest option in ${longest} of ${total} questions: at most a third may be`);
  const atPosition: number[] = [];
  for (const q of bank.questions) {
    const position = q.options.findIndex((o) => o.correct);
    atPosition[position] = (atPosition[position] ?? 0) + 1;
  }
  const commonPositionCount = Math.max(0, ...atPosition.map((n) => n ?? 0));
  const commonPosition = atPosition.indexOf(commonPositionCount) + 1;
  if (commonPositionCount > total * LIMITS.positionShare)
    problems.push(`the right answer is option ${commonPosition} in ${commonPositionCount} of ${total} questions: at most half may be`);
  const figures: BankFigures = { bank: total, longest, commonPosition, commonPositionCount };
  return { problems, figures };
}

export async function checkContent(root = contentRoot()): Promise<{ problems: Problem[]; reports: ModuleReport[] }> {
  const catalogue = readCatalogue(root);
  const problems = [...catalogue.problems];
  const reports: ModuleReport[] = [];
  const diagrams = new Set(diagramNames(root));
  for (const module of catalogue.modules) {
    const written = [
      { module, bank: catalogue.knowledgeChecks.get(module.id)! },
      ...[...catalogue.twins.values()].flatMap((byId) => {
        const twin = byId.get(module.id);
        return twin ? [{ module: twin.module, bank: twin.knowledgeCheck }] : [];
      }),
    ];
    for (const { module, bank } of written) {
      const report = await checkModule(module, bank, { root, diagrams, problems });
      if (report) reports.push(report);
    }
  }
  return { problems, reports };
}

/** One module as written in one language: compiles, limits, components and bank. Its report, or null when it has problems. */
async function checkModule(
  module: ModuleInfo,
  knowledgeCheck: KnowledgeCheck,
  { root, diagrams, problems }: { root: string; diagrams: ReadonlySet<string>; problems: Problem[] },
): Promise<ModuleReport | null> {
  const before = problems.length;
  const fail = (file: string, message: string) => problems.push({ file: path.join("content", module.dir, file), message });
  const seen = { caseStudies: [] as string[], reflections: [] as string[], knowledgeCheckMarkers: 0 };
  const factor = LIMITS.wordFactor[module.language];
  const lessonWords = Math.round(LIMITS.lessonWords * factor);
  const [min, max] = [LIMITS.moduleWords[0], Math.round(LIMITS.moduleWords[1] * factor)];
  let text = "";
  // the introduction (index.mdx) compiles like a lesson and is shown on the module page
  for (const lesson of [{ file: "index.mdx", words: 0 }, ...module.lessons]) {
    const source = moduleSource(module, lesson.file, root);
    if (lesson.words > lessonWords) fail(lesson.file, `has ${lesson.words} words: a lesson is at most ${lessonWords}`);
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
  const bank = checkBank(knowledgeCheck, module);
  for (const problem of bank.problems) fail("knowledge-check.json", problem);
  if (problems.length > before) return null;
  // a Welsh reader reads about as fast, through more words
  const readingMinutes = Math.round(module.words / (200 * factor)) + module.checkMinutes;
  if (Math.abs(readingMinutes - module.minutes) > module.minutes * 0.5) {
    fail("index.mdx", `minutes is ${module.minutes} but reading ${module.words} words and the check takes about ${readingMinutes}`);
    return null;
  }
  return {
    id: module.id,
    language: module.language,
    words: module.words,
    minutes: module.minutes,
    readingMinutes,
    readingEase: module.language === "en" ? readingEase(plainText(text)) : null,
    lessons: module.lessons.length,
    questions: module.questionCount,
    ...bank.figures,
  };
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
  const columns: [string, number, (r: ModuleReport) => string | number][] = [
    ["lessons", 7, (r) => r.lessons],
    ["words", 6, (r) => r.words],
    ["minutes", 7, (r) => r.minutes],
    ["reading", 7, (r) => r.readingMinutes],
    ["asked", 5, (r) => r.questions],
    ["bank", 4, (r) => r.bank],
    ["longest", 7, (r) => `${Math.round((r.longest * 100) / r.bank)}%`],
    ["position", 8, (r) => `${"abcde"[r.commonPosition - 1]} ×${r.commonPositionCount}`],
    ["ease", 5, (r) => (r.readingEase === null ? "-" : `${r.readingEase}${r.readingEase < LIMITS.readingEase ? "*" : ""}`)],
  ];
  console.log(`${"module".padEnd(36)} ${columns.map(([name, width]) => pad(name, width)).join(" ")}`);
  const name = (r: ModuleReport) => (r.language === "en" ? r.id : `${r.id} (${r.language})`);
  for (const r of reports) console.log(`${name(r).padEnd(36)} ${columns.map(([, width, value]) => pad(value(r), width)).join(" ")}`);
  console.log("longest: questions whose right answer is the longest option; position: where the right answer is most often");
  if (reports.some((r) => r.readingEase !== null && r.readingEase < LIMITS.readingEase))
    console.log(`* reading ease under ${LIMITS.readingEase}: shorter sentences and words would help`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
    for (const p of problems) console.error(`${p.file}: ${p.message}`);
    process.exit(1);
  }
  const twins = reports.filter((r) => r.language !== "en").length;
  console.log(`\n${reports.length - twins} modules OK${twins > 0 ? `, and ${twins} written in Welsh too` : ""}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
