// Page weight as a phone on a cold cache sees it: each page opened in a fresh Chromium context (empty
// cache), signed in, and every response counted by the bytes that crossed the network (Chrome's
// encodedDataLength: headers and the body as sent, so compressed when the server compresses).
import { chromium, type Browser } from "@playwright/test";

export type WeighedPage = { name: string; path: string; expect: string };

export type PageWeight = WeighedPage & {
  /** Every byte received for the page: HTML, CSS, JavaScript, data, images, with their headers. */
  transferred: number;
  /** The part of `transferred` that was JavaScript. */
  script: number;
  /** The same JavaScript once decompressed (what the phone parses). */
  scriptDecoded: number;
  requests: number;
  /** Responses that came uncompressed although they were text over 1 kB. */
  uncompressed: string[];
};

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: CHROMIUM_FLAGS });
}

/** Opens `page.path` in a new context holding only the session cookie, waits for the network to go quiet, and sums what arrived. */
export async function weighPage(browser: Browser, origin: string, sessionCookie: string, page: WeighedPage): Promise<PageWeight> {
  const context = await browser.newContext();
  const [name, value] = splitCookie(sessionCookie);
  // by host and path, Secure: Chromium refuses a __Host- cookie added with an http:// url
  await context.addCookies([{ name, value, domain: new URL(origin).hostname, path: "/", httpOnly: true, sameSite: "Lax", secure: true }]);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  type Seen = { url: string; type: string; encoding: string; decoded: number; encoded: number };
  const seen = new Map<string, Seen>();
  cdp.on("Network.responseReceived", (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    seen.set(event.requestId, {
      url: event.response.url,
      type: event.type ?? "Other",
      encoding: headers["content-encoding"] ?? "",
      decoded: 0,
      encoded: 0,
    });
  });
  cdp.on("Network.dataReceived", (event) => {
    const entry = seen.get(event.requestId);
    if (entry) entry.decoded += event.dataLength;
  });
  cdp.on("Network.loadingFinished", (event) => {
    const entry = seen.get(event.requestId);
    if (entry) entry.encoded = event.encodedDataLength;
  });

  const response = await tab.goto(origin + page.path, { waitUntil: "networkidle" });
  const html = (await response?.text()) ?? "";
  if (response?.status() !== 200 || !html.includes(page.expect)) {
    await context.close();
    throw new Error(`${page.name}: GET ${page.path} gave HTTP ${response?.status()} without "${page.expect}" (not signed in?)`);
  }
  await context.close();

  const entries = [...seen.values()];
  const scripts = entries.filter((entry) => entry.type === "Script");
  const sum = (list: Seen[], key: "encoded" | "decoded") => list.reduce((total, entry) => total + entry[key], 0);
  return {
    ...page,
    transferred: sum(entries, "encoded"),
    script: sum(scripts, "encoded"),
    scriptDecoded: sum(scripts, "decoded"),
    requests: entries.length,
    uncompressed: entries
      .filter((entry) => ["Document", "Script", "Stylesheet", "Fetch"].includes(entry.type) && !entry.encoding && entry.decoded > 1024)
      .map((entry) => new URL(entry.url).pathname),
  };
}

function splitCookie(pair: string): [string, string] {
  const at = pair.indexOf("=");
  return [pair.slice(0, at), pair.slice(at + 1)];
}
