// Accounts: creating one, confirming its email, signing in, and passwords.
// Expected outcomes are return values; routes turn them into messages.
import { db, isUniqueViolation } from "~/utils/db.server";
import { hashPassword, passwordProblem, spendPasswordCheckTime, verifyPassword } from "~/utils/password.server";
import { endOtherSessions, newSession } from "~/utils/session.server";
import { recordAudit, type RequestOrigin } from "./audit.server";
import { enqueueEmail } from "./email.server";
import { ACCOUNT_FAILURE_LIMIT, LOCKOUT_MINUTES, isAddressThrottled, isUnknownEmailLocked, recordSignInFailure } from "./throttle.server";
import { checkToken, consumeToken, issueToken, TOKEN_LIFETIME_MINUTES, type TokenCheck } from "./user-token.server";

export const SERVICE_NAME = "Leadership Essentials";

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function isEmailTaken(email: string, exceptUserId?: string) {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } });
  return !!user && user.id !== exceptUserId;
}

// ---------------------------------------------------------------- creating an account

export type SignUpInput = {
  name: string;
  email: string;
  password: string;
  councilId: string;
  electedOn: Date;
};

export async function signUpCouncillor(input: SignUpInput, { appUrl, origin }: { appUrl: string; origin: RequestOrigin }) {
  const email = normaliseEmail(input.email);
  if (await isEmailTaken(email)) return { status: "email-taken" } as const;
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email, role: "councillor", councilId: input.councilId, electedOn: input.electedOn, passwordHash },
      select: { id: true },
    });
    await recordAudit({ type: "account-created", userId: user.id, email, detail: "Signed up as a councillor" }, origin);
    await sendEmailConfirmation({ userId: user.id, appUrl });
    return { status: "created", userId: user.id } as const;
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "email-taken" } as const;
    throw error;
  }
}

export async function sendEmailConfirmation({ userId, appUrl }: { userId: string; appUrl: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  const token = await issueToken({ userId, purpose: "confirm-email" });
  await enqueueEmail({
    to: user.email,
    subject: `Confirm your email address for ${SERVICE_NAME}`,
    text: [
      `Dear ${user.name},`,
      "",
      `To finish creating your ${SERVICE_NAME} account, confirm your email address by opening this link:`,
      "",
      `${appUrl}/confirm-email/${token}`,
      "",
      `The link works once and expires in ${TOKEN_LIFETIME_MINUTES["confirm-email"] / 60} hours.`,
      "If you did not create an account, you can ignore this email.",
    ].join("\n"),
  });
}

/** Sends a fresh link if the address belongs to an account still waiting for confirmation; says nothing either way. */
export async function resendEmailConfirmation({ email, appUrl }: { email: string; appUrl: string }) {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, emailConfirmedAt: true, deactivatedAt: true, passwordHash: true },
  });
  if (!user || user.emailConfirmedAt || user.deactivatedAt || !user.passwordHash) return;
  await sendEmailConfirmation({ userId: user.id, appUrl });
}

export async function confirmEmail(token: string, origin: RequestOrigin): Promise<TokenCheck["status"] | "confirmed"> {
  return db.$transaction(async (tx) => {
    const check = await consumeToken(token, "confirm-email", tx);
    if (check.status !== "valid") return check.status;
    const user = await tx.user.update({
      where: { id: check.userId },
      data: { emailConfirmedAt: new Date() },
      select: { id: true, email: true },
    });
    await recordAudit({ type: "email-confirmed", userId: user.id, email: user.email }, origin, tx);
    return "confirmed";
  });
}

// ---------------------------------------------------------------- signing in

export type SignInOutcome =
  | { status: "signed-in"; userId: string; /** Set-Cookie header of the session started */ cookie: string }
  | { status: "invalid" }
  | { status: "locked" }
  | { status: "unconfirmed" }
  | { status: "throttled" };

/**
 * Checks an email and password. The answer for an unknown email is the same as for a wrong password,
 * takes about as long (a password hash is checked either way), and locks after as many tries.
 * The bookkeeping of each outcome (counts, lockout, session, audit) is written in one short transaction,
 * after the slow password check: all of it or none of it (docs/decisions/007-rules-under-concurrency.md).
 */
export async function signIn(
  { email: typedEmail, password }: { email: string; password: string },
  origin: RequestOrigin & { ip: string },
): Promise<SignInOutcome> {
  const email = normaliseEmail(typedEmail);
  if (await isAddressThrottled(origin.ip)) {
    await spendPasswordCheckTime(password);
    return { status: "throttled" };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, deactivatedAt: true, emailConfirmedAt: true, lockedUntil: true },
  });

  if (!user || !user.passwordHash || user.deactivatedAt) {
    await spendPasswordCheckTime(password);
    // Counted before checking, so the tenth try says "locked", as it would for a real account.
    await db.$transaction(async (tx) => {
      await recordSignInFailure({ ip: origin.ip, email }, tx);
      await recordAudit(
        { type: "sign-in-failed", userId: user?.id, email, detail: user ? "Account cannot sign in" : "No such account" },
        origin,
        tx,
      );
    });
    return { status: (await isUnknownEmailLocked(email)) ? "locked" : "invalid" };
  }

  const correct = await verifyPassword(user.passwordHash, password);
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordAudit({ type: "sign-in-failed", userId: user.id, email, detail: "Account locked" }, origin);
    return { status: "locked" };
  }
  if (!correct) {
    return db.$transaction(async (tx): Promise<SignInOutcome> => {
      await recordSignInFailure({ ip: origin.ip, email }, tx);
      // The increment locks the row until commit: concurrent wrong passwords count one after another,
      // and the one that reaches the limit locks the account and starts the count again, once.
      const { failedSignIns } = await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: { increment: 1 } },
        select: { failedSignIns: true },
      });
      if (failedSignIns >= ACCOUNT_FAILURE_LIMIT) {
        await tx.user.update({
          where: { id: user.id },
          data: { failedSignIns: 0, lockedUntil: new Date(Date.now() + LOCKOUT_MINUTES * 60_000) },
        });
        await recordAudit({ type: "lockout", userId: user.id, email, detail: `${ACCOUNT_FAILURE_LIMIT} wrong passwords in a row` }, origin, tx);
        return { status: "locked" };
      }
      await recordAudit({ type: "sign-in-failed", userId: user.id, email, detail: "Wrong password" }, origin, tx);
      return { status: "invalid" };
    });
  }

  const resetCounts = { where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } };
  if (!user.emailConfirmedAt) {
    await db.user.update(resetCounts);
    return { status: "unconfirmed" };
  }
  const session = newSession(user.id);
  await db.$transaction(async (tx) => {
    await tx.user.update(resetCounts);
    await tx.session.create({ data: session.data });
    await recordAudit({ type: "sign-in", userId: user.id, email }, origin, tx);
  });
  return { status: "signed-in", userId: user.id, cookie: session.cookie };
}

// ---------------------------------------------------------------- passwords

export async function changePassword(
  {
    userId,
    currentPassword,
    newPassword,
    keepSessionId,
  }: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string | null },
  origin: RequestOrigin,
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    return { status: "wrong-password" } as const;
  }
  const problem = passwordProblem(newPassword, user);
  if (problem) return { status: "weak-password", problem } as const;
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endOtherSessions(userId, keepSessionId ?? undefined, tx);
    await recordAudit({ type: "password-changed", userId, email: user.email, detail: "Other sessions ended" }, origin, tx);
  });
  return { status: "changed" } as const;
}

/** Emails a reset link if the address has an active account; says nothing either way. */
export async function requestPasswordReset({ email, appUrl }: { email: string; appUrl: string }) {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, name: true, email: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return;
  const token = await issueToken({ userId: user.id, purpose: "reset-password" });
  await enqueueEmail({
    to: user.email,
    subject: `Reset your ${SERVICE_NAME} password`,
    text: [
      `Dear ${user.name},`,
      "",
      "Someone (we hope you) asked to reset your password. To choose a new one, open this link:",
      "",
      `${appUrl}/reset-password/${token}`,
      "",
      "The link works once and expires in 1 hour. If you did not ask for this, you can ignore this email:",
      "your password has not changed.",
    ].join("\n"),
  });
}

/** Which account a reset or invitation link belongs to, when it is still usable. */
export async function userForToken(token: string, purpose: "reset-password" | "invitation") {
  const check = await checkToken(token, purpose);
  if (check.status !== "valid") return { status: check.status } as const;
  const user = await db.user.findUnique({
    where: { id: check.userId },
    select: { id: true, name: true, email: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return { status: "unknown" } as const;
  return { status: "valid", user } as const;
}

/**
 * Sets a new password from a reset or invitation link. Checks the password before using the link,
 * so a too-weak password does not waste it. Ends every session and clears any lockout.
 */
export async function setPasswordWithToken(
  { token, password, purpose }: { token: string; password: string; purpose: "reset-password" | "invitation" },
  origin: RequestOrigin,
) {
  const found = await userForToken(token, purpose);
  if (found.status !== "valid") return { status: found.status } as const;
  const problem = passwordProblem(password, found.user);
  if (problem) return { status: "weak-password", problem } as const;
  const passwordHash = await hashPassword(password); // slow (about 60 ms): before the transaction, which stays short
  // Using the link, setting the password, ending the sessions and the audit entry: all of them or none.
  const used = await db.$transaction(async (tx) => {
    const used = await consumeToken(token, purpose, tx);
    if (used.status !== "valid") return used;
    await tx.user.update({
      where: { id: found.user.id },
      // The link arrived by email, so the address is confirmed too.
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, emailConfirmedAt: new Date() },
    });
    await endOtherSessions(found.user.id, undefined, tx);
    await recordAudit(
      { type: purpose === "invitation" ? "invitation-accepted" : "password-reset", userId: found.user.id, email: found.user.email },
      origin,
      tx,
    );
    return used;
  });
  if (used.status !== "valid") return { status: used.status } as const;
  return { status: "password-set", userId: found.user.id } as const;
}
