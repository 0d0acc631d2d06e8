import { z } from "zod";
import { expect, test } from "vitest";
import { translatorFor } from "~/i18n/i18n.server";
import { formResult, parseForm } from "./forms";
import { SignUpSchema } from "./schemas.server";

const english = translatorFor("en");

const form = (entries: Record<string, string>) => {
  const formData = new FormData();
  for (const [key, value] of Object.entries(entries)) formData.append(key, value);
  return formData;
};

const Schema = z
  .object({ email: z.string().email("Enter an email address"), name: z.string().min(1, "Enter your name").max(3, "Too long"), newPassword: z.string() })
  .refine((value) => value.name !== "bad", { message: "That combination is not allowed" });

test("a refused form comes back with what was typed (never a password), one message per field and none for the form", () => {
  const parsed = parseForm(form({ email: "nope", name: "", newPassword: "secret-typed" }), Schema, english);
  expect(parsed).toEqual({
    ok: false,
    result: { values: { email: "nope", name: "" }, fieldErrors: { email: "Enter an email address", name: "Enter your name" }, formError: null },
  });
});

test("a rule about the whole form is the form's message; an accepted form gives its data", () => {
  const refused = parseForm(form({ email: "a@b.org", name: "bad", newPassword: "x" }), Schema, english);
  expect(refused.ok === false && refused.result.formError).toBe("That combination is not allowed");
  expect(parseForm(form({ email: "a@b.org", name: "Ann", newPassword: "x" }), Schema, english)).toEqual({
    ok: true,
    data: { email: "a@b.org", name: "Ann", newPassword: "x" },
  });
});

test("the messages of the service's schemas are in the reader's language, with their numbers", () => {
  const refused = form({ name: "A".repeat(101), email: "", council: "", electedOn: "1949-12-31", password: "x" });
  const english = parseForm(refused, SignUpSchema, translatorFor("en"));
  const welsh = parseForm(refused, SignUpSchema, translatorFor("cy"));
  expect(english.ok === false && english.result.fieldErrors).toEqual({
    name: "Full name must be 100 characters or fewer",
    email: "Enter your email address",
    council: "Choose your council",
    electedOn: "The date you were elected must be after 1950",
  });
  expect(welsh.ok === false && welsh.result.fieldErrors).toEqual({
    name: "Rhaid i'r enw llawn fod yn 100 nod neu lai",
    email: "Rhowch eich cyfeiriad e-bost",
    council: "Dewiswch eich cyngor",
    electedOn: "Rhaid i'r dyddiad y cawsoch eich ethol fod ar ôl 1950",
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
