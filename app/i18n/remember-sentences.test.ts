// An instance that keeps its sentences answers exactly as one that works each out afresh: every word of
// every catalogue, plurals by count, values, prefixes, and calls it must not keep.
import fs from "node:fs";
import path from "node:path";
import { createInstance, type i18n } from "i18next";
import { expect, test } from "vitest";
import { I18N_OPTIONS, LANGUAGES, PAGE_NAMESPACES, SERVER_NAMESPACES } from "./config";
import { i18nFor } from "./i18n.server";
import { rememberSentences } from "./remember-sentences";

type AnyT = (key: string, options?: Record<string, unknown>) => unknown;

function instance(resources: Record<string, Record<string, object>>, remember: boolean, lng = "cy") {
  const made = createInstance({ ...I18N_OPTIONS, lng, ns: Object.keys(resources[lng]), resources });
  void made.init();
  if (remember) rememberSentences(made);
  return made;
}

const fixedT = (made: i18n, lng: string | null, ns: string, keyPrefix?: string) =>
  (made.getFixedT as unknown as (...args: unknown[]) => AnyT)(lng, ns, keyPrefix);

const WORDS = {
  cy: {
    common: {
      lessons_zero: "dim gwersi",
      lessons_one: "un wers",
      lessons_two: "dwy wers",
      lessons_few: "{{count}} gwers (ychydig)",
      lessons_many: "{{count}} gwers (llawer)",
      lessons_other: "{{count}} o wersi",
      hello: "Helo, {{name}}",
      page: { title: "Teitl" },
    },
  },
  en: { common: { hello: "Hello, {{name}}", page: { title: "Title" } } },
};

test("plurals follow the count each time, Welsh's six forms included", () => {
  const t = fixedT(instance(WORDS, true), null, "common");
  const fresh = fixedT(instance(WORDS, false), null, "common");
  for (const count of [0, 1, 2, 3, 6, 11, 0, 3, 1]) {
    expect(t("lessons", { count }), `count ${count}`).toBe(fresh("lessons", { count }));
  }
  expect([0, 1, 2, 3, 6].map((count) => t("lessons", { count }))).toEqual(["dim gwersi", "un wers", "dwy wers", "3 gwers (ychydig)", "6 gwers (llawer)"]);
});

test("values, prefixes, languages and namespaces each give their own sentence", () => {
  const made = instance(WORDS, true);
  const t = fixedT(made, null, "common");
  expect(t("hello", { name: "Amina" })).toBe("Helo, Amina");
  expect(t("hello", { name: "Gareth" })).toBe("Helo, Gareth");
  expect(t("hello", { name: "Amina" })).toBe("Helo, Amina");
  expect(fixedT(made, null, "common", "page")("title")).toBe("Teitl");
  expect(t("title")).toBe("title"); // the same key under no prefix is a missing word, not the prefixed one
  expect(fixedT(made, "en", "common")("hello", { name: "Amina" })).toBe("Hello, Amina");
});

test("a call with a value that is not plain text or a number is worked out every time", () => {
  const t = fixedT(instance(WORDS, true), null, "common");
  const person = { toString: () => "Amina" };
  expect(t("hello", { name: person })).toBe("Helo, Amina");
  person.toString = () => "Gareth";
  expect(t("hello", { name: person })).toBe("Helo, Gareth");
});

test("past its limit it forgets and starts again, still answering right", () => {
  const t = fixedT(instance(WORDS, true), null, "common");
  for (let n = 0; n < 12_000; n += 1) expect(t("hello", { name: `Person ${n}` })).toBe(`Helo, Person ${n}`);
  expect(t("hello", { name: "Person 3" })).toBe("Helo, Person 3");
});

test("the server's instances give every word of every catalogue as a fresh instance does, twice over", () => {
  const namespaces = [...PAGE_NAMESPACES, ...SERVER_NAMESPACES];
  const resources = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      Object.fromEntries(namespaces.map((ns) => [ns, JSON.parse(fs.readFileSync(path.resolve("app/i18n/locales", language, `${ns}.json`), "utf8"))])),
    ]),
  );
  const keysOf = (value: object, prefix = ""): string[] =>
    Object.entries(value).flatMap(([key, inner]) => (typeof inner === "string" ? [`${prefix}${key}`] : keysOf(inner, `${prefix}${key}.`)));
  for (const language of LANGUAGES) {
    const fresh = instance(resources, false, language);
    for (const ns of namespaces) {
      const served = fixedT(i18nFor(language), null, ns);
      const expected = fixedT(fresh, null, ns);
      for (const key of keysOf(resources[language][ns])) {
        const plain = key.replace(/_(zero|one|two|few|many|other)$/, "");
        for (let round = 0; round < 2; round += 1) {
          expect(served(plain, { count: 2, name: "Amina" }), `${language} ${ns}:${key}`).toBe(expected(plain, { count: 2, name: "Amina" }));
          expect(served(plain), `${language} ${ns}:${key}`).toBe(expected(plain));
        }
      }
    }
  }
});
