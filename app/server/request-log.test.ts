import { expect, test } from "vitest";
import { loggedUrl } from "./request-log";

test("the request log never shows a calendar feed's secret, and shows other addresses as they are", () => {
  const secret = "q2Vx3l0h1cN6Zb9kYt7Wm4Rj8Pf5Ds2Aa1Bb3Cc4Dd";
  expect(loggedUrl(`/calendar/${secret}.ics`)).toBe("/calendar/[secret]");
  expect(loggedUrl(`/calendar/${secret}.ics?lng=cy`)).toBe("/calendar/[secret]?lng=cy");
  // routes match whatever the letters' case
  expect(loggedUrl(`/Calendar/${secret}.ics`)).toBe("/Calendar/[secret]");
  expect(loggedUrl("/account/calendar")).toBe("/account/calendar");
  expect(loggedUrl("/courses/abc/calendar.ics")).toBe("/courses/abc/calendar.ics");
});

test("nor the token of a link sent by email", () => {
  expect(loggedUrl("/reset-password/abcDEF123_-x?lng=cy")).toBe("/reset-password/[secret]?lng=cy");
  for (const path of ["invitation", "change-email", "confirm-email"]) expect(loggedUrl(`/${path}/tok3n`)).toBe(`/${path}/[secret]`);
  expect(loggedUrl("/confirm-email")).toBe("/confirm-email");
});
