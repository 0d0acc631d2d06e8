// The modules in content/: read, validated and (lazily, once per content version) compiled. Pages call
// getCatalogue() and lessonBody()/lessonBodyFor(); once warm, nothing here runs per request beyond Map lookups.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { checkTree, compileLesson, COMPILER_ID, ContentError } from "./compile.server";
import { LessonFrontmatterSchema, ModuleFrontmatterSchema, KnowledgeCheckSchema, type ModuleFrontmatter, type KnowledgeCheck } from "./schema";
import { isDiscussionOpen, QUESTIONS_PER_ATTEMPT } from "~/learning/core";
import { componentsIn, type ContentElement, type ContentNode } from "./tree";

export type LessonInfo = { slug: string; title: string; file: string; position: number; words: number; minutes: number };
export type ModuleInfo = ModuleFrontmatter & {
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
export type Catalogue = { contentHash: string; modules: ModuleInfo[]; knowledgeChecks: Map<string, KnowledgeCheck>; problems: Problem[] };

const sourcesOf = new WeakMap<ModuleInfo, { files: Map<string, string>; diagrams: string[] }>();

const MODULE_DIR = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

export function contentRoot() {
  return path.resolve(process.env.CONTENT_DIR ?? "content");
}

/** Reads and validates every module's frontmatter and knowledge check. Modules with problems are left out (and listed). */
export function readCatalogue(root = contentRoot()): Catalogue {
  const problems: Problem[] = [];
  const modules: ModuleInfo[] = [];
  const knowledgeChecks = new Map<string, KnowledgeCheck>();
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
    const fail = (file: string, message: string) => problems.push({ file: path.join("content", relDir, file), message });
    const match = MODULE_DIR.exec(dir);
    if (!match) {
      fail("", "module folders are named NN-<id>, e.g. 02-prevent-duty");
      continue;
    }
    const absDir = path.join(modulesDir, dir);
    const files = readdirSync(absDir).sort();
    const moduleHash = createHash("sha256").update(COMPILER_ID).update(diagrams.join(","));
    // compiled from exactly the text that was hashed, so the cache key always describes its contents
    const sources = new Map<string, string>();
    const read = (file: string) => {
      const text = readFileSync(path.join(absDir, file), "utf8");
      moduleHash.update(`\0${file}\0${text}`);
      sources.set(file, text);
      return text;
    };
    if (!files.includes("index.mdx")) {
      fail("index.mdx", "is missing");
      continue;
    }
    const before = problems.length;
    const index = parseMatter(read("index.mdx"), "index.mdx", fail);
    const front = index && ModuleFrontmatterSchema.safeParse(index.data);
    if (front && !front.success) fail("index.mdx", zodMessage(front.error));
    if (front?.success && front.data.id !== match[2]) fail("index.mdx", `id "${front.data.id}" must match the folder name (${dir})`);

    const lessons: LessonInfo[] = [];
    for (const file of files.filter((f) => f !== "index.mdx" && f.endsWith(".mdx"))) {
      const lessonMatch = LESSON_FILE.exec(file);
      if (!lessonMatch) {
        fail(file, "lesson files are named NN-<slug>.mdx, e.g. 01-what-the-duty-says.mdx");
        continue;
      }
      const lesson = parseMatter(read(file), file, fail);
      if (!lesson) continue;
      const lessonFront = LessonFrontmatterSchema.safeParse(lesson.data);
      if (!lessonFront.success) {
        fail(file, zodMessage(lessonFront.error));
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
      fail(other, "is not a lesson (NN-<slug>.mdx), index.mdx or knowledge-check.json");
    if (lessons.length < 4) fail("", `has ${lessons.length} lesson${lessons.length === 1 ? "" : "s"}: a module needs at least four`);
    if (new Set(lessons.map((l) => l.slug)).size !== lessons.length) fail("", "two lessons have the same slug");

    let knowledgeCheck: KnowledgeCheck | null = null;
    if (!files.includes("knowledge-check.json")) fail("knowledge-check.json", "is missing");
    else {
      const text = read("knowledge-check.json");
      try {
        const parsed = KnowledgeCheckSchema.safeParse(JSON.parse(text));
        if (parsed.success) knowledgeCheck = parsed.data;
        else fail("knowledge-check.json", zodMessage(parsed.error));
      } catch (error) {
        fail("knowledge-check.json", `is not valid JSON: ${(error as Error).message}`);
      }
    }
    const hash = moduleHash.digest("hex").slice(0, 16);
    contentHash.update(hash);
    if (problems.length > before || !front?.success || !knowledgeCheck || !index) continue;

    const questionCount = Math.min(QUESTIONS_PER_ATTEMPT, knowledgeCheck.questions.length);
    const checkMinutes = Math.max(3, Math.round(questionCount * 0.75));
    const lessonWords = lessons.reduce((sum, l) => sum + l.words, 0);
    // share the author's estimate between lessons by length, so "time left" adds up to the module's minutes
    const readingMinutes = Math.max(lessons.length, front.data.minutes - checkMinutes);
    for (const lesson of lessons) lesson.minutes = Math.max(1, Math.round((readingMinutes * lesson.words) / Math.max(1, lessonWords)));

    const info: ModuleInfo = {
      ...front.data,
      dir: relDir,
      hash,
      words: lessonWords + countWords(index.content),
      lessons,
      questionCount,
      checkMinutes,
    };
    sourcesOf.set(info, { files: sources, diagrams });
    modules.push(info);
    knowledgeChecks.set(front.data.id, knowledgeCheck);
  }
  // two folders with one id: neither is published until that is fixed
  const ids = modules.map((m) => m.id);
  const duplicated = new Set(ids.filter((id, i) => ids.indexOf(id) !== i));
  for (const id of duplicated) {
    problems.push({ file: "content/modules", message: `two modules have the id "${id}"` });
    knowledgeChecks.delete(id);
  }
  return {
    contentHash: contentHash.digest("hex").slice(0, 16),
    modules: modules.filter((m) => !duplicated.has(m.id)),
    knowledgeChecks,
    problems,
  };
}

function parseMatter(text: string, file: string, fail: (file: string, message: string) => void) {
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

/** The catalogue, read once per process (re-read on every call in development, so edits show at once). */
export function getCatalogue(): Catalogue {
  if (!current || process.env.NODE_ENV === "development") {
    const next = readCatalogue();
    if (next.contentHash !== current?.contentHash) {
      for (const problem of next.problems) console.error(`content: ${problem.file}: ${problem.message}`);
      current = next;
    }
  }
  return current;
}

export function findModule(moduleId: string): ModuleInfo | null {
  return getCatalogue().modules.find((m) => m.id === moduleId) ?? null;
}

/** Server only: the knowledge check with its answers. */
export function knowledgeCheckFor(moduleId: string): KnowledgeCheck | null {
  return getCatalogue().knowledgeChecks.get(moduleId) ?? null;
}

type Body = { tree: ContentElement; json: string };
export type CompiledModule = { hash: string; intro: Body; lessons: Record<string, Body> };
const compiled = new Map<string, Promise<CompiledModule>>();

/**
 * The module's lessons compiled: from memory, else from the disk cache, else compiled now (once). A module
 * that fails to compile keeps failing from memory rather than compiling again on every request.
 */
export function compiledModule(module: ModuleInfo, root = contentRoot()): Promise<CompiledModule> {
  let pending = compiled.get(module.hash);
  if (!pending) {
    pending = loadOrCompile(module, root);
    compiled.set(module.hash, pending);
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
  return body ? { key: `${module.hash}/${lessonSlug}`, json: body.json } : null;
}

const withoutDiscussions = new Map<string, { key: string; json: string }>();

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
  let pruned = withoutDiscussions.get(key);
  if (!pruned) {
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
    pruned = { key, json: JSON.stringify(prune(tree)) };
    if (withoutDiscussions.size > 1000) withoutDiscussions.clear(); // old content versions, in development
    withoutDiscussions.set(key, pruned);
  }
  return pruned;
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
  const file = path.join(dir, `${module.id}-${module.hash}.json`);
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
        old.startsWith(`${module.id}-`) &&
        old.endsWith(".json") &&
        old !== path.basename(file) &&
        /^[0-9a-f]{16}\.json$/.test(old.slice(module.id.length + 1))
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
export function requireModule(moduleId: string | undefined): ModuleInfo {
  const module = moduleId ? findModule(moduleId) : null;
  if (!module) throw new Response("There is no module at this address.", { status: 404 });
  return module;
}
