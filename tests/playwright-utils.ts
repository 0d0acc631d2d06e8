// Fixtures for the browser journeys: sign in as a fresh user of any role, check accessibility and valid
// HTML, and read the links the service emailed (from the outbox table).
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page, type Response } from "@playwright/test";
import { db } from "~/utils/db.server";
import { lucia } from "~/utils/session.server";
import type { Role } from "~/utils/permissions";
import { englishLeftIn } from "./english-left";
import { createUser, TEST_PASSWORD } from "./factories";

type TestUser = Awaited<ReturnType<typeof createUser>>;

export const test = base.extend<{
  login: (options?: Parameters<typeof createUser>[0] & { role?: Role }) => Promise<TestUser>;
  /** Signs this browser in as someone who already exists (instead of whoever it was). */
  loginAs: (user: { id: string }) => Promise<void>;
}>({
  page: async ({ page }, use) => {
    recordDocuments(page);
    await use(page);
  },
  loginAs: async ({ context, baseURL }, use) => {
    await use(async (user) => {
      const session = await lucia.createSession(user.id, {});
      const cookie = lucia.createSessionCookie(session.id);
      // The same cookie name: this replaces whoever was signed in.
      await context.addCookies([
        { name: cookie.name, value: cookie.value, ...cookieSite(baseURL!), httpOnly: true, sameSite: "Lax", secure: true },
      ]);
    });
  },
  login: async ({ loginAs }, use) => {
    await use(async (options = {}) => {
      const user = await createUser(options);
      await loginAs(user);
      return user;
    });
  },
});

export { expect };

/**
 * Where a test's cookie goes: this host, every path, no Domain attribute. (Chromium refuses a __Host-
 * cookie added with an http:// url, though it sends Secure cookies to http://localhost.)
 */
export function cookieSite(baseURL: string) {
  return { domain: new URL(baseURL).hostname, path: "/" };
}

/** No WCAG 2.2 A/AA violations on the page as it is now, and valid HTML (see expectValidHtml). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
  await expectValidHtml(page);
}

const latestDocument = new WeakMap<Page, Response>();
const checkedDocuments = new WeakSet<Response>();

/** Keeps the HTML document the server last sent to a page, so it can be checked as sent. */
function recordDocuments(page: Page) {
  page.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() === "document" && request.frame() === page.mainFrame() && !(response.status() >= 300 && response.status() < 400)) {
      latestDocument.set(page, response);
    }
  });
}

/**
 * No errors from the Nu HTML checker, in the HTML the server sent for the page (the parser's view: what
 * comes after </html>, misnested tags) and in the page as the browser now has it (what React rendered
 * after a client-side navigation or a form answered with JavaScript). Pages opened in contexts a test
 * makes itself are checked as the browser has them.
 */
export async function expectValidHtml(page: Page) {
  const sent = latestDocument.get(page);
  if (sent && !checkedDocuments.has(sent) && (sent.headers()["content-type"] ?? "").startsWith("text/html")) {
    checkedDocuments.add(sent);
    expect(await htmlErrors(await sent.text()), `HTML errors in the document sent for ${sent.url()}`).toEqual([]);
  }
  expect(await htmlErrors(await page.content()), `HTML errors in the page at ${page.url()}`).toEqual([]);
}

async function htmlErrors(html: string): Promise<string[]> {
  const response = await fetch(`${process.env.VNU_URL}/?out=json&level=error`, {
    method: "POST",
    headers: { "Content-Type": "text/html; charset=utf-8" },
    body: html,
  });
  if (!response.ok) throw new Error(`The HTML checker answered ${response.status}`);
  const { messages } = (await response.json()) as { messages: { type: string; message: string; lastLine?: number; extract?: string }[] };
  return messages
    .filter((message) => message.type !== "info")
    .map((message) => `${message.message} (line ${message.lastLine ?? "?"}: ${JSON.stringify(message.extract ?? "")})`);
}

/**
 * The link in the newest email sent to an address, path and query (the outbox stands in for a mailbox). Some emails are
 * written just after the page has answered (so its timing tells nothing), so this waits a little for one,
 * or for one whose link is not `other` (a link sent before).
 */
export async function linkFromLatestEmail(to: string, pathPrefix: string, { other }: { other?: string } = {}) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const message = await db.emailMessage.findFirst({ where: { to: to.toLowerCase() }, orderBy: { createdAt: "desc" } });
    const match = message?.text.match(new RegExp(`https?://[^\\s]+${pathPrefix}[^\\s]+`));
    const url = match ? new URL(match[0]) : null;
    const link = url ? `${url.pathname}${url.search}` : null;
    if (link && link !== other) return link;
    if (Date.now() > deadline) {
      throw new Error(message ? `The newest email to ${to} has no new ${pathPrefix} link:\n${message.text}` : `No email was sent to ${to}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function uniqueEmail(prefix = "person") {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

/** Signs in through the form as a person would (the outcome page is left to the caller to check). */
export async function signInThroughForm(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs out with the header button and waits until it has landed, so the next page load cannot race it. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
}

/**
 * The page is in Welsh, has no English catalogue words left (text marked as another language, such as an
 * English source's title, aside), and passes axe and the HTML checker.
 */
export async function expectWelshPage(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, [lang]:not([lang="cy"])').forEach((element) => element.remove());
    return `${document.title}\n${body.textContent}`;
  });
  expect(englishLeftIn(text), `English words on ${page.url()}`).toEqual([]);
  await expectAccessible(page);
}
