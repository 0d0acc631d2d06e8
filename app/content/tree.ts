// A compiled lesson is kept as a plain tree of elements rather than as code: the browser renders it with
// our own components, so it never evaluates code (the content security policy forbids eval) and the
// tree can be cached on disk as JSON.
export type ContentNode = string | ContentElement;

/** The HTML a lesson may contain (Markdown's output); anything else is one of our content components. */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  "p",
  "h2",
  "h3",
  "h4",
  "ul",
  "ol",
  "li",
  "a",
  "strong",
  "em",
  "blockquote",
  "code",
  "pre",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "del",
  "sup",
  "sub",
  "section",
]);
export type ContentElement = { t: string; p?: Record<string, unknown>; c?: ContentNode[] };

/** Every use of a content component in a tree, e.g. the lesson's case studies. */
export function componentsIn(node: ContentNode, name: string): ContentElement[] {
  if (typeof node === "string") return [];
  const found = node.t === name ? [node] : [];
  return found.concat(...(node.c ?? []).map((child) => componentsIn(child, name)));
}
