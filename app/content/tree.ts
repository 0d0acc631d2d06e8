// A compiled lesson is kept as a plain tree of elements rather than as code: the browser renders it with
// our own components, so it never evaluates code (the content security policy forbids eval) and the
// tree can be cached on disk as JSON.
export type ContentNode = string | ContentElement;
export type ContentElement = { t: string; p?: Record<string, unknown>; c?: ContentNode[] };

/** Every use of a content component in a tree, e.g. the lesson's case studies. */
export function componentsIn(node: ContentNode, name: string): ContentElement[] {
  if (typeof node === "string") return [];
  const found = node.t === name ? [node] : [];
  return found.concat(...(node.c ?? []).map((child) => componentsIn(child, name)));
}
