// The account pages' actions, called as Remix calls them: the language chosen on the profile page is saved
// with the rest of the profile and is the language of the pages (and emails) from then on.
import { expect, test } from "vitest";
import { createCouncil } from "../../tests/factories";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { db } from "~/utils/db.server";
import { getFlash } from "~/utils/flash.server";
import * as profilePage from "./account.profile";

type Context = Awaited<ReturnType<typeof contextFor>>;

async function saveProfile(context: Context, form: Record<string, string>) {
  return outcomeOf(() => profilePage.action(argsFor("/account/profile", context, { method: "POST", form })));
}

/** The form as the page fills it in for this person, with `changes` made. */
async function profileForm(context: Context, changes: Record<string, string>) {
  const user = await db.user.findUniqueOrThrow({ where: { id: context.user!.id } });
  return { name: user.name, email: user.email, ...changes };
}

/** The message the next page shows, from the flash cookie a response sets. */
async function flashOf(response: Response) {
  const cookie = response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  return (await getFlash(new Request("http://localhost/account", { headers: { Cookie: cookie } }))).message;
}

test("a councillor who saves their details with Cymraeg chosen has Welsh saved as their language, and is told so in Welsh", async () => {
  const context = await contextFor("councillor");
  const saved = (await saveProfile(context, await profileForm(context, { language: "cy" }))) as Response;

  expect(saved.status).toBe(302);
  expect(saved.headers.get("Location")).toBe("/account");
  expect((await db.user.findUniqueOrThrow({ where: { id: context.user!.id } })).language).toBe("cy");
  expect(await flashOf(saved)).toBe("Mae eich manylion wedi'u cadw.");
  // signed out later, this browser still shows Welsh
  expect(saved.headers.getSetCookie().some((header) => header.startsWith("lng="))).toBe(true);
});

test("an officer can choose English again, and the page offers the language saved", async () => {
  const council = await createCouncil();
  const context = await contextFor("officer", council.id);
  await db.user.update({ where: { id: context.user!.id }, data: { language: "cy" } });
  expect((await profilePage.loader(argsFor("/account/profile", context))).profile.language).toBe("cy");

  const user = await db.user.findUniqueOrThrow({ where: { id: context.user!.id } });
  const saved = (await saveProfile(context, { name: user.name, email: user.email, language: "en" })) as Response;
  expect(saved.status).toBe(302);
  expect((await db.user.findUniqueOrThrow({ where: { id: context.user!.id } })).language).toBe("en");
  expect(await flashOf(saved)).toBe("Your details have been saved.");
});

test("a refused form saves no language, and shows the choice made again", async () => {
  const context = await contextFor("councillor");
  const refused = await saveProfile(context, await profileForm(context, { email: "not an address", language: "cy" }));

  expect(refused).toMatchObject({
    init: { status: 400 },
    data: { values: { language: "cy" }, fieldErrors: { email: "Enter an email address in the correct format, like name@council.gov.uk" } },
  });
  expect((await db.user.findUniqueOrThrow({ where: { id: context.user!.id } })).language).toBeNull();
});
