// Security properties a browser can see: cross-site form posts refused, security headers and a CSP
// nonce on every page, HSTS over HTTPS only, the session cookie's flags and __Host- prefix, a fresh session
// on sign-in that sign-out ends, nothing of a signed-in page kept by the browser, no sign-out on GET, no
// open redirect after sign-in, and the health check.
import type { APIResponse, BrowserContext, Response } from "@playwright/test";
import { db } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../factories";
import { cookieSite, expect, test, signInThroughForm, signOut } from "../playwright-utils";

const SESSION_COOKIE = "__Host-le_session";

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

test.describe("cross-site requests", () => {
  test("a form post from another site is refused, by Origin or by Sec-Fetch-Site", async ({ request, baseURL }) => {
    const user = await createUser({ role: "councillor" });
    const form = { email: user.email, password: TEST_PASSWORD };
    const post = (path: string, headers: Record<string, string>) => request.post(path, { form, headers, maxRedirects: 0 });

    for (const path of ["/login", "/logout"]) {
      const evilOrigin = await post(path, { Origin: "https://evil.example" });
      expect(evilOrigin.status(), `${path} from another origin`).toBe(403);
      expect(await evilOrigin.text()).toBe("Cross-origin request refused.");
      expect(evilOrigin.headers()["set-cookie"] ?? "").not.toContain(`${SESSION_COOKIE}=`);

      const crossSite = await post(path, { "Sec-Fetch-Site": "cross-site" });
      expect(crossSite.status(), `${path} marked cross-site`).toBe(403);
      expect(await crossSite.text()).toBe("Cross-site request refused.");

      const sameSite = await post(path, { "Sec-Fetch-Site": "same-site", Origin: "https://sub.localhost" });
      expect(sameSite.status(), `${path} from a sibling site`).toBe(403);
    }

    // The same sign-in from this site's own origin goes through: the refusals above were for the origin alone.
    const own = await post("/login", { Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" });
    expect(own.status()).toBe(302);
    expect(own.headers()["location"]).toBe("/");
    expect(own.headers()["set-cookie"]).toContain(`${SESSION_COOKIE}=`);
  });

  test("a signed-in person is not signed out by another site posting to /logout", async ({ page, login }) => {
    await login({ role: "councillor" });
    await page.goto("/");
    const response = await page.request.post("/logout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});

test.describe("security headers", () => {
  function expectSecurityHeaders(response: Response | APIResponse, what: string) {
    const headers = response.headers();
    const csp = headers["content-security-policy"];
    expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
    const directives = Object.fromEntries(
      csp.split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    const nonces = (directives["script-src"] ?? []).filter((value: string) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(value));
    expect(nonces, `${what}: script-src nonce`).toHaveLength(1);
    expect(directives["script-src"], `${what}: script-src`).not.toContain("'unsafe-inline'");
    expect(directives["script-src"], `${what}: script-src`).not.toContain("'unsafe-eval'");
    expect(directives["frame-ancestors"], `${what}: frame-ancestors`).toEqual(["'none'"]);
    expect(directives["object-src"], `${what}: object-src`).toEqual(["'none'"]);
    expect(headers["x-content-type-options"], `${what}: X-Content-Type-Options`).toBe("nosniff");
    expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(headers["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
    // These tests reach the server over plain HTTP, where HSTS means nothing and must not be sent (RFC 6797 §7.2).
    expect(headers["strict-transport-security"], `${what}: Strict-Transport-Security over HTTP`).toBeUndefined();
    expect(headers["x-powered-by"], `${what}: X-Powered-By`).toBeUndefined();
    return nonces[0].slice("'nonce-".length, -1);
  }

  test("every HTML page carries the headers and a fresh nonce, and its inline scripts carry that nonce", async ({
    page,
    login,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));

    const check = async (path: string, status: number) => {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(status);
      expect(response!.headers()["content-type"], path).toContain("text/html");
      const nonce = expectSecurityHeaders(response!, path);
      const html = await response!.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
      expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes, `${path}: a script tag`).toContain(`nonce="${nonce}"`);
      // The scripts ran: the page hydrated, so client-side navigation works.
      await expect.poll(() => page.evaluate(() => "__remixContext" in window && document.querySelectorAll("script[nonce]").length)).toBeGreaterThan(0);
      return nonce;
    };

    const first = await check("/", 200);
    const second = await check("/", 200);
    expect(second, "a new nonce for each response").not.toBe(first);
    await check("/login", 200);
    await check("/privacy", 200);
    await check("/no-such-page", 404);
    await login({ role: "councillor" });
    await check("/account", 200);
    await check("/staff/users", 403);

    // Hydrated: a link click is handled by the client router (the document is not reloaded).
    await page.goto("/");
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your account" }).click();
    await expect(page).toHaveURL(/\/account$/);
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);

    expect(violations, "CSP violations or script errors in the browser").toEqual([]);
  });

  test("over HTTPS (a proxy ending TLS says so, with TRUST_PROXY set) every response asks for HTTPS from then on", async ({ request }) => {
    for (const path of ["/", "/login", "/no-such-page"]) {
      const response = await request.get(path, { headers: { "X-Forwarded-Proto": "https" } });
      expect(response.headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
    }
  });

  test("redirects and plain responses carry the headers too", async ({ request }) => {
    const redirect = await request.get("/staff/users", { maxRedirects: 0 });
    expect(redirect.status()).toBe(302);
    expectSecurityHeaders(redirect, "redirect");
    const health = await request.get("/healthz");
    expect(health.status()).toBe(200);
    expect(await health.text()).toBe("ok");
  });
});

test.describe("sessions", () => {
  test("the session cookie is HttpOnly, SameSite=Lax, Secure and __Host- (this host only, every path)", async ({ page, context }) => {
    const user = await createUser({ role: "councillor" });
    await signInThroughForm(page, user.email);
    await expect(page.getByText("You are signed in.")).toBeVisible();
    const cookie = await sessionCookie(context);
    expect(cookie, "session cookie").toBeDefined();
    expect({ httpOnly: cookie!.httpOnly, sameSite: cookie!.sameSite, secure: cookie!.secure, path: cookie!.path }).toEqual({
      httpOnly: true,
      sameSite: "Lax",
      secure: true,
      path: "/",
    });
    expect(cookie!.domain).toBe("localhost");
    expect(cookie!.value.length).toBeGreaterThanOrEqual(24);
    // Scripts on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  });

  test("signing in issues a new session id, and signing out ends it on the server", async ({ page, context, browser, baseURL }) => {
    test.slow(); // several browsers
    const user = await createUser({ role: "councillor", name: "Sam Session" });

    // A session id planted before sign-in (session fixation) is not kept.
    const planted = "plantedsessionidfromanattacker";
    await context.addCookies([{ name: SESSION_COOKIE, value: planted, ...cookieSite(baseURL!), httpOnly: true, sameSite: "Lax", secure: true }]);
    await signInThroughForm(page, user.email);
    await expect(page.getByText("Signed in as Sam Session (Councillor)")).toBeVisible();
    const first = (await sessionCookie(context))!.value;
    expect(first).not.toBe(planted);

    // Someone holding a copy of the cookie is signed in as Sam (so the check after sign-out means something).
    const replay = async (value: string) => {
      const thief = await browser.newContext({ baseURL });
      await thief.addCookies([{ name: SESSION_COOKIE, value, ...cookieSite(baseURL!), httpOnly: true, sameSite: "Lax", secure: true }]);
      const thiefPage = await thief.newPage();
      await thiefPage.goto("/account");
      const url = thiefPage.url();
      const signedInAs = await thiefPage.getByText("Signed in as Sam Session").count();
      await thief.close();
      return { url, signedInAs };
    };
    expect(await replay(first)).toEqual({ url: `${baseURL}/account`, signedInAs: 1 });

    await signOut(page);
    const after = await sessionCookie(context);
    expect(after?.value ?? "").toBe("");

    expect(await replay(first)).toEqual({ url: `${baseURL}/login?redirectTo=%2Faccount`, signedInAs: 0 });

    // Signing in again gives yet another id.
    await signInThroughForm(page, user.email);
    await expect(page.getByText("You are signed in.")).toBeVisible();
    const second = (await sessionCookie(context))!.value;
    expect(second).not.toBe(first);
    expect(second).not.toBe(planted);
  });

  test("visiting /logout without a form post does not sign out", async ({ page, login }) => {
    const user = await login({ role: "councillor" });
    await page.goto("/");
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    expect(sessionsBefore).toBe(1);

    const response = await page.goto("/logout");
    expect(response!.ok()).toBe(true);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByText("You have signed out.")).toHaveCount(0);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account$/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { userId: user.id, type: "sign-out" } })).toBe(0);
  });
});

test.describe("after sign-in", () => {
  for (const target of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
    test(`redirectTo=${target} stays on this site`, async ({ page, baseURL }) => {
      const user = await createUser({ role: "councillor" });
      await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
      await page.getByLabel("Email address").fill(user.email);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("You are signed in.")).toBeVisible();
      expect(page.url()).toBe(`${baseURL}/`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
    });
  }

  test("redirectTo=/account lands on the account page", async ({ page, baseURL }) => {
    const user = await createUser({ role: "councillor" });
    await page.goto("/login?redirectTo=%2Faccount");
    await page.getByLabel("Email address").fill(user.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("You are signed in.")).toBeVisible();
    expect(page.url()).toBe(`${baseURL}/account`);
  });
});

test.describe("shared computers", () => {
  test("signed-in pages and their data are never stored; after sign-out the back button does not show them", async ({ page }) => {
    const user = await createUser({ role: "councillor", name: "Bethan Private" });
    const anonymous = await page.request.get("/privacy");
    expect(anonymous.headers()["cache-control"] ?? "").not.toContain("no-store");

    await signInThroughForm(page, user.email);
    await expect(page.getByText("You are signed in.")).toBeVisible();
    for (const path of ["/", "/account", "/modules", "/account.data"]) {
      const response = await page.request.get(path);
      expect(response.headers()["cache-control"], path).toBe("no-store");
    }
    // A resource the same for everyone keeps its own caching.
    const diagram = await page.request.get("/diagrams/seven-principles.svg");
    expect(diagram.status()).toBe(200);
    expect(diagram.headers()["cache-control"]).toBe("public, max-age=3600");

    await page.goto("/account");
    await expect(page.getByText(user.email)).toBeVisible();
    await signOut(page);
    await page.goBack();
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
    await expect(page.getByText(user.email)).toHaveCount(0);
    await expect(page.getByText("Bethan Private")).toHaveCount(0);
  });

  test("changing one's own password gives this browser a new session id and ends the old one", async ({ page, context, browser, baseURL }) => {
    const user = await createUser({ role: "councillor" });
    await signInThroughForm(page, user.email);
    await expect(page.getByText("You are signed in.")).toBeVisible();
    const before = (await sessionCookie(context))!.value;

    await page.goto("/account/password");
    await page.getByLabel("Current password").fill(TEST_PASSWORD);
    await page.getByLabel("New password").fill("copper-heron-meadow-19");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toHaveText("Your password has been changed. Any other sessions have been signed out.");
    const after = (await sessionCookie(context))!.value;
    expect(after).not.toBe(before);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account$/);

    // Someone who copied the old cookie is signed out.
    const copy = await browser.newContext({ baseURL });
    await copy.addCookies([{ name: SESSION_COOKIE, value: before, ...cookieSite(baseURL!), httpOnly: true, sameSite: "Lax", secure: true }]);
    const copyPage = await copy.newPage();
    await copyPage.goto("/account");
    await expect(copyPage).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
    await copy.close();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
