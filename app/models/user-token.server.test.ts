// Single-use links: a link is used once, even by two requests that arrive together.
import { expect, test } from "vitest";
import { createUser } from "../../tests/factories";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { checkToken, consumeToken, issueToken } from "./user-token.server";

test("a link used by two requests at once works for one of them; the other finds it used", async () => {
  const user = await createUser();
  const token = await issueToken({ userId: user.id, purpose: "reset-password" });
  const outcomes = await Promise.all([consumeToken(token, "reset-password"), consumeToken(token, "reset-password")]);
  expect(outcomes).toEqual(expect.arrayContaining([{ status: "valid", userId: user.id, newEmail: null }, { status: "used" }]));
  expect((await db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeInstanceOf(Date);
  expect(await checkToken(token, "reset-password")).toEqual({ status: "used" });
});

test("a new link stops only the same person's unused link for the same thing", async () => {
  const user = await createUser();
  const other = await createUser();
  const used = await issueToken({ userId: user.id, purpose: "reset-password" });
  expect((await consumeToken(used, "reset-password")).status).toBe("valid");
  const earlier = await issueToken({ userId: user.id, purpose: "reset-password" });
  const confirm = await issueToken({ userId: user.id, purpose: "confirm-email" });
  const othersReset = await issueToken({ userId: other.id, purpose: "reset-password" });

  const latest = await issueToken({ userId: user.id, purpose: "reset-password" });
  expect(await checkToken(earlier, "reset-password")).toEqual({ status: "unknown" });
  expect(await checkToken(latest, "reset-password")).toEqual({ status: "valid", userId: user.id, newEmail: null });
  expect(await checkToken(used, "reset-password")).toEqual({ status: "used" });
  expect(await checkToken(confirm, "confirm-email")).toEqual({ status: "valid", userId: user.id, newEmail: null });
  expect(await checkToken(othersReset, "reset-password")).toEqual({ status: "valid", userId: other.id, newEmail: null });
});
