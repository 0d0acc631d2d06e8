// The calendar feed's page and address, called as Remix calls them: the new address is shown once, in the
// answer to the POST (never in a cookie), and the address answers a calendar app with no session.
import { expect, test } from "vitest";
import { argsFor, contextFor, outcomeOf } from "../../tests/route-helpers";
import { db } from "~/utils/db.server";
import * as page from "./account.calendar";
import * as feed from "./calendar.$secret[.]ics";

type Context = Awaited<ReturnType<typeof contextFor>>;

const post = (context: Context, intent: string) =>
  outcomeOf(() => page.action(argsFor("/account/calendar", context, { method: "POST", form: { intent } })));
const fetchFeed = async (address: string) => {
  const path = new URL(address).pathname;
  const secret = /^\/calendar\/(.+)\.ics$/.exec(path)![1];
  return (await feed.loader(argsFor(path, await contextFor(null), { params: { secret } }))) as Response;
};

test("making an address shows it once on the page, with a webcal link, and a calendar app without a session can read it", async () => {
  const context = await contextFor("councillor");
  expect(await page.loader(argsFor("/account/calendar", context))).toEqual({ hasFeed: false });

  const created = (await post(context, "create")) as { address: string; webcal: string };
  expect(created.address).toMatch(/^https?:\/\/[^/]+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(created.webcal).toBe(created.address.replace(/^https?:/, "webcal:"));
  expect(await page.loader(argsFor("/account/calendar", context))).toEqual({ hasFeed: true });

  const response = await fetchFeed(created.address);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
  expect(await response.text()).toMatch(/^BEGIN:VCALENDAR/);
});

test("turning the feed off redirects with a message and the address answers 404; an unreadable form changes nothing", async () => {
  const context = await contextFor("officer");
  const { address } = (await post(context, "create")) as { address: string };

  expect(await post(context, "delete-everything")).toMatchObject({ init: { status: 400 }, data: { formError: expect.any(String) } });
  expect((await fetchFeed(address)).status).toBe(200);

  const revoked = (await post(context, "revoke")) as Response;
  expect(revoked.status).toBe(302);
  expect(revoked.headers.get("Location")).toBe("/account/calendar");
  const gone = await fetchFeed(address);
  expect(gone.status).toBe(404);
  expect(gone.headers.get("Cache-Control")).toBe("private, no-store");
  expect((await db.user.findUniqueOrThrow({ where: { id: context.user!.id } })).calendarFeedHash).toBeNull();
});
