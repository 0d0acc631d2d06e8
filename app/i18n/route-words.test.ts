// The browser loads officers' and staff pages' words (ROUTE_NAMESPACES) only for the routes that name them in
// their handle: a route that uses them must name them (else its first render waits for them), and a route
// that names them must use them (else a page loads words it never shows). Read from the source: each route
// module and the modules it imports, but not server code, which has every word.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { PAGE_NAMESPACES, ROUTE_NAMESPACES } from "./config";

const APP = path.resolve("app");
const ROUTES = path.join(APP, "routes");

function resolveImport(from: string, specifier: string) {
  const base = specifier.startsWith("~/") ? path.join(APP, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  return ["", ".tsx", ".ts", "/index.tsx", "/index.ts"].map((ending) => base + ending).find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/** The namespaces a module's words come from: useTranslation("…") or ["…", …], and t("namespace:key"), through its imports. */
function namespacesUsedBy(file: string, seen = new Set<string>()): Set<string> {
  const used = new Set<string>();
  if (seen.has(file)) return used;
  seen.add(file);
  const code = fs.readFileSync(file, "utf8");
  for (const [, args] of code.matchAll(/useTranslation\(([^)]*)\)/g)) {
    if (!args.trim()) used.add("common");
    for (const [, namespace] of args.matchAll(/"(\w+)"/g)) used.add(namespace);
  }
  for (const [, namespace] of code.matchAll(/\bt\(\s*["'`](\w+):/g)) if ((PAGE_NAMESPACES as readonly string[]).includes(namespace)) used.add(namespace);
  for (const [, specifier] of code.matchAll(/from "((?:~|\.{1,2})\/[^"]+)"/g)) {
    if (/\.(server|client)(\.|$)|\.json$/.test(specifier)) continue;
    const imported = resolveImport(file, specifier);
    if (imported) for (const namespace of namespacesUsedBy(imported, seen)) used.add(namespace);
  }
  return used;
}

const pages = fs
  .readdirSync(ROUTES)
  .filter((file) => file.endsWith(".tsx") && !file.includes(".test."))
  .filter((file) => fs.readFileSync(path.join(ROUTES, file), "utf8").includes("export default"));

test.each(pages)("%s names in its handle the officers' and staff words it uses, and no others", (file) => {
  const code = fs.readFileSync(path.join(ROUTES, file), "utf8");
  const named = [...(code.match(/export const handle = \{ i18n: \[([^\]]*)\] \}/)?.[1].matchAll(/"(\w+)"/g) ?? [])].map(([, namespace]) => namespace);
  const used = [...namespacesUsedBy(path.join(ROUTES, file))].filter((namespace) => (ROUTE_NAMESPACES as readonly string[]).includes(namespace));
  expect(named.sort()).toEqual(used.sort());
});

test("the officers' pages name the council's words and the staff pages the staff words; a councillor's pages neither", () => {
  const named = (file: string) => fs.readFileSync(path.join(ROUTES, file), "utf8").match(/export const handle = \{ i18n: \[([^\]]*)\] \}/)?.[1] ?? "";
  for (const file of pages) {
    if (file.startsWith("council.")) expect(named(file), file).toBe('"council"');
    else if (file.startsWith("staff.")) expect(named(file), file).toBe('"staff"');
    else expect(named(file), file).toBe("");
  }
});
