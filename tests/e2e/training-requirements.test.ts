// Council training requirements in the browser: an officer requires code of conduct training of new members and
// yearly planning training of the planning committee; a new member sees both with their dates; an external
// briefing recorded by the officer lets the member sit; an exemption; bad input; every new page at 320 px
// with axe, in Welsh, and the forms without JavaScript.
import type { Page } from "@playwright/test";
import { addCommittee, appointToCommittee } from "~/councils/committees.server";
import { formatDate } from "~/i18n/format";
import { createRequirement } from "~/requirements/requirements.server";
import { addMonths } from "~/requirements/rules";
import { db } from "~/utils/db.server";
import { ukToday } from "~/utils/uk-time";
import { createCouncil, createUser, requirementInput } from "../factories";
import { expect, expectAccessible, expectWelshPage, test } from "../playwright-utils";

const origin = { ip: "192.0.2.60", userAgent: "Playwright" };
const DAY = 86_400_000;
const daysFromToday = (days: number) => new Date(ukToday().getTime() + days * DAY);
const PDF = Buffer.from("%PDF-1.7\n% Certificate of attendance\n%%EOF\n");

/** A council with an officer, a planning committee, and two new members sitting on it. */
async function councilWithPlanning(suffix: string) {
  const council = await createCouncil({ name: `Ashdown ${suffix} District Council` });
  const officer = await createUser({ role: "officer", councilId: council.id, name: "Fiona Officer" });
  const planning = await addCommittee({ councilId: council.id, name: "Planning committee", actorId: officer.id }, origin);
  if (planning.status !== "added") throw new Error("no committee");
  const members = [];
  for (const name of [`Nia New ${suffix}`, `Owen Other ${suffix}`]) {
    const member = await createUser({ councilId: council.id, name, membership: { memberSince: daysFromToday(-10), termStartedOn: daysFromToday(-10) } });
    await appointToCommittee({ councilId: council.id, membershipId: member.membershipId!, actorId: officer.id, seat: { committeeId: planning.committeeId, role: "member", appointedOn: daysFromToday(-5) } }, origin);
    members.push(member);
  }
  return { council, officer, committeeId: planning.committeeId, members };
}

async function addRequirement(page: Page, choose: () => Promise<void>) {
  await page.goto("/council/requirements");
  await page.getByRole("link", { name: "Add a requirement" }).click();
  await choose();
  await page.getByRole("button", { name: "Add the requirement" }).click();
}

test("an officer requires code of conduct and planning training; a new member sees both; recorded training and an exemption let members sit", async ({ page, loginAs }) => {
  test.slow();
  const { officer, committeeId, members } = await councilWithPlanning(`${Date.now()}`);
  const [nia, owen] = members;
  await loginAs(officer);

  // a due date in the past is refused next to the field, and nothing is written
  await addRequirement(page, async () => {
    await page.getByLabel("An online module").check();
    await page.getByLabel("Module", { exact: true }).selectOption({ label: "Standards in public office" });
    await page.getByLabel("All members").check();
    await page.getByLabel("By a date").check();
    await page.getByLabel("Date", { exact: true }).fill(new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10));
  });
  await expect(page.locator(".error-summary")).toContainText("The due date must be today or later");
  await expect(page.locator("#field-dueOn-error")).toContainText("The due date must be today or later");
  // corrected: within 60 days of first election, every two years
  await page.getByLabel("Within a number of days of first election").check();
  await page.getByLabel("Number of days", { exact: true }).fill("60");
  await page.getByLabel("Training lasts this many months (optional)").fill("24");
  await page.getByRole("button", { name: "Add the requirement" }).click();
  await expect(page.getByRole("status")).toHaveText("Standards in public office is now required.");

  await addRequirement(page, async () => {
    await page.getByLabel("A kind of training, by name").check();
    await page.getByLabel("Name of the training").fill("Planning training");
    await page.getByLabel("Members and substitutes of a committee").check();
    await page.getByLabel("Committee", { exact: true }).selectOption({ label: "Planning committee" });
    await page.getByLabel("Within a number of days of appointment to the committee").check();
    await page.getByLabel("Number of days", { exact: true }).fill("30");
    await page.getByLabel("Training lasts this many months (optional)").fill("12");
    await page.getByLabel(/Members may not sit on the committee until they have met it/).check();
  });
  await expect(page.getByRole("status")).toHaveText("Planning training is now required.");
  await expectAccessible(page);

  // the new member sees both, with their dates
  await loginAs(nia);
  await page.goto("/");
  const asked = page.getByRole("region", { name: "What your council asks of you" });
  await expect(asked).toContainText(`Planning training`);
  await expect(asked).toContainText(`by ${formatDate(daysFromToday(25), "en")}`);
  await expect(asked).toContainText(`Standards in public office`);
  await expect(asked).toContainText(`by ${formatDate(daysFromToday(50), "en")}`);
  await expect(page.getByRole("region", { name: "Modules you are taking" })).toContainText("Standards in public office (your council requires it)");

  // the officer checks who may sit: nobody yet
  await loginAs(officer);
  await page.goto("/council/committees");
  await page.getByRole("link", { name: "Who may sit on Planning committee" }).click();
  await expect(page.getByRole("row", { name: new RegExp(nia.name) })).toContainText("May not sit until trained");
  await expectAccessible(page);

  // an external planning briefing recorded for Nia, with its certificate
  const requirement = await db.requirement.findFirstOrThrow({ where: { committeeId, name: "Planning training" } });
  await page.goto(`/council/requirements/${requirement.id}`);
  await page.getByRole("link", { name: `Record training for ${nia.name}` }).click();
  await page.getByLabel("What the training was").fill("Planning committee briefing");
  await page.getByLabel("Who provided it").fill("Planning Advisory Service");
  await page.getByLabel("Date completed").fill(daysFromToday(-1).toISOString().slice(0, 10));
  await page.getByLabel("Length in hours (optional)").fill("2.5");
  await expect(page.getByLabel("Counts towards (optional)")).toHaveValue(requirement.id);
  // a file that is not a document is refused beside the field, and the typed details stay
  await page.getByLabel("Evidence (optional)").setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
  await page.getByRole("button", { name: "Record the training" }).click();
  await expect(page.locator("#field-evidence-error")).toContainText("The file must be a PDF, Word or OpenDocument document");
  await expect(page.getByLabel("What the training was")).toHaveValue("Planning committee briefing");
  await page.getByLabel("Evidence (optional)").setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Record the training" }).click();
  await expect(page.getByRole("status")).toHaveText(`Planning committee briefing is recorded for ${nia.name}.`);
  const download = await page.request.get((await page.getByRole("link", { name: "certificate.pdf" }).getAttribute("href"))!);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain("attachment");

  // Owen is exempted by the monitoring officer
  await page.goto(`/council/requirements/${requirement.id}`);
  await page.getByRole("link", { name: `Exempt ${owen.name}` }).click();
  await page.getByRole("button", { name: `Exempt ${owen.name}` }).click();
  await expect(page.locator(".error-summary")).toContainText("Enter the reason, for the record");
  await page.getByLabel("Reason").fill("Chartered town planner");
  await page.getByLabel("Approved by").fill("Jane Morgan, Monitoring Officer");
  await page.getByRole("button", { name: `Exempt ${owen.name}` }).click();
  await expect(page.getByRole("status")).toHaveText(`${owen.name} is exempt from Planning training.`);
  await expect(page.getByRole("row", { name: new RegExp(owen.name) })).toContainText("Chartered town planner (approved by Jane Morgan, Monitoring Officer)");

  await page.goto(`/council/committees/${committeeId}`);
  await expect(page.getByRole("row", { name: new RegExp(nia.name) })).toContainText("May sit");
  await expect(page.getByRole("row", { name: new RegExp(owen.name) })).toContainText("May sit");
  expect(await db.auditEvent.count({ where: { userId: { in: [nia.id, owen.id] }, type: { in: ["training-recorded", "exemption-granted", "evidence-viewed"] } } })).toBe(3);

  // and Nia sees the briefing in her own record
  await loginAs(nia);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Training recorded by your council" })).toContainText("Planning committee briefing, Planning Advisory Service");
  await expect(page.getByRole("region", { name: "What your council asks of you" })).toContainText(`due again by ${formatDate(addMonths(daysFromToday(-1), 12), "en")}`);
});

/** A council with a requirement, a recorded training and a review, so that every new page has something on it. */
async function filledCouncil(language: "en" | "cy") {
  const { council, officer, committeeId, members } = await councilWithPlanning(`${language}-${Date.now()}`);
  const requirement = await createRequirement(
    {
      councilId: council.id,
      actorId: officer.id,
      input: requirementInput({ validForMonths: 24 }),
    },
    origin,
  );
  if (requirement.status !== "created") throw new Error("no requirement");
  await db.user.updateMany({ where: { id: { in: [officer.id, ...members.map((m) => m.id)] } }, data: { language } });
  const [member] = members;
  const officerPages = [
    "/council/requirements",
    "/council/requirements/new",
    `/council/requirements/${requirement.requirementId}`,
    `/council/requirements/${requirement.requirementId}/exempt/${member.membershipId}`,
    `/council/committees/${committeeId}`,
    `/council/members/${member.membershipId}`,
    `/council/members/${member.membershipId}/training`,
    "/council/reviews",
    `/council/members/${member.membershipId}/review`,
    "/council/settings",
    "/account/reminders",
  ];
  return { officer, member, officerPages, memberPages: ["/", "/modules/standards-in-public-office", "/account/reminders"] };
}

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test("every new page fits a phone and passes axe", async ({ page, loginAs }) => {
    test.slow();
    const { officer, member, officerPages, memberPages } = await filledCouncil("en");
    for (const [user, paths] of [
      [officer, officerPages],
      [member, memberPages],
    ] as const) {
      await loginAs(user);
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        expect(scrolls, `${path} scrolls sideways at 320 px`).toBe(false);
        await expectAccessible(page);
      }
    }
  });
});

test.describe("without JavaScript, at 320 px", () => {
  test.use({ viewport: { width: 320, height: 800 }, javaScriptEnabled: false });

  test("every new page is whole from the server: its heading, its content, no print button that cannot work", async ({ page, loginAs }) => {
    const { officer, member, officerPages, memberPages } = await filledCouncil("en");
    for (const [user, paths] of [
      [officer, officerPages],
      [member, memberPages],
    ] as const) {
      await loginAs(user);
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
      }
    }
    await loginAs(officer);
    await page.goto(officerPages.find((path) => path.startsWith("/council/committees/"))!);
    await expect(page.getByText("To print this page, use your browser's Print command.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Print this page" })).toHaveCount(0);
  });
});

test("every new page is in Welsh for people who chose Welsh", async ({ page, loginAs }) => {
  test.slow();
  const { officer, member, officerPages, memberPages } = await filledCouncil("cy");
  for (const [user, paths] of [
    [officer, officerPages],
    [member, memberPages],
  ] as const) {
    await loginAs(user);
    for (const path of paths) {
      await page.goto(path);
      await expectWelshPage(page);
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer records a review with needs that become an enrolment, and changes the council's settings; a member turns off a reminder", async ({ page, loginAs }) => {
    test.slow();
    const { officer, member } = await filledCouncil("en");
    await loginAs(officer);
    await page.goto("/council/reviews");
    await page.getByRole("link", { name: `Record the review of ${member.name}` }).click();
    await page.getByRole("button", { name: "Save the review" }).click();
    await expect(page.locator(".error-summary")).toContainText("Enter the date the review was offered");
    await page.getByLabel("Date offered").fill(daysFromToday(-7).toISOString().slice(0, 10));
    await page.getByLabel("Taken up").check();
    await page.getByLabel("Date held (optional)").fill(daysFromToday(-2).toISOString().slice(0, 10));
    await page.getByLabel("Reviewer (optional)").fill("Cllr Jane Morgan");
    await page.getByLabel("Training needs agreed (optional)").fill("Chairing difficult meetings");
    await page.getByLabel("Difficult conversations").check();
    await page.getByRole("button", { name: "Save the review" }).click();
    await expect(page.getByRole("status")).toContainText("The review is saved");
    await expect(page.getByRole("row", { name: new RegExp(member.name) })).toContainText("Taken up");

    await page.goto("/council/settings");
    await page.getByLabel("Days before a due date that the first reminder goes").fill("0");
    await page.getByRole("button", { name: "Save the settings" }).click();
    await expect(page.locator("#field-remindDaysBefore-error")).toContainText("The number of days must be at least 1");
    await page.getByLabel("Days before a due date that the first reminder goes").fill("21");
    await page.getByRole("button", { name: "Save the settings" }).click();
    await expect(page.getByRole("status")).toHaveText("The training settings are saved.");
    await expect(page.getByLabel("Days before a due date that the first reminder goes")).toHaveValue("21");

    await loginAs(member);
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Your development reviews" })).toContainText("Chairing difficult meetings");
    await expect(page.getByRole("region", { name: "Modules you are taking" })).toContainText("your council enrolled you");
    await page.goto("/account/reminders");
    await page.getByLabel("A reminder the day before").uncheck();
    await page.getByRole("button", { name: "Save my choices" }).click();
    await expect(page.getByRole("status")).toHaveText("Your choices are saved.");
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { remindDueSoon: true, remindDueTomorrow: true } })).toEqual({ remindDueSoon: true, remindDueTomorrow: false });
  });
});
