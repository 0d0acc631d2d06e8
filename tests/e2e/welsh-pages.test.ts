// Every page in Welsh, for each kind of visitor: no English catalogue words left, axe and the HTML checker
// (expectWelshPage). A page added later belongs in this list; the journeys are in welsh-journeys.test.ts.
import { createCouncil, createUser } from "../factories";
import { issueToken } from "~/models/user-token.server";
import { db } from "~/utils/db.server";
import { expect, expectWelshPage, test } from "../playwright-utils";

test.use({ locale: "cy-GB" });

const INDUCTION = "/modules/councillor-induction";

test("signed out, every page is Welsh", async ({ page }) => {
  test.slow();
  for (const path of ["/", "/login", "/signup", "/forgot-password", "/confirm-email", "/privacy", "/accessibility", "/verify", "/no-such-page"]) {
    await page.goto(path);
    await expectWelshPage(page);
  }
  // A refused form: the messages are Welsh too.
  await page.goto("/forgot-password");
  await page.getByRole("main").getByRole("button").click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expectWelshPage(page);
});

test("a councillor's pages are Welsh", async ({ page, login }) => {
  test.slow(); // ten pages, each through axe and the HTML checker
  await login({ role: "councillor" });
  const firstLesson = "/lessons/your-role";
  for (const path of ["/", "/modules", INDUCTION, `${INDUCTION}${firstLesson}`, `${INDUCTION}/check`, "/account", "/account/profile", "/account/councils", "/account/password", `${INDUCTION}/certificate`]) {
    await page.goto(path);
    await expectWelshPage(page);
  }
  // A module written in English only: its Welsh title and summary; its own text is marked as English.
  await page.goto("/modules/prevent-duty");
  await expect(page.locator(".prose").first()).toHaveAttribute("lang", "en-GB");
  await expectWelshPage(page);
});

test("an officer's pages are Welsh", async ({ page, login }) => {
  test.slow();
  const council = await createCouncil({ nation: "wales", region: "Wales", type: "welsh-principal" });
  const member = await createUser({ councilId: council.id, membership: { kind: "lay" } });
  await createUser({ councilId: council.id, membership: { confirmed: false } });
  await createUser({ councilId: council.id, membership: { leftOfficeOn: new Date("2026-05-08") } });
  await login({ role: "officer", councilId: council.id });
  await db.committee.create({ data: { councilId: council.id, name: "Pwyllgor Llywodraethu ac Archwilio" } });
  const other = await createUser({ councilId: council.id });
  const emailChange = await issueToken({ userId: member.id, purpose: "change-email", newEmail: "cyng.newydd@example.org" });
  const merge = `/council/members/${member.membershipId}/merge?with=${other.membershipId}`;
  for (const path of ["/", "/council", `/council/members/${member.membershipId}`, "/council/left", "/council/committees", "/council/upload", merge, `/change-email/${emailChange}`, "/account"]) {
    await page.goto(path);
    await expectWelshPage(page);
  }
  // A list with problems: every problem in Welsh, the column names too.
  await page.goto("/council/upload");
  await page.getByRole("textbox").fill("enw,e-bost,math,etholwyd gyntaf\nGwen Huws,nid-cyfeiriad,maer,31/02/2022");
  await page.getByRole("button", { name: "Gwirio’r rhestr" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await expect(page.locator("tbody")).toContainText("etholwyd gyntaf");
  await expectWelshPage(page);
});

test("staff pages are Welsh", async ({ page, login }) => {
  test.slow();
  const council = await createCouncil();
  const someone = await createUser({ councilId: council.id });
  await login({ role: "staff" });
  for (const path of ["/", "/staff/users", "/staff/users/new", `/staff/users/${someone.id}`, "/staff/outbox", "/staff/audit"]) {
    await page.goto(path);
    await expectWelshPage(page);
  }
});
