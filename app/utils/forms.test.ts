import { z } from "zod";
import { expect, test } from "vitest";
import { formResult, parseForm } from "./forms";

const form = (entries: Record<string, string>) => {
  const formData = new FormData();
  for (const [key, value] of Object.entries(entries)) formData.append(key, value);
  return formData;
};

const Schema = z
  .object({ email: z.string().email("Enter an email address"), name: z.string().min(1, "Enter your name").max(3, "Too long"), newPassword: z.string() })
  .refine((value) => value.name !== "bad", { message: "That combination is not allowed" });

test("a refused form comes back with what was typed (never a password), one message per field and none for the form", () => {
  const parsed = parseForm(form({ email: "nope", name: "", newPassword: "secret-typed" }), Schema);
  expect(parsed).toEqual({
    ok: false,
    result: { values: { email: "nope", name: "" }, fieldErrors: { email: "Enter an email address", name: "Enter your name" }, formError: null },
  });
});

test("a rule about the whole form is the form's message; an accepted form gives its data", () => {
  const refused = parseForm(form({ email: "a@b.org", name: "bad", newPassword: "x" }), Schema);
  expect(refused.ok === false && refused.result.formError).toBe("That combination is not allowed");
  expect(parseForm(form({ email: "a@b.org", name: "Ann", newPassword: "x" }), Schema)).toEqual({
    ok: true,
    data: { email: "a@b.org", name: "Ann", newPassword: "x" },
  });
});

test("a result built by a route, from a posted form or a GET form's query", () => {
  expect(formResult(form({ email: "a@b.org", currentPassword: "x" }), { formError: "Enter a correct email address and password" })).toEqual({
    values: { email: "a@b.org" },
    fieldErrors: {},
    formError: "Enter a correct email address and password",
  });
  expect(formResult(new URLSearchParams("code=%20"), { fieldErrors: { code: "Enter the code" } })).toEqual({
    values: { code: " " },
    fieldErrors: { code: "Enter the code" },
    formError: null,
  });
});
