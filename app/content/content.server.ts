// The modules in content/: read, validated and (lazily, once per content version) compiled. Pages call
// getCatalogue(language) and lessonBody()/lessonBodyFor(); once warm, nothing here runs per request beyond Map lookups.
// A module is written in English; it may have a twin in another language in a folder of that language's code
// inside it (content/modules/05-councillor-induction/cy/), with the same id, lesson slugs and knowledge-check
// answers, so progress and an open attempt carry across languages. See docs/content.md.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { checkTree, compileLesson, COMPILER_ID, ContentError } from "./compile.server";
import { LessonFrontmatterSchema, ModuleFrontmatterSchema, KnowledgeCheckSchema, type ModuleFrontmatter, type KnowledgeCheck } from "./schema";
import { isDiscussionOpen, QUESTIONS_PER_ATTEMPT } from "~/learning/core";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "~/i18n/config";
import { wordsOf } from "~/i18n/i18n.server";
import { keptAnswers } from "~/utils/kept";
import { componentsIn, type ContentElement, type ContentNode } from "./tree";

export type LessonInfo = { slug: string; title: string; file: string; position: number; words: number; minutes: number };
export type ModuleInfo = ModuleFrontmatter & {
  /** The language its lessons are written in */
  language: Language;
  /** Every language the module exists in (English first) */
  languages: Language[];
  /**
   * A twin's own `version` from its frontmatter, raised when its text changes. Its `version` is the English
   * module's: attempts and completions are kept against that, so they carry across languages.
   */
  twinVersion?: number;
  dir: string;
  /** Changes whenever any of the module's files (or the compiler) change: the compile cache key */
  hash: string;
  /** Words in the introduction and lessons */
  words: number;
  lessons: LessonInfo[];
  /** Questions an attempt asks (drawn from the bank in knowledge-check.json) */
  questionCount: number;
  checkMinutes: number;
};
export type Problem = { file: string; message: string };
/** A module written again in another language: its own words, the English module's ids and answers. */
export type Twin = { module: ModuleInfo; knowledgeCheck: KnowledgeCheck };
export type Catalogue = {
  contentHash: string;
  /** The modules as written in English */
  modules: ModuleInfo[];
  /** The English knowledge checks, by module id */
  knowledgeChecks: Map<string, KnowledgeCheck>;
  /** The twins in other languages, by language then module id */
  twins: Map<Language, Map<string, Twin>>;
  problems: Problem[];
};

/** The languages a module may have a twin in: a folder of that name inside the module's folder. */
export const TWIN_LANGUAGES = LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE);

const sourcesOf = new WeakMap<ModuleInfo, { files: Map<string, string>; diagrams: string[] }>();

const MODULE_DIR = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

export function contentRoot() {
  return path.resolve(process.env.CONTENT_DIR ?? "content");
}

type Fail = (file: string, message: string) => void;

/** Reads and validates every module's frontmatter and knowledge check. Modules with problems are left out (and listed). */
export function readCatalogue(root = contentRoot()): Catalogue {
  const problems: Problem[] = [];
  const modules: ModuleInfo[] = [];
  const knowledgeChecks = new Map<string, KnowledgeCheck>();
  const twins = new Map<Language, Map<string, Twin>>(TWIN_LANGUAGES.map((language) => [language, new Map()]));
  const modulesDir = path.join(root, "modules");
  const dirs = existsSync(modulesDir)
    ? readdirSync(modulesDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const contentHash = createHash("sha256").update(COMPILER_ID);
  const diagrams = diagramNames(root);
  for (const dir of dirs) {
    const relDir = path.join("modules", dir);
    const failIn = (sub: string) => (file: string, message: string) =>
      problems.push({ file: path.join("content", relDir, sub, file), message });
    const match = MODULE_DIR.exec(dir);
    if (!match) {
      failIn("")("", "module folders are named NN-<id>, e.g. 02-prevent-duty");
      continue;
    }
    const absDir = path.join(modulesDir, dir);
    const twinDirs = TWIN_LANGUAGES.filter((language) => existsSync(path.join(absDir, language)));
    const before = problems.length;
    const english = readModule({ absDir, relDir, language: DEFAULT_LANGUAGE, diagrams, fail: failIn(""), subfolders: twinDirs });
    contentHash.update(english.hash);
    if (english.front && english.front.id !== match[2]) failIn("")("index.mdx", `id "${english.front.id}" must match the folder name (${dir})`);
    if (problems.length > before || !english.module || !english.knowledgeCheck) continue;

    const written: Twin[] = [];
    for (const language of twinDirs) {
      const fail = failIn(language);
      const twinBefore = problems.length;
      const twin = readModule({ absDir: path.join(absDir, language), relDir: path.join(relDir, language), language, diagrams, fail, subfolders: [] });
      contentHash.update(twin.hash);
      if (!twin.module || !twin.knowledgeCheck || problems.length > twinBefore) continue;
      for (const problem of twinProblems(english.module, english.knowledgeCheck, twin.module, twin.knowledgeCheck)) fail(problem.file, problem.message);
      if (problems.length === twinBefore) written.push({ module: twin.module, knowledgeCheck: twin.knowledgeCheck });
    }
    const languages: Language[] = [DEFAULT_LANGUAGE, ...written.map((twin) => twin.module.language)];
    english.module.languages = languages;
    modules.push(english.module);
    knowledgeChecks.set(english.module.id, english.knowledgeCheck);
    for (const twin of written) {
      twin.module.languages = languages;
      twin.module.twinVersion = twin.module.version;
      twin.module.version = english.module.version;
      twins.get(twin.module.language)!.set(twin.module.id, twin);
    }
  }
  // two folders with one id: neither is published until that is fixed
  const ids = modules.map((m) => m.id);
  const duplicated = new Set(ids.filter((id, i) => ids.indexOf(id) !== i));
  for (const id of duplicated) {
    problems.push({ file: "content/modules", message: `two modules have the id "${id}"` });
    knowledgeChecks.delete(id);
    for (const byId of twins.values()) byId.delete(id);
  }
  return {
    contentHash: contentHash.digest("hex").slice(0, 16),
    modules: modules.filter((m) => !duplicated.has(m.id)),
    knowledgeChecks,
    twins,
    problems,
  };
}

/** One folder's module (English, or a twin): its frontmatter, lessons and knowledge check, validated. */
function readModule({
  absDir,
  relDir,
  language,
  diagrams,
  fail,
  subfolders,
}: {
  absDir: string;
  relDir: string;
  language: Language;
  diagrams: string[];
  fail: Fail;
  /** Twin folders expected inside this one */
  subfolders: Language[];
}): { hash: string; front: ModuleFrontmatter | null; module: ModuleInfo | null; knowledgeCheck: KnowledgeCheck | null } {
  const files = readdirSync(absDir)
    .filter((f) => !(subfolders as string[]).includes(f))
    .sort();
  const moduleHash = createHash("sha256").update(COMPILER_ID).update(diagrams.join(",")).update(language);
  // compiled from exactly the text that was hashed, so the cache key always describes its contents
  const sources = new Map<string, string>();
  const read = (file: string) => {
    const text = readFileSync(path.join(absDir, file), "utf8");
    moduleHash.update(`\0${file}\0${text}`);
    sources.set(file, text);
    return text;
  };
  const none = () => ({ hash: moduleHash.digest("hex").slice(0, 16), front: null, module: null, knowledgeCheck: null });
  if (!files.includes("index.mdx")) {
    fail("index.mdx", "is missing");
    return none();
  }
  let failed = false;
  const failHere: Fail = (file, message) => {
    failed = true;
    fail(file, message);
  };
  const index = parseMatter(read("index.mdx"), "index.mdx", failHere);
  const parsed = index && ModuleFrontmatterSchema.safeParse(index.data);
  if (parsed && !parsed.success) failHere("index.mdx", zodMessage(parsed.error));
  const front = parsed?.success ? parsed.data : null;
  if (front?.cy && language !== DEFAULT_LANGUAGE)
    failHere("index.mdx", "cy: the Welsh title and summary belong in the English index.mdx; a twin has its own title and summary");

  const lessons: LessonInfo[] = [];
  for (const file of files.filter((f) => f !== "index.mdx" && f.endsWith(".mdx"))) {
    const lessonMatch = LESSON_FILE.exec(file);
    if (!lessonMatch) {
      failHere(file, "lesson files are named NN-<slug>.mdx, e.g. 01-what-the-duty-says.mdx");
      continue;
    }
    const lesson = parseMatter(read(file), file, failHere);
    if (!lesson) continue;
    const lessonFront = LessonFrontmatterSchema.safeParse(lesson.data);
    if (!lessonFront.success) {
      failHere(file, zodMessage(lessonFront.error));
      continue;
    }
    lessons.push({
      slug: lessonMatch[2]!,
      title: lessonFront.data.title,
      file,
      position: lessons.length + 1,
      words: countWords(lesson.content),
      minutes: 0,
    });
  }
  for (const other of files.filter((f) => !f.endsWith(".mdx") && f !== "knowledge-check.json"))
    failHere(
      other,
      `is not a lesson (NN-<slug>.mdx), index.mdx, knowledge-check.json${language === DEFAULT_LANGUAGE ? ` or a twin's folder (${TWIN_LANGUAGES.join(", ")})` : ""}`,
    );
  if (lessons.length < 4) failHere("", `has ${lessons.length} lesson${lessons.length === 1 ? "" : "s"}: a module needs at least four`);
  if (new Set(lessons.map((l) => l.slug)).size !== lessons.length) failHere("", "two lessons have the same slug");

  let knowledgeCheck: KnowledgeCheck | null = null;
  if (!files.includes("knowledge-check.json")) failHere("knowledge-check.json", "is missing");
  else {
    const text = read("knowledge-check.json");
    try {
      const parsedCheck = KnowledgeCheckSchema.safeParse(JSON.parse(text));
      if (parsedCheck.success) knowledgeCheck = parsedCheck.data;
      else failHere("knowledge-check.json", zodMessage(parsedCheck.error));
    } catch (error) {
      failHere("knowledge-check.json", `is not valid JSON: ${(error as Error).message}`);
    }
  }
  const hash = moduleHash.digest("hex").slice(0, 16);
  if (failed || !front || !knowledgeCheck || !index) return { hash, front, module: null, knowledgeCheck: null };

  const questionCount = Math.min(QUESTIONS_PER_ATTEMPT, knowledgeCheck.questions.length);
  const checkMinutes = Math.max(3, Math.round(questionCount * 0.75));
  const lessonWords = lessons.reduce((sum, l) => sum + l.words, 0);
  // share the author's estimate between lessons by length, so "time left" adds up to the module's minutes
  const readingMinutes = Math.max(lessons.length, front.minutes - checkMinutes);
  for (const lesson of lessons) lesson.minutes = Math.max(1, Math.round((readingMinutes * lesson.words) / Math.max(1, lessonWords)));

  const module: ModuleInfo = {
    ...front,
    language,
    languages: [language],
    dir: relDir,
    hash,
    words: lessonWords + countWords(index.content),
    lessons,
    questionCount,
    checkMinutes,
  };
  sourcesOf.set(module, { files: sources, diagrams });
  return { hash, front, module, knowledgeCheck };
}

/**
 * What keeps a twin interchangeable with its English module: progress is saved by lesson slug, and an attempt
 * started in one language can be finished in the other, so the lessons, the knowledge check's question and
 * option ids, its right answers, outcomes and lessons must all be the English module's.
 */
export function twinProblems(english: ModuleInfo, englishCheck: KnowledgeCheck, twin: ModuleInfo, twinCheck: KnowledgeCheck): Problem[] {
  const problems: Problem[] = [];
  const fail = (file: string, message: string) => problems.push({ file, message });
  if (twin.id !== english.id) fail("index.mdx", `id "${twin.id}" must be the English module's id (${english.id})`);
  if (twin.topic !== english.topic) fail("index.mdx", `topic "${twin.topic}" must be the English module's (${english.topic})`);
  if (twin.passMark !== english.passMark) fail("index.mdx", `passMark ${twin.passMark} must be the English module's (${english.passMark})`);
  if (twin.outcomes.length !== english.outcomes.length)
    fail("index.mdx", `has ${twin.outcomes.length} learning outcomes: the English module has ${english.outcomes.length}`);
  const files = (module: ModuleInfo) => module.lessons.map((l) => l.file).join(", ");
  if (files(twin) !== files(english))
    fail("", `the lesson files must be the English module's, with the same names (${files(english)}); found ${files(twin)}`);

  const byId = new Map(twinCheck.questions.map((q) => [q.id, q]));
  const englishIds = new Set(englishCheck.questions.map((q) => q.id));
  const bankFail = (message: string) => fail("knowledge-check.json", message);
  for (const question of englishCheck.questions) {
    const other = byId.get(question.id);
    if (!other) {
      bankFail(`question "${question.id}" of the English bank is missing`);
      continue;
    }
    const options = (q: typeof question) => q.options.map((o) => o.id).join(", ");
    if (options(other) !== options(question))
      bankFail(`question "${question.id}": the options must be the English ones in the same order (${options(question)}); found ${options(other)}`);
    const right = (q: typeof question) => q.options.find((o) => o.correct)?.id;
    if (right(other) !== right(question))
      bankFail(`question "${question.id}": the right answer is option "${right(other)}" but in English it is "${right(question)}"`);
    if (other.outcome !== question.outcome) bankFail(`question "${question.id}": outcome ${other.outcome} must be the English ${question.outcome}`);
    if (other.lesson !== question.lesson) bankFail(`question "${question.id}": lesson "${other.lesson}" must be the English "${question.lesson}"`);
  }
  for (const question of twinCheck.questions.filter((q) => !englishIds.has(q.id)))
    bankFail(`question "${question.id}" is not in the English bank: a twin's bank has the same questions`);
  return problems;
}

function parseMatter(text: string, file: string, fail: Fail) {
  try {
    return matter(text);
  } catch (error) {
    fail(file, `frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
}

function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || "file"}: ${issue.message}`).join("; ");
}

export function diagramNames(root = contentRoot()): string[] {
  const dir = path.join(root, "diagrams");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".svg"))
        .map((f) => f.slice(0, -4))
        .sort()
    : [];
}

/** Words a reader reads: Markdown text plus the quoted text inside component tags (titles, prompts, choices). */
export function countWords(mdx: string): number {
  return plainText(mdx)
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function plainText(mdx: string): string {
  return mdx
    .replace(/<\/?[A-Za-z][^>]*?\/?>/gs, (tag) => (tag.match(/"([^"]*)"/g) ?? []).map((q) => q.slice(1, -1)).join(". "))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#*_`>|]/g, " ");
}

// --- the running app's catalogue and compiled lessons ---------------------------------------------

let current: Catalogue | null = null;
let shown = new Map<Language, ShownCatalogue>();

/** The modules as someone reading in one language sees them. */
export type ShownCatalogue = { contentHash: string; modules: ModuleInfo[]; problems: Problem[] };

/** The catalogue as read from content/, once per process (re-read on every call in development, so edits show at once). */
function currentCatalogue(): Catalogue {
  if (!current || process.env.NODE_ENV === "development") {
    const next = readCatalogue();
    if (next.contentHash !== current?.contentHash) {
      for (const problem of next.problems) console.error(`content: ${problem.file}: ${problem.message}`);
      current = next;
      shown = new Map();
    }
  }
  return current;
}

/**
 * The modules as shown in `language`: a module's twin in that language where it has one (its own title,
 * summary, lessons, outcomes and sources), else the English module, with its Welsh title and summary from
 * the `cy:` block of its frontmatter when shown in Welsh. `language` on each says what its lessons are written in.
 */
export function getCatalogue(language: Language): ShownCatalogue {
  const catalogue = currentCatalogue();
  let result = shown.get(language);
  if (!result) {
    result = { contentHash: catalogue.contentHash, modules: catalogue.modules.map((m) => moduleShownIn(catalogue, m, language)), problems: catalogue.problems };
    shown.set(language, result);
  }
  return result;
}

export function moduleShownIn(catalogue: Catalogue, module: ModuleInfo, language: Language): ModuleInfo {
  const twin = catalogue.twins.get(language)?.get(module.id);
  if (twin) return twin.module;
  const listing = language === "cy" ? module.cy : undefined;
  if (!listing) return module;
  const listed: ModuleInfo = { ...module, title: listing.title, summary: listing.summary };
  const sources = sourcesOf.get(module);
  if (sources) sourcesOf.set(listed, sources);
  return listed;
}

export function findModule(moduleId: string, language: Language): ModuleInfo | null {
  return getCatalogue(language).modules.find((m) => m.id === moduleId) ?? null;
}

/** Server only: the knowledge check with its answers, in the module's twin's words where it has one in `language`. */
export function knowledgeCheckFor(moduleId: string, language: Language): KnowledgeCheck | null {
  const catalogue = currentCatalogue();
  return catalogue.twins.get(language)?.get(moduleId)?.knowledgeCheck ?? catalogue.knowledgeChecks.get(moduleId) ?? null;
}

type Body = { tree: ContentElement; json: string };
export type CompiledModule = { hash: string; intro: Body; lessons: Record<string, Body> };
const compiled = new Map<string, Promise<CompiledModule>>();

/**
 * The module's lessons compiled: from memory, else from the disk cache, else compiled now (once). A module
 * that fails to compile keeps failing from memory rather than compiling again on every request.
 */
export function compiledModule(module: ModuleInfo, root = contentRoot()): Promise<CompiledModule> {
  const key = `${module.language}/${module.hash}`;
  let pending = compiled.get(key);
  if (!pending) {
    pending = loadOrCompile(module, root);
    compiled.set(key, pending);
    pending.catch((error) => console.error(`content: ${(error as Error).message}`));
  }
  return pending;
}

/** Forgets compiled modules held in memory (as a restart would): the disk cache stays. */
export function forgetCompiledModules() {
  compiled.clear();
}

/** What a page needs to render a lesson (or, for "intro", the module's introduction). */
export async function lessonBody(module: ModuleInfo, lessonSlug: string | "intro") {
  const compiled = await compiledModule(module);
  const body = lessonSlug === "intro" ? compiled.intro : compiled.lessons[lessonSlug];
  return body ? { key: `${module.language}/${module.hash}/${lessonSlug}`, json: body.json } : null;
}

// Old content versions' lessons, in development, are forgotten past this many.
const withoutDiscussions = keptAnswers<{ key: string; json: string }>(1000);

/**
 * The lesson as a councillor sees it: a case study's discussion is left out of what is sent until they
 * have committed to a choice (`answers`: the choice made in each case study; null shows every discussion).
 */
export async function lessonBodyFor(module: ModuleInfo, lessonSlug: string, answers: Record<string, string> | null) {
  const body = await lessonBody(module, lessonSlug);
  const tree = await lessonTree(module, lessonSlug);
  if (!body || !tree || !answers) return body;
  const hidden = componentsIn(tree, "CaseStudy")
    .filter((c) => !isDiscussionOpen(c.p!.choices as string[], answers[c.p!.id as string]))
    .map((c) => c.p!.id as string);
  if (hidden.length === 0) return body;
  const key = `${body.key}#without:${hidden.join(",")}`;
  return withoutDiscussions(key, () => {
    const prune = (node: ContentNode): ContentNode => {
      if (typeof node === "string") return node;
      if (node.t === "CaseStudy" && hidden.includes(node.p!.id as string)) {
        return {
          ...node,
          c: (node.c ?? []).map((child) => (typeof child !== "string" && child.t === "Discussion" ? { t: "Discussion" } : child)),
        };
      }
      return node.c ? { ...node, c: node.c.map(prune) } : node;
    };
    return { key, json: JSON.stringify(prune(tree)) };
  });
}

/** A lesson's compiled tree, for checking what a form names is really in the lesson. */
export async function lessonTree(module: ModuleInfo, lessonSlug: string) {
  return (await compiledModule(module)).lessons[lessonSlug]?.tree ?? null;
}

/** A file of the module as it was read (and hashed) for the catalogue. */
export function moduleSource(module: ModuleInfo, file: string, root = contentRoot()): string {
  return sourcesOf.get(module)?.files.get(file) ?? readFileSync(path.join(root, module.dir, file), "utf8");
}

export function cacheDir() {
  return path.resolve(process.env.CONTENT_CACHE_DIR ?? "data/content-cache");
}

async function loadOrCompile(module: ModuleInfo, root: string): Promise<CompiledModule> {
  const dir = cacheDir();
  // English files keep their old names; a twin's carry its language: councillor-induction-cy-<hash>.json
  const prefix = module.language === DEFAULT_LANGUAGE ? `${module.id}-` : `${module.id}-${module.language}-`;
  const file = path.join(dir, `${prefix}${module.hash}.json`);
  const diagrams = new Set(sourcesOf.get(module)?.diagrams ?? diagramNames(root));
  if (existsSync(file)) {
    try {
      const cached = JSON.parse(readFileSync(file, "utf8")) as {
        hash: string;
        intro: ContentElement;
        lessons: Record<string, ContentElement>;
      };
      // checked again as it is read: a cache written before a check was tightened is not trusted
      if (cached.hash === module.hash) {
        for (const tree of [cached.intro, ...Object.values(cached.lessons)]) checkTree(tree, { diagrams });
        return withJson(cached);
      }
    } catch {
      // a torn, foreign or outdated file: compile again and overwrite it
    }
  }
  const compile = async (name: string) => {
    try {
      return (await compileLesson(moduleSource(module, name, root), { diagrams })).tree;
    } catch (error) {
      if (error instanceof ContentError) throw new ContentError(`content/${module.dir}/${name}: ${error.message}`);
      throw error;
    }
  };
  const intro = await compile("index.mdx");
  const lessons: Record<string, ContentElement> = {};
  for (const lesson of module.lessons) lessons[lesson.slug] = await compile(lesson.file);
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ hash: module.hash, intro, lessons }));
    renameSync(temp, file); // atomic: another process never reads half a file
    // earlier versions of this module are not needed again
    for (const old of readdirSync(dir)) {
      if (
        old.startsWith(prefix) &&
        old !== path.basename(file) &&
        /^[0-9a-f]{16}\.json$/.test(old.slice(prefix.length))
      ) {
        rmSync(path.join(dir, old), { force: true });
      }
    }
  } catch (error) {
    console.error(`content: could not write the compile cache ${file}: ${(error as Error).message}`);
  }
  return withJson({ hash: module.hash, intro, lessons });
}

function withJson(compiled: { hash: string; intro: ContentElement; lessons: Record<string, ContentElement> }): CompiledModule {
  const body = (tree: ContentElement): Body => ({ tree, json: JSON.stringify(tree) });
  const lessons: CompiledModule["lessons"] = {};
  for (const [slug, tree] of Object.entries(compiled.lessons)) lessons[slug] = body(tree);
  return { hash: compiled.hash, intro: body(compiled.intro), lessons };
}

/** For loaders and actions: the module, or a 404 page. */
export function requireModule(moduleId: string | undefined, language: Language): ModuleInfo {
  const module = moduleId ? findModule(moduleId, language) : null;
  if (!module) throw new Response(wordsOf(language, "learning")("module.notFound"), { status: 404 });
  return module;
}
