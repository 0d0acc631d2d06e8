// Single-use links sent by email. The link carries a random token; the database keeps its hash.
import { db, type DbClient } from "~/utils/db.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

export const TOKEN_LIFETIME_MINUTES = {
  "confirm-email": 24 * 60,
  "reset-password": 60,
  invitation: 7 * 24 * 60,
  "change-email": 24 * 60,
} as const;
export type TokenPurpose = keyof typeof TOKEN_LIFETIME_MINUTES;

/**
 * Issues a new link token; any earlier unused token for the same purpose stops working. Pass the transaction
 * (client) whose other writes the link belongs with (a new account's invitation); without one, both steps run in a transaction of
 * their own.
 */
export async function issueToken(
  { userId, purpose, newEmail }: { userId: string; purpose: TokenPurpose; /** change-email: the address to move to */ newEmail?: string },
  client?: DbClient,
) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000);
  const earlier = { userId, purpose, usedAt: null };
  const data = { userId, purpose, tokenHash: hashToken(token), expiresAt, newEmail: newEmail ?? null };
  if (client) {
    await client.userToken.deleteMany({ where: earlier });
    await client.userToken.create({ data });
  } else {
    await db.$transaction([db.userToken.deleteMany({ where: earlier }), db.userToken.create({ data })]);
  }
  return token;
}

export type TokenCheck = { status: "valid"; userId: string; newEmail: string | null } | { status: "expired" | "used" | "unknown" };

/** Looks at a token without using it (to decide what page to show). */
export async function checkToken(token: string, purpose: TokenPurpose, client: DbClient = db): Promise<TokenCheck> {
  const row = await client.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", userId: row.userId, newEmail: row.newEmail };
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
