// Single-use links sent by email. The link carries a random token; the database keeps its hash.
import { db, type DbClient } from "~/utils/db.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

export const TOKEN_LIFETIME_MINUTES = {
  "confirm-email": 24 * 60,
  "reset-password": 60,
  invitation: 7 * 24 * 60,
} as const;
export type TokenPurpose = keyof typeof TOKEN_LIFETIME_MINUTES;

/** Issues a new link token; any earlier unused token for the same purpose stops working. */
export async function issueToken({ userId, purpose }: { userId: string; purpose: TokenPurpose }) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000);
  await db.$transaction([
    db.userToken.deleteMany({ where: { userId, purpose, usedAt: null } }),
    db.userToken.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt } }),
  ]);
  return token;
}

export type TokenCheck = { status: "valid"; userId: string } | { status: "expired" | "used" | "unknown" };

/** Looks at a token without using it (to decide what page to show). */
export async function checkToken(token: string, purpose: TokenPurpose, client: DbClient = db): Promise<TokenCheck> {
  const row = await client.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", userId: row.userId };
}

/**
 * Uses a token once: of two requests racing with the same link, only one succeeds (a conditional update:
 * only a row still unused changes). Pass the transaction (client) whose other writes depend on it.
 */
export async function consumeToken(token: string, purpose: TokenPurpose, client: DbClient = db): Promise<TokenCheck> {
  const check = await checkToken(token, purpose, client);
  if (check.status !== "valid") return check;
  const { count } = await client.userToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1 ? check : { status: "used" };
}
