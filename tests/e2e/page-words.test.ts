// Each page's scripts carry the words its routes use: a councillor's pages never the words of officers' and
// staff pages (the council and staff namespaces, about 4–8 KB a page), which come with those routes, before
// they show and in the page's language (docs/decisions/018-words-with-their-routes.md).
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { BASE_NAMESPACES, LANGUAGES, ROUTE_NAMESPACES } from "~/i18n/config";
import { createCouncil } from "../factories";
import { expect, test } from "../playwright-utils";

const LOCALES = path.resolve("app/i18n/locales");

function sentences(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Object.values(value as Record<string, unknown>).flatMap(sentences);
}

const wordsIn = (namespace: string) =>
  LANGUAGES.flatMap((language) => sentences(JSON.parse(fs.readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8"))));

/**
 * Sentences only a route namespace has, as a script carries them: plain ASCII without quotes, backslashes or
 * placeholders, so the bundler writes them unchanged (Welsh with ŵ or â is written escaped; plenty remain).
 */
const plain = (words: string[]) => words.filter((s) => s.length >= 25 && /^[A-Za-z0-9 ,.:;()?!-]+$/.test(s));
// (page titles, the meta namespace, come with every page: app/i18n/meta.ts)
const everyPage = new Set([...BASE_NAMESPACES, "meta"].flatMap(wordsIn));
const onlyIn = Object.fromEntries(ROUTE_NAMESPACES.map((namespace) => [namespace, plain(wordsIn(namespace)).filter((s) => !everyPage.has(s))])) as Record<
  (typeof ROUTE_NAMESPACES)[number],
  string[]
>;

/** Every script the page fetches from now on, by address, with its text. */
function recordScripts(page: Page) {
  const scripts = new Map<string, Promise<string>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.ok()) scripts.set(new URL(response.url()).pathname, response.text());
  });
  return async () => new Map(await Promise.all([...scripts].map(async ([url, text]) => [url, await text] as const)));
}

/** The route namespaces whose words a script carries. */
function namespacesIn(code: string) {
  return ROUTE_NAMESPACES.filter((namespace) => onlyIn[namespace].some((sentence) => code.includes(sentence)));
}

test("a councillor's pages, in English and in Welsh, load no words of officers' or staff pages", async ({ page, login }) => {
  expect(onlyIn.council.length).toBeGreaterThan(50);
  expect(onlyIn.staff.length).toBeGreaterThan(50);
  await login({ role: "councillor" });
  const scripts = recordScripts(page);
  for (const address of ["/", "/modules", "/modules/prevent-duty", "/modules/prevent-duty/lessons/channel-panels", "/modules/prevent-duty/check", "/courses", "/account", "/account/councils"]) {
    await page.goto(address);
    await expect(page.locator("h1")).toBeVisible();
  }
  // the other language's words, then client-side navigations
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await page.getByRole("navigation", { name: "Prif lywio" }).getByRole("link", { name: "Modiwlau" }).click();
  await expect(page).toHaveURL(/\/modules$/);
  await page.goto("/");
  await expect(page.locator("h1")).toBeVisible();

  const loaded = await scripts();
  // (the check would see them: every page's words, in both languages, came in these scripts)
  for (const language of LANGUAGES) {
    const learning = plain(sentences(JSON.parse(fs.readFileSync(path.join(LOCALES, language, "learning.json"), "utf8"))));
    expect([...loaded.values()].some((code) => learning.some((sentence) => code.includes(sentence))), `${language} learning words`).toBe(true);
  }
  const carrying = [...loaded].map(([url, code]) => [url, namespacesIn(code)] as const).filter(([, namespaces]) => namespaces.length > 0);
  expect(carrying).toEqual([]);
});

test("an officer's pages load the council's words with them: on the first page, and before a page shows after a click or in Welsh", async ({ page, login }) => {
  const council = await createCouncil();
  await login({ role: "officer", councilId: council.id });
  const scripts = recordScripts(page);
  // every heading the page shows, as it shows it: none may be a key waiting for its words
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { headingsSeen: string[] }).headingsSeen = []);
    new MutationObserver(() => {
      for (const heading of document.querySelectorAll("h1")) seen.push(heading.textContent ?? "");
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your council" }).click();
  await expect(page).toHaveURL(/\/council$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your council's members" })).toBeVisible();
  await page.getByRole("navigation", { name: "Your council" }).getByRole("link", { name: "Committees" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Committees" })).toBeVisible();
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1, name: "Pwyllgorau" })).toBeVisible();
  const headings = await page.evaluate(() => (window as unknown as { headingsSeen: string[] }).headingsSeen);
  expect(headings.filter((heading) => /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(heading.trim()))).toEqual([]);

  // the first page an officer opens on the council's pages has its words before it is hydrated
  await page.goto("/council/committees");
  await expect(page.getByRole("heading", { level: 1, name: "Pwyllgorau" })).toBeVisible();
  const loaded = [...(await scripts()).values()];
  expect(loaded.some((code) => namespacesIn(code).includes("council"))).toBe(true);
  expect(loaded.some((code) => namespacesIn(code).includes("staff"))).toBe(false);
});
