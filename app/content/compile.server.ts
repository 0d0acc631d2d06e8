// MDX → a ContentNode tree. mdx-bundler compiles the lesson to code; we run that code once, here on the
// server, with a JSX runtime that records elements instead of creating React ones, and check every
// element and component prop on the way. See app/content/tree.ts for why a tree.
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { ComponentPropSchemas, type ContentComponentName } from "./schema";
import { ALLOWED_TAGS, type ContentElement, type ContentNode } from "./tree";

/** Raise when the compiler settings or the tree format change: it is part of every cache key. */
export const COMPILER_ID = "mdx-bundler-10.1.1+remark-gfm-4+tree-1";

const COMPONENTS = Object.keys(ComponentPropSchemas) as ContentComponentName[];
const FRAGMENT = "#fragment";
// MDX keeps the line breaks between blocks as text; in these containers they mean nothing
const BLOCK_CONTAINERS = new Set([
  "div",
  "section",
  "blockquote",
  "ul",
  "ol",
  "table",
  "thead",
  "tbody",
  "tr",
  ...Object.keys(ComponentPropSchemas),
]);

export class ContentError extends Error {}

type Compiled = { tree: ContentElement; caseStudies: string[]; reflections: string[]; knowledgeCheckMarkers: number; diagrams: string[] };

export async function compileLesson(source: string, { diagrams }: { diagrams: ReadonlySet<string> }): Promise<Compiled> {
  let code: string;
  try {
    ({ code } = await bundleMDX({
      source,
      // problems are reported once, as a ContentError with the file's name, not also printed by esbuild
      esbuildOptions(options) {
        options.logLevel = "silent";
        return options;
      },
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        return options;
      },
    }));
  } catch (error) {
    throw new ContentError(firstLine(error));
  }
  const runtime = { Fragment: FRAGMENT, jsx: record, jsxs: record };
  let tree: ContentNode;
  try {
    const mdxModule = new Function("React", "ReactDOM", "_jsx_runtime", code)(null, null, runtime);
    const markers = Object.fromEntries(COMPONENTS.map((name) => [name, name]));
    tree = mdxModule.default({ components: markers });
  } catch (error) {
    throw new ContentError(firstLine(error).replace(/you likely forgot.*$/, "it is not one of the content components"));
  }
  return checkTree({ t: "div", c: normalise(tree, true) }, { diagrams });
}

/** Checks every element and prop of a compiled tree (also run on trees read back from the disk cache). */
export function checkTree(root: ContentElement, { diagrams }: { diagrams: ReadonlySet<string> }): Compiled {
  const found: Compiled = { tree: root, caseStudies: [], reflections: [], knowledgeCheckMarkers: 0, diagrams: [] };
  check(root, found, diagrams, []);
  return found;
}

function record(type: unknown, props: Record<string, unknown>): ContentNode {
  const { children, ...rest } = props ?? {};
  if (typeof type !== "string") throw new ContentError(`unexpected element type ${String(type)}`);
  const element: ContentElement = { t: type };
  if (Object.keys(rest).length > 0) element.p = rest;
  const kids = normalise(children, BLOCK_CONTAINERS.has(type));
  if (kids.length > 0) element.c = kids;
  return element;
}

function normalise(children: unknown, block = false): ContentNode[] {
  const list = Array.isArray(children) ? children : [children];
  const out: ContentNode[] = [];
  for (const child of list) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (typeof child === "string" || typeof child === "number") {
      if (!(block && typeof child === "string" && child.trim() === "")) out.push(String(child));
    } else if (typeof child === "object" && (child as ContentElement).t === FRAGMENT)
      out.push(...normalise((child as ContentElement).c ?? [], block));
    else out.push(child as ContentElement);
  }
  return out;
}

function check(node: ContentNode, found: Compiled, diagrams: ReadonlySet<string>, ancestors: string[]) {
  if (typeof node === "string") return;
  const { t: type } = node;
  if (type === "div" && ancestors.length === 0) {
    // the root we added
  } else if ((COMPONENTS as string[]).includes(type)) {
    const name = type as ContentComponentName;
    const parsed = ComponentPropSchemas[name].safeParse(node.p ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ContentError(`<${name}>: ${issue.path.join(".") || "props"}: ${issue.message}`);
    }
    const props = parsed.data as Record<string, unknown>;
    if ((name === "Scenario" || name === "Discussion") && ancestors.at(-1) !== "CaseStudy") {
      throw new ContentError(`<${name}> must be directly inside a <CaseStudy>`);
    }
    if (name === "CaseStudy") {
      // (blank lines between its parts were dropped when the tree was recorded: see BLOCK_CONTAINERS)
      const kinds = (node.c ?? []).map((child) => (typeof child === "string" ? "text" : child.t));
      if (kinds.join(",") !== "Scenario,Discussion") {
        throw new ContentError(`<CaseStudy id="${props.id}"> must hold a <Scenario> then a <Discussion> and nothing else`);
      }
      found.caseStudies.push(props.id as string);
    }
    if (name === "Reflection") found.reflections.push(props.id as string);
    if (name === "KnowledgeCheck") found.knowledgeCheckMarkers++;
    if (name === "Diagram") {
      if (!diagrams.has(props.name as string))
        throw new ContentError(`<Diagram name="${props.name}">: content/diagrams/${props.name}.svg does not exist`);
      found.diagrams.push(props.name as string);
    }
  } else if (ALLOWED_TAGS.has(type)) {
    const props = checkAttributes(type, node.p);
    if (props) node.p = props;
    else delete node.p;
  } else if (type === "h1") {
    throw new ContentError("a lesson's headings start at ## (the page heading is the lesson title)");
  } else {
    throw new ContentError(`<${type}> is not allowed in content: use Markdown or one of ${COMPONENTS.join(", ")}`);
  }
  for (const child of node.c ?? []) check(child, found, diagrams, [...ancestors, type]);
}

function checkAttributes(type: string, props: Record<string, unknown> | undefined) {
  if (!props) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    // http(s), mailto, this site's own paths (not //host, which leaves the site) and anchors
    if (type === "a" && key === "href" && typeof value === "string" && /^(https?:\/\/|mailto:|\/(?![/\\])|#)/.test(value))
      out.href = value;
    else if (type === "a" && key === "title" && typeof value === "string") out.title = value;
    else if (type === "ol" && key === "start" && typeof value === "number") out.start = value;
    else if ((type === "th" || type === "td") && key === "style") {
      // GFM column alignment arrives as an inline style, which the CSP blocks: use a class instead
      const align = (value as { textAlign?: string })?.textAlign;
      if (align) out.className = `align-${align}`;
    } else
      throw new ContentError(
        `<${type}> may not have a "${key}" attribute${type === "a" ? " (links need an http(s), mailto or site-relative address)" : ""}`,
      );
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "could not compile"
  );
}
