// The Welsh and English catalogues say the same things: the same keys, the same placeholders, every plural
// form each language needs (Welsh has six: zero, one, two, few, many, other), and no empty words.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { LANGUAGES, PAGE_NAMESPACES, SERVER_NAMESPACES, INTL_LOCALE, type Language } from "./config";

const LOCALES = path.resolve("app/i18n/locales");
const NAMESPACES = [...PAGE_NAMESPACES, ...SERVER_NAMESPACES];
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  if (typeof value !== "object" || value === null) throw new Error(`${prefix}: not a string or an object`);
  return Object.assign({}, ...Object.entries(value).map(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key)));
}

function catalogue(language: Language, namespace: string) {
  return flatten(JSON.parse(fs.readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8")));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();
/** The tags a <Sentence> puts elements on (`<login>sign in</login>`): both languages must have the same. */
const tags = (text: string) => [...text.matchAll(/<([a-zA-Z][\w-]*)>/g)].map((match) => match[1]).sort();

test("every namespace has a catalogue in every language, and no other catalogue exists", () => {
  for (const language of LANGUAGES) {
    const files = fs.readdirSync(path.join(LOCALES, language)).filter((file) => file.endsWith(".json"));
    expect(files.sort(), language).toEqual(NAMESPACES.map((namespace) => `${namespace}.json`).sort());
  }
});

test.each(NAMESPACES)("%s: the same keys, placeholders and plural forms in Welsh and English", (namespace) => {
  const words = Object.fromEntries(LANGUAGES.map((language) => [language, catalogue(language, namespace)])) as Record<Language, Record<string, string>>;
  const base = (language: Language) => new Set(Object.keys(words[language]).map((key) => key.replace(PLURAL_SUFFIX, "")));
  expect([...base("cy")].sort(), "keys in Welsh and English").toEqual([...base("en")].sort());

  for (const language of LANGUAGES) {
    const forms = new Intl.PluralRules(INTL_LOCALE[language]).resolvedOptions().pluralCategories;
    for (const [key, text] of Object.entries(words[language])) {
      expect(text.trim(), `${language} ${namespace}:${key} is empty`).not.toBe("");
      const plural = key.match(PLURAL_SUFFIX);
      if (plural) {
        const stem = key.replace(PLURAL_SUFFIX, "");
        for (const form of forms) expect(words[language], `${language} ${namespace}:${stem} needs the form "${form}"`).toHaveProperty([`${stem}_${form}`]);
      }
      const other = language === "en" ? "cy" : "en";
      const twin = words[other][key] ?? words[other][`${key.replace(PLURAL_SUFFIX, "")}_other`];
      // A plural form may leave the number out ("dim modiwlau", "no modules"); other placeholders must match.
      const said = (words: string) => placeholders(words).filter((name) => !plural || name !== "count");
      if (twin !== undefined) expect(said(text), `${namespace}:${key} placeholders in ${language} and ${other}`).toEqual(said(twin));
      if (twin !== undefined) expect(tags(text), `${namespace}:${key} tags in ${language} and ${other}`).toEqual(tags(twin));
      for (const tag of tags(text)) expect(text, `${language} ${namespace}:${key} closes <${tag}>`).toContain(`</${tag}>`);
    }
  }
});
