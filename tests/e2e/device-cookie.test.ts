// One person guessing passwords on a shared council network must not lock everyone else out: a browser
// that has signed in to an account before is let through for that account (a device cookie), while a new
// browser on the same network is still held back.
import { randomInt } from "node:crypto";
import type { Browser } from "@playwright/test";
import { db } from "~/utils/db.server";
import { IP_FAILURE_LIMIT } from "~/models/throttle.server";
import { createUser, TEST_PASSWORD } from "../factories";
import { expect, signInThroughForm, signOut, test } from "../playwright-utils";
import { errorSummary, expectSignedIn } from "./account-steps";

const THROTTLED = "There have been too many attempts to sign in from your network. Wait 15 minutes and try again.";
const LOCKED = "There have been too many attempts to sign in to this account. Wait 15 minutes and try again, or reset your password.";

/** A browser on a network of its own (the server trusts one proxy, so X-Forwarded-For is the client's address). */
async function browserOn(browser: Browser, baseURL: string, network: string) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": network } });
  return { context, page: await context.newPage() };
}


test("on a network locked out by guessing, a councillor who signed in from this browser before still gets in; a new browser does not", async ({ browser, baseURL }) => {
  test.slow(); // three browsers
  const network = `203.0.${randomInt(0, 255)}.${randomInt(1, 255)}`;
  const councillor = await createUser({ role: "councillor", name: "Carys Regular" });
  const colleague = await createUser({ role: "councillor", name: "Dafydd Colleague" });

  const usual = await browserOn(browser, baseURL!, network);
  await signInThroughForm(usual.page, councillor.email);
  await expectSignedIn(usual.page, councillor.name);
  await signOut(usual.page);

  // Someone on the same network guesses until the network is throttled.
  await db.signInFailure.createMany({
    data: Array.from({ length: IP_FAILURE_LIMIT }, (_, i) => ({ ip: network, email: `guess-${i}@example.org` })),
  });

  const fresh = await browserOn(browser, baseURL!, network);
  await signInThroughForm(fresh.page, councillor.email);
  await expect(errorSummary(fresh.page)).toContainText(THROTTLED);

  await signInThroughForm(usual.page, councillor.email);
  await expectSignedIn(usual.page, councillor.name);
  await signOut(usual.page);

  // The device cookie is for that account only: a colleague on the same browser is held back like a stranger.
  await signInThroughForm(usual.page, colleague.email);
  await expect(errorSummary(usual.page)).toContainText(THROTTLED);

  await usual.context.close();
  await fresh.context.close();
});

test("an account locked by someone else's guesses still opens from its owner's own browser, not from a new one", async ({ browser, baseURL }) => {
  test.slow();
  const owner = await createUser({ role: "councillor", name: "Olwen Owner" });
  const home = await browserOn(browser, baseURL!, `203.0.113.${randomInt(1, 255)}`);
  await signInThroughForm(home.page, owner.email);
  await expectSignedIn(home.page, owner.name);
  await signOut(home.page);

  const guesser = await browserOn(browser, baseURL!, `192.0.2.${randomInt(1, 255)}`);
  for (let attempt = 1; attempt <= 10; attempt++) await signInThroughForm(guesser.page, owner.email, `wrong-password-${attempt}`);
  await expect(errorSummary(guesser.page)).toContainText(LOCKED);
  await signInThroughForm(guesser.page, owner.email, TEST_PASSWORD);
  await expect(errorSummary(guesser.page)).toContainText(LOCKED);

  await signInThroughForm(home.page, owner.email, TEST_PASSWORD);
  await expectSignedIn(home.page, owner.name);

  await home.context.close();
  await guesser.context.close();
});
