// Councillors finding, booking and waiting for places on scheduled courses; offers of freed places;
// officers seeing their own members' bookings. Calendar files are read back with ical.js at each step.
import { expireOffers } from "~/courses/booking.server";
import { bookPlace, cancelBooking } from "~/courses/booking.server";
import { db } from "~/utils/db.server";
import { invitesTo } from "../calendar";
import { createCouncil, createCourse, createUser } from "../factories";
import { expect, expectAccessible, expectWelshPage, linkFromLatestEmail, test } from "../playwright-utils";

const origin = { ip: "192.0.2.50", userAgent: "Playwright" };

test("a councillor books the last place; another waits, is offered it when the first cancels, and accepts", async ({ page, login, loginAs }) => {
  test.slow();
  const council = await createCouncil();
  const course = await createCourse({ capacity: 1, title: `Prevent in practice, Leeds ${Date.now()}` });
  const ann = await login({ councilId: council.id, name: "Ann Booker" });

  await page.goto("/courses");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: course.title }) });
  await expect(card).toContainText("1 place left");
  await expectAccessible(page);
  await card.getByRole("link", { name: course.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(course.title);
  await page.getByLabel("Access needs (optional)").fill("A hearing loop, please");
  await page.getByRole("button", { name: "Book a place" }).click();
  await expect(page.getByRole("status")).toHaveText("Your place is booked. We have emailed you a calendar invitation.");
  const yours = page.getByRole("region", { name: "Your booking" });
  await expect(yours).toContainText("You have a place on this course.");
  await expect(yours).toContainText("A hearing loop, please");
  await expectAccessible(page);
  const [booked] = await invitesTo(ann.email);
  expect(booked).toMatchObject({ method: "REQUEST", headerMethod: "REQUEST", sequence: 0, summary: course.title });

  // The .ics on the page is the same event as the invite.
  const download = await page.request.get(`/courses/${course.id}/calendar.ics`);
  expect(download.headers()["content-type"]).toContain("text/calendar");
  expect(await download.text()).toContain(`UID:${booked.uid}`);

  const bob = await login({ councilId: council.id, name: "Bob Waiter" });
  await page.goto(`/courses/${course.id}`);
  await expect(page.getByText("Full: waiting list open")).toBeVisible();
  await page.getByRole("button", { name: "Join the waiting list" }).click();
  await expect(page.getByRole("status")).toContainText("you are number 1 on the waiting list");
  await expect(yours).toContainText("You are number 1 on the waiting list.");

  // Ann cancels before the cut-off: her calendar gets a cancellation of the same event.
  await loginAs(ann);
  await page.goto(`/courses/${course.id}`);
  await page.getByRole("button", { name: "Cancel my place" }).click();
  await expect(page.getByRole("status")).toHaveText("Your place is cancelled. We have emailed you a calendar cancellation.");
  const cancelled = (await invitesTo(ann.email)).at(-1)!;
  expect(cancelled).toMatchObject({ method: "CANCEL", headerMethod: "CANCEL", uid: booked.uid, sequence: 1, status: "CANCELLED" });

  // Bob's offer: the email's link opens a page; only its button accepts.
  const acceptLink = await linkFromLatestEmail(bob.email, "/bookings/");
  expect(acceptLink).toMatch(/\/accept$/);
  await loginAs(bob);
  await page.goto(acceptLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accept the place");
  await expect(page.getByText(course.title)).toBeVisible();
  expect((await db.booking.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: bob.id } } })).status).toBe("offered");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Accept the place" }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${course.id}$`));
  await expect(page.getByRole("status")).toHaveText("You have accepted the place. We have emailed you a calendar invitation.");
  await expect(yours).toContainText("You have a place on this course.");
  const [bobInvite] = await invitesTo(bob.email);
  expect(bobInvite).toMatchObject({ method: "REQUEST", sequence: 0 });
  expect(bobInvite.uid).not.toBe(booked.uid);
});

test("an offer not accepted in time passes to the next person; the link then offers nothing", async ({ page, loginAs }) => {
  test.slow();
  const council = await createCouncil();
  const course = await createCourse({ capacity: 1, title: `Cohesion day ${Date.now()}` });
  const [ann, bob, cat] = await Promise.all(["Ann", "Bob", "Cat"].map((name) => createUser({ councilId: council.id, name: `${name} Expiry` })));
  const first = await bookPlace({ courseId: course.id, userId: ann.id }, origin);
  await bookPlace({ courseId: course.id, userId: bob.id }, origin);
  await bookPlace({ courseId: course.id, userId: cat.id }, origin);
  if (first.status !== "confirmed") throw new Error("Ann has no place");
  await cancelBooking({ bookingId: first.bookingId, userId: ann.id }, origin);
  const bobLink = await linkFromLatestEmail(bob.email, "/bookings/");

  // Bob's offer time passes: before the job runs, the page already says there is no offer to accept.
  await db.booking.updateMany({ where: { courseId: course.id, userId: bob.id }, data: { offerExpiresAt: new Date(Date.now() - 1000) } });
  await loginAs(bob);
  await page.goto(bobLink);
  await expect(page.getByText("There is no open offer of a place for you on this course.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept the place" })).toHaveCount(0);

  await expireOffers();
  const bobMail = await db.emailMessage.findFirstOrThrow({ where: { to: bob.email }, orderBy: { createdAt: "desc" } });
  expect(bobMail.subject).toBe(`Your offer of a place on ${course.title} has ended`);
  await page.goto(`/courses/${course.id}`);
  await expect(page.getByRole("button", { name: "Join the waiting list" })).toBeVisible();

  await loginAs(cat);
  await page.goto(await linkFromLatestEmail(cat.email, "/bookings/"));
  await page.getByRole("button", { name: "Accept the place" }).click();
  await expect(page.getByRole("status")).toHaveText("You have accepted the place. We have emailed you a calendar invitation.");
  expect(await invitesTo(cat.email)).toMatchObject([{ method: "REQUEST", sequence: 0 }]);
});

test.describe("without JavaScript, on a 320 px screen", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

  test("a councillor books a place, and a course they may not book says why", async ({ page, login }) => {
    const council = await createCouncil();
    await login({ councilId: council.id, name: "Nia Nojs" });
    const course = await createCourse({ title: `Standards day ${Date.now()}`, format: "online", venue: null, address: null, joiningLink: "https://meet.example.org/standards" });
    const forWales = await createCourse({ title: `Welsh councils only ${Date.now()}`, nation: "wales" });

    await page.goto(`/courses/${forWales.id}`);
    await expect(page.getByText("This course is only for members and officers of councils in one nation: Councils in Wales only.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Book a place" })).toHaveCount(0);

    await page.goto("/courses?format=online");
    await page.getByRole("link", { name: course.title }).click();
    await expect(page.getByText("The joining link is shown here once you have a place.")).toBeVisible();
    await page.getByRole("button", { name: "Book a place" }).click();
    await expect(page.getByRole("status")).toHaveText("Your place is booked. We have emailed you a calendar invitation.");
    await expect(page.getByRole("link", { name: "https://meet.example.org/standards" })).toBeVisible();
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(scrolls, "the page scrolls sideways at 320 px").toBe(false);
  });
});

test("an officer sees their own council's members' bookings, and no other council's", async ({ page, login }) => {
  const council = await createCouncil();
  const other = await createCouncil();
  const course = await createCourse({ title: `Induction evening ${Date.now()}` });
  const own = await createUser({ councilId: council.id, name: "Olwen Ownmember" });
  const foreign = await createUser({ councilId: other.id, name: "Fred Foreignmember" });
  await bookPlace({ courseId: course.id, userId: own.id }, origin);
  await bookPlace({ courseId: course.id, userId: foreign.id }, origin);
  await login({ role: "officer", councilId: council.id });
  await page.goto("/council/bookings");
  const rows = page.getByRole("table", { name: "Bookings by your council's members" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Olwen Ownmember");
  await expect(rows.first()).toContainText("Place confirmed");
  await expect(page.locator("main")).not.toContainText("Fred Foreignmember");
  await expectAccessible(page);
});

test("in Welsh: the course pages, the offer page and the emails with their invites", async ({ page, login }) => {
  test.slow();
  const council = await createCouncil({ nation: "wales", name: `Cyngor Prawf ${Date.now()}` });
  const course = await createCourse({ capacity: 1, title: `Diwrnod safonau ${Date.now()}` });
  const first = await createUser({ councilId: council.id });
  const booked = await bookPlace({ courseId: course.id, userId: first.id }, origin);
  if (booked.status !== "confirmed") throw new Error("no place");
  const gwen = await login({ councilId: council.id, name: "Gwen Gymraeg" });
  await db.user.update({ where: { id: gwen.id }, data: { language: "cy" } });

  // (The demo programme's bilingual course has English in its title: this topic has none.)
  await page.goto("/courses?topic=counter-extremism");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cyrsiau");
  await expectWelshPage(page);
  await page.goto(`/courses/${course.id}`);
  await expectWelshPage(page);
  await page.getByRole("button", { name: "Ymuno â'r rhestr aros" }).click();
  await expectWelshPage(page);
  const waiting = await db.emailMessage.findFirstOrThrow({ where: { to: gwen.email }, orderBy: { createdAt: "desc" } });
  expect(waiting.language).toBe("cy");

  await cancelBooking({ bookingId: booked.bookingId, userId: first.id }, origin);
  await page.goto(await linkFromLatestEmail(gwen.email, "/bookings/"));
  await expectWelshPage(page);
  await page.getByRole("button", { name: "Derbyn y lle" }).click();
  await expectWelshPage(page);
  const confirmed = await db.emailMessage.findFirstOrThrow({ where: { to: gwen.email }, orderBy: { createdAt: "desc" } });
  expect(confirmed.language).toBe("cy");
  expect(await invitesTo(gwen.email)).toMatchObject([{ method: "REQUEST", sequence: 0 }]);
});
