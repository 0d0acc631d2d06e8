// What is still English on a page shown in Welsh: the English catalogue's words (each phrase of two words
// or more that its Welsh twin does not also say) found in the page's text. Page text written by people
// (names, council names) and module text in English-only modules are not in the catalogues, so they
// never count.
import fs from "node:fs";
import path from "node:path";

const LOCALES = path.resolve("app/i18n/locales");

function flatten(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

function words(language: "en" | "cy") {
  const entries: [string, string][] = [];
  for (const file of fs.readdirSync(path.join(LOCALES, language)).filter((name) => name.endsWith(".json"))) {
    const namespace = file.replace(/\.json$/, "");
    for (const [key, text] of flatten(JSON.parse(fs.readFileSync(path.join(LOCALES, language, file), "utf8")))) entries.push([`${namespace}:${key}`, text]);
  }
  return new Map(entries);
}

/** The English phrases to look for: the fixed parts of each value (between placeholders and tags). */
function englishPhrases() {
  const english = words("en");
  const welsh = words("cy");
  const phrases: { key: string; phrase: string }[] = [];
  for (const [key, text] of english) {
    const twin = welsh.get(key) ?? "";
    for (const part of text.split(/\{\{[^}]*\}\}|<[^>]+>/)) {
      const phrase = part.trim().replace(/\s+/g, " ");
      // One word ("Email", "Cabinet") is often the same in both languages, or a name: not evidence.
      if (phrase.split(" ").length < 2 || phrase.length < 8 || twin.includes(phrase)) continue;
      phrases.push({ key, phrase });
    }
  }
  return phrases;
}

let cached: ReturnType<typeof englishPhrases> | null = null;

/** `key: phrase` for each English catalogue phrase in `pageText`. */
export function englishLeftIn(pageText: string): string[] {
  cached ??= englishPhrases();
  const text = pageText.replace(/\s+/g, " ");
  return cached.filter(({ phrase }) => text.includes(phrase)).map(({ key, phrase }) => `${key}: "${phrase}"`);
}
