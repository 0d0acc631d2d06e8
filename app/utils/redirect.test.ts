import { expect, test } from "vitest";
import { safeRedirect } from "./redirect";

test("after sign-in, only paths on this site are followed", () => {
  expect(safeRedirect("/account/profile?tab=1")).toBe("/account/profile?tab=1");
  for (const hostile of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "evil", "/\nfoo", ""]) {
    expect(safeRedirect(hostile)).toBe("/");
  }
  expect(safeRedirect(null, "/home")).toBe("/home");
});
