// Council reports in the browser: an officer finds an overdue member, narrows the report to a committee,
// prints a member's record for the year and downloads the CSV, which holds exactly what the screen shows;
// every report page at 320 px with axe, in Welsh, and whole without JavaScript.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { addCommittee, appointToCommittee } from "~/councils/committees.server";
import { formatDate } from "~/i18n/format";
import { createRequirement } from "~/requirements/requirements.server";
import { db } from "~/utils/db.server";
import { ukToday } from "~/utils/uk-time";
import { createCouncil, createCourse, createUser, requirementInput } from "../factories";
import { expect, expectAccessible, expectWelshPage, test } from "../playwright-utils";

const origin = { ip: "192.0.2.61", userAgent: "Playwright" };
const DAY = 86_400_000;
const daysFromToday = (days: number) => new Date(ukToday().getTime() + days * DAY);

/**
 * A council whose code of conduct training is due within 60 days of first election: Olwen was elected 90
 * days ago and has not done it (overdue); Ceri completed it; Dewi, elected 10 days ago, has time (due).
 * Olwen and Dewi sit on the planning committee.
 */
async function reportCouncil(suffix: string, language: "en" | "cy" = "en") {
  const council = await createCouncil({ name: `Brynmawr ${suffix} County Borough Council` });
  const officer = await createUser({ role: "officer", councilId: council.id, name: "Gwen Officer" });
  const member = (name: string, electedDaysAgo: number) => createUser({ councilId: council.id, name: `${name} ${suffix}`, membership: { memberSince: daysFromToday(-electedDaysAgo) } });
  const olwen = await member("Olwen Overdue", 90);
  const ceri = await member("Ceri Complete", 120);
  const dewi = await member("Dewi Due", 10);
  const planning = await addCommittee({ councilId: council.id, name: "Planning committee", actorId: officer.id }, origin);
  if (planning.status !== "added") throw new Error("no committee");
  for (const seat of [olwen, dewi]) {
    await appointToCommittee({ councilId: council.id, membershipId: seat.membershipId!, actorId: officer.id, seat: { committeeId: planning.committeeId, role: "member", appointedOn: daysFromToday(-5) } }, origin);
  }
  const requirement = await createRequirement({ councilId: council.id, actorId: officer.id, input: requirementInput({ validForMonths: 24 }) }, origin);
  if (requirement.status !== "created") throw new Error("no requirement");
  await db.moduleCompletion.create({
    data: { userId: ceri.id, moduleId: "standards-in-public-office", moduleVersion: 1, moduleTitle: "Standards in public office", holderName: ceri.name, scorePercent: 88, completedAt: daysFromToday(-30), certificateCode: `CERT-${suffix}` },
  });
  await db.user.updateMany({ where: { id: { in: [officer.id, olwen.id, ceri.id, dewi.id] } }, data: { language } });
  return { council, officer, olwen, ceri, dewi, committeeId: planning.committeeId, requirementId: requirement.requirementId };
}

test("an officer finds an overdue member, narrows to a committee, prints a member's record and downloads the CSV the screen shows", async ({ page, loginAs }) => {
  test.slow();
  const { officer, olwen, ceri, dewi } = await reportCouncil(`${Date.now()}`);
  await loginAs(officer);
  await page.goto("/council");
  await page.getByRole("navigation", { name: "Your council" }).getByRole("link", { name: "Training report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Training report");
  const table = page.getByRole("table", { name: "Members and their training" });
  await expect(table.getByRole("row")).toHaveCount(1 + 3 + 1);

  // who is overdue?
  await page.getByLabel("Standing").selectOption({ label: "Overdue" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("status")).toContainText("1 of 3 members shown.");
  await expect(table.getByRole("row", { name: new RegExp(olwen.name) })).toContainText(`Overdue since ${formatDate(daysFromToday(-30), "en")}`);
  await expect(table).not.toContainText(ceri.name);

  // the planning committee only
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page.getByRole("status")).toContainText("3 of 3 members shown.");
  await expect(page.getByLabel("Standing")).toHaveValue("");
  await page.getByLabel("Committee", { exact: true }).selectOption({ label: "Planning committee" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("status")).toContainText("2 of 3 members shown.");
  await expect(table.getByRole("rowheader")).toHaveText([dewi.name, olwen.name, "Totals"]);
  await expect(page.getByRole("figure", { name: "Where members stand on each requirement" })).toBeVisible();

  // the CSV: the same rows, the same standings and dates, the committee filter kept
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these rows as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^training-report-\d{4}-\d{4}\.csv$/);
  const [header, ...rows] = parse(await readFile((await download.path())!), { bom: true }) as string[][];
  const screen = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th")!.textContent!, ...[...tr.querySelectorAll("td")].map((td) => td.textContent!)]));
  expect(rows.map((row) => row[0])).toEqual(screen.map((row) => row[0]));
  const standing = header.indexOf("Standards in public office: standing");
  const date = header.indexOf("Standards in public office: date");
  rows.forEach((row, index) => {
    const cell = screen[index]![1]!;
    expect(cell.startsWith(row[standing] === "Overdue" ? "Overdue since" : "Due by"), `${row[0]}: ${row[standing]} / ${cell}`).toBe(true);
    expect(cell).toContain(formatDate(new Date(`${row[date]}T00:00:00Z`), "en"));
  });
  expect(await db.auditEvent.count({ where: { actorId: officer.id, type: "report-exported" } })).toBe(1);
  expect(await db.auditEvent.count({ where: { actorId: officer.id, type: "report-viewed" } })).toBeGreaterThanOrEqual(3);

  // Olwen's record for the year, for the committee papers
  await table.getByRole("link", { name: olwen.name }).click();
  await page.getByRole("link", { name: "Their training record for the year, to print" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Training record`);
  await expect(page.getByRole("row", { name: /Standards in public office/ })).toContainText("Overdue since");
  await expect(page.getByRole("button", { name: "Print this record" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print this record" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Your council" })).toHaveCount(0);
  await page.emulateMedia({ media: "screen" });

  // numbered, not named, for a paper that will be published
  await page.goto("/council/report");
  await page.getByLabel("Number members instead of naming them (for committee papers)").check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(table.getByRole("rowheader")).toHaveText(["Member 1", "Member 2", "Member 3", "Totals"]);
  await expect(table).not.toContainText(olwen.name);
});

/** Every report page, for the 320 px, Welsh and no-JavaScript checks. */
function reportPages({ olwen, committeeId, requirementId }: Awaited<ReturnType<typeof reportCouncil>>) {
  return [
    "/council/report",
    "/council/report?view=modules",
    `/council/report?committeeId=${committeeId}&requirementId=${requirementId}&state=overdue`,
    "/council/committees/readiness",
    `/council/members/${olwen.membershipId}/record`,
  ];
}

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test("every report page fits a phone (tables scroll in their own box) and passes axe", async ({ page, loginAs }) => {
    test.slow();
    const council = await reportCouncil(`narrow-${Date.now()}`);
    await loginAs(council.officer);
    for (const path of reportPages(council)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(scrolls, `${path} scrolls sideways at 320 px`).toBe(false);
      await expectAccessible(page);
    }
  });
});

test("every report page is in Welsh for an officer who chose Welsh", async ({ page, loginAs }) => {
  test.slow();
  const council = await reportCouncil(`cy-${Date.now()}`, "cy");
  await loginAs(council.officer);
  for (const path of reportPages(council)) {
    await page.goto(path);
    await expectWelshPage(page);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every report page is whole from the server, its filters work and the charts' numbers open", async ({ page, loginAs }) => {
    const council = await reportCouncil(`nojs-${Date.now()}`);
    await loginAs(council.officer);
    for (const path of reportPages(council)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
    }
    await page.goto("/council/report");
    await expect(page.getByText("Use your browser's print command to print this report.")).toBeVisible();
    await page.getByLabel("Name contains").fill("Olwen");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByRole("status")).toContainText("1 of 3 members shown.");
    await page.getByText("The numbers").first().click();
    await expect(page.getByRole("figure", { name: "Where members stand on each requirement" }).getByRole("table")).toContainText("Standards in public office");
  });
});

test.describe("the national picture", () => {
  test("staff read take-up, completions, courses and their feedback, with small counts withheld and no councillor named", async ({ page, login }) => {
    test.slow();
    const council = await reportCouncil(`national-${Date.now()}`);
    // a course today that five officers attended, and all five said how useful it was: 4, 4, 4, 4 and 5
    const course = await createCourse({ title: `Chairing with confidence ${Date.now()}`, startsAt: new Date(ukToday().getTime() + 10 * 3_600_000) });
    for (const [index, usefulness] of [4, 4, 4, 4, 5].entries()) {
      const delegate = await createUser({ role: "officer", councilId: council.council.id });
      await db.booking.create({ data: { courseId: course.id, userId: delegate.id, status: "confirmed", attendance: "attended", queueNumber: index + 1, requestedAt: new Date() } });
      await db.courseFeedback.create({ data: { courseId: course.id, userId: delegate.id, usefulness, comments: `Said only by delegate ${index}` } });
    }
    await login({ role: "staff" });
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "National picture" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("National picture");
    await expect(page.getByRole("table", { name: "By nation" })).toContainText("England");
    await expect(page.getByRole("table", { name: "By kind of council" })).toBeVisible();
    await expect(page.getByText("fewer than 5").first()).toBeVisible();
    const courses = page.getByRole("table", { name: "Each course this year: places, bookings, waiting lists, attendance and feedback" });
    await expect(courses.getByRole("columnheader", { name: "Average usefulness" })).toBeVisible();
    const row = courses.getByRole("row").filter({ hasText: course.title });
    await expect(row.getByRole("cell").nth(-2)).toHaveText("5");
    await expect(row.getByRole("cell").last()).toHaveText("4.2");
    await expect(page.getByRole("heading", { level: 2, name: "Feedback after courses" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Said only by delegate");
    await expect(page.locator("main")).not.toContainText(council.olwen.name);
    await expectAccessible(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the figures for each council as CSV" }).click();
    const [header, ...rows] = parse(await readFile((await (await downloading).path())!), { bom: true }) as string[][];
    expect(header[0]).toBe("Council");
    expect(rows.find((row) => row[0] === council.council.name)?.slice(4, 6)).toEqual(["<5", "<5"]);
    expect(rows.map((row) => row[0])).toEqual([...rows.map((row) => row[0])].sort((a, b) => a!.localeCompare(b!)));
  });

  test.describe("at 320 px without JavaScript", () => {
    test.use({ viewport: { width: 320, height: 800 }, javaScriptEnabled: false });
    test("the page is whole and fits, its year choice works", async ({ page, login }) => {
      await login({ role: "staff" });
      await page.goto("/staff/reports");
      const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(scrolls).toBe(false);
      const lastYear = await page.getByLabel("Municipal year", { exact: true }).locator("option").nth(1).getAttribute("value");
      await page.getByLabel("Municipal year", { exact: true }).selectOption(lastYear!);
      await page.getByRole("button", { name: "Show" }).click();
      await expect(page).toHaveURL(new RegExp(`year=${lastYear}`));
    });
  });

  test("in Welsh", async ({ page, login }) => {
    const staff = await login({ role: "staff" });
    await db.user.update({ where: { id: staff.id }, data: { language: "cy" } });
    await page.goto("/staff/reports");
    await expectWelshPage(page);
  });
});
