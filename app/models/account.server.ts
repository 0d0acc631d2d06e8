// Accounts: creating one, confirming its email, signing in, and passwords.
// Expected outcomes are return values; routes turn them into messages.
import { claimMembership } from "~/councils/membership.server";
import type { Language } from "~/i18n/config";
import { db, isUniqueViolation } from "~/utils/db.server";
import { hashPassword, passwordProblem, spendPasswordCheckTime, verifyPassword } from "~/utils/password.server";
import { endOtherSessions, newSession } from "~/utils/session.server";
import { emailConfirmation, existingAccountNotice, passwordReset, RECIPIENT, writeEmail } from "./account-emails.server";
import { recordAudit, type RequestOrigin } from "./audit.server";
import { enqueueEmail } from "./email.server";
import { mayRequestMail } from "./mail-limit.server";
import {
  ACCOUNT_FAILURE_LIMIT,
  LOCKOUT_MINUTES,
  isAddressThrottled,
  isDeviceLocked,
  isUnknownEmailLocked,
  recordDeviceFailure,
  recordSignInFailure,
} from "./throttle.server";
import { checkToken, consumeToken, issueToken, type TokenCheck } from "./user-token.server";

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
  /** The council they say they sit on, for its officer to confirm, and when they were first elected to it */
  councilId: string;
  electedOn: Date;
  /** The language they signed up in: their pages and emails stay in it. */
  language: Language;
};

/**
 * Creates a councillor's account and emails a confirmation link. For an address already in use nothing
 * is created: its holder is told by email instead, and the caller answers as for a new address, so the
 * sign-up form cannot be used to find out who has an account.
 */
export async function signUpCouncillor(
  input: SignUpInput,
  { appUrl, origin }: { appUrl: string; origin: RequestOrigin & { ip: string } },
) {
  const email = normaliseEmail(input.email);
  // Hashed either way, so an address in use takes as long to answer as a new one.
  const passwordHash = await hashPassword(input.password);
  // An address in use is found by the database's unique index, which also settles two sign-ups at once.
  try {
    // The account and the council it names, together or not at all.
    const userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email, role: "councillor", language: input.language, passwordHash },
        select: { id: true },
      });
      await recordAudit({ type: "account-created", userId: user.id, email, detail: "Signed up as a councillor" }, origin, tx);
      await claimMembership({ userId: user.id, councilId: input.councilId, memberSince: input.electedOn }, origin, tx);
      return user.id;
    });
    await sendEmailConfirmation({ userId, appUrl }, origin);
    return { status: "created", userId } as const;
  } catch (error) {
    if (isUniqueViolation(error)) return refuseSignUpForExistingEmail({ email, appUrl }, origin);
    throw error;
  }
}

async function refuseSignUpForExistingEmail({ email, appUrl }: { email: string; appUrl: string }, origin: RequestOrigin & { ip: string }) {
  // Accounts are deactivated, never deleted: the holder is there.
  const holder = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, deactivatedAt: true, ...RECIPIENT },
  });
  await recordAudit({ type: "sign-up-existing-email", userId: holder.id, email, detail: "Sign-up refused: the address has an account" }, origin);
  if (!holder.deactivatedAt && (await mayRequestMail({ recipient: email, ip: origin.ip }))) {
    await enqueueEmail({ to: email, ...writeEmail(holder, existingAccountNotice({ appUrl })) });
  }
  return { status: "email-taken" } as const;
}

/** Emails a link to confirm the account's address, within the limits on mail to one address and from one client. */
export async function sendEmailConfirmation({ userId, appUrl }: { userId: string; appUrl: string }, origin: { ip: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, ...RECIPIENT },
  });
  if (!(await mayRequestMail({ recipient: user.email, ip: origin.ip }))) return;
  const token = await issueToken({ userId, purpose: "confirm-email" });
  const link = `${appUrl}/confirm-email/${token}`;
  await enqueueEmail({ to: user.email, ...writeEmail(user, emailConfirmation({ name: user.name, link })) });
}

/** Sends a fresh link if the address belongs to an account still waiting for confirmation; says nothing either way. */
export async function resendEmailConfirmation({ email, appUrl }: { email: string; appUrl: string }, origin: { ip: string }) {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, emailConfirmedAt: true, deactivatedAt: true, passwordHash: true },
  });
  if (!user || user.emailConfirmedAt || user.deactivatedAt || !user.passwordHash) return;
  await sendEmailConfirmation({ userId: user.id, appUrl }, origin);
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

/**
 * Moves an account to the address a change-email link was sent to (a council officer asked for it): opening the
 * link proves the person reads that mailbox, so the new address is confirmed too.
 */
export async function confirmEmailChange(token: string, origin: RequestOrigin) {
  try {
    return await db.$transaction(async (tx) => {
      const check = await consumeToken(token, "change-email", tx);
      if (check.status !== "valid" || !check.newEmail) return { status: check.status === "valid" ? "unknown" : check.status } as const;
      const before = await tx.user.findUniqueOrThrow({ where: { id: check.userId }, select: { email: true, passwordHash: true, deactivatedAt: true } });
      if (before.deactivatedAt) return { status: "unknown" } as const;
      await tx.user.update({ where: { id: check.userId }, data: { email: check.newEmail, emailConfirmedAt: new Date() } });
      await recordAudit({ type: "email-changed", userId: check.userId, email: check.newEmail, detail: `${before.email} → ${check.newEmail}` }, origin, tx);
      return { status: "changed", userId: check.userId, email: check.newEmail, hasPassword: !!before.passwordHash } as const;
    });
  } catch (error) {
    // Another account took the address after the link was sent: nothing changed, the link unused.
    if (isUniqueViolation(error)) return { status: "email-taken" } as const;
    throw error;
  }
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
 * `trustedDevice` is the nonce of this browser's device cookie for this email (trustedDeviceFor): such a
 * browser is let past the per-address limit and the account lockout, and has a lockout of its own.
 */
export async function signIn(
  { email: typedEmail, password, trustedDevice = null }: { email: string; password: string; trustedDevice?: string | null },
  origin: RequestOrigin & { ip: string },
): Promise<SignInOutcome> {
  const email = normaliseEmail(typedEmail);
  if (trustedDevice && (await isDeviceLocked(trustedDevice))) {
    await spendPasswordCheckTime(password);
    await recordAudit({ type: "sign-in-failed", email, detail: "Device cookie locked" }, origin);
    return { status: "locked" };
  }
  if (!trustedDevice && (await isAddressThrottled(origin.ip))) {
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
  if (trustedDevice && !correct) {
    await db.$transaction(async (tx) => {
      await recordDeviceFailure(trustedDevice, tx);
      await recordAudit({ type: "sign-in-failed", userId: user.id, email, detail: "Wrong password (known device)" }, origin, tx);
    });
    return { status: (await isDeviceLocked(trustedDevice)) ? "locked" : "invalid" };
  }
  if (!trustedDevice && user.lockedUntil && user.lockedUntil > new Date()) {
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

  // A known device's success does not lift a lockout that strangers caused.
  const resetCounts = { where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } };
  if (!user.emailConfirmedAt) {
    if (!trustedDevice) await db.user.update(resetCounts);
    return { status: "unconfirmed" };
  }
  const session = newSession(user.id);
  await db.$transaction(async (tx) => {
    if (!trustedDevice) await tx.user.update(resetCounts);
    await tx.session.create({ data: session.data });
    await recordAudit({ type: "sign-in", userId: user.id, email, detail: trustedDevice ? "From a known device" : undefined }, origin, tx);
  });
  return { status: "signed-in", userId: user.id, cookie: session.cookie };
}

// ---------------------------------------------------------------- passwords

/**
 * Changes a password and ends every session of the account, the one in use too, and starts a new one for
 * this browser (its cookie is returned), so a session id someone may have copied before stops working.
 */
export async function changePassword(
  { userId, currentPassword, newPassword }: { userId: string; currentPassword: string; newPassword: string },
  origin: RequestOrigin,
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    return { status: "wrong-password" } as const;
  }
  const problem = passwordProblem(newPassword, user);
  if (problem) return { status: "weak-password", problem } as const;
  const passwordHash = await hashPassword(newPassword);
  const session = newSession(userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endOtherSessions(userId, undefined, tx);
    await tx.session.create({ data: session.data });
    await recordAudit({ type: "password-changed", userId, email: user.email, detail: "Every session ended; a new one started" }, origin, tx);
  });
  return { status: "changed", cookie: session.cookie } as const;
}

/**
 * Emails a reset link if the address has an active account, within the limits on mail; says nothing
 * either way. The route runs it after answering, so its duration cannot tell whether an account exists.
 */
export async function requestPasswordReset({ email, appUrl }: { email: string; appUrl: string }, origin: { ip: string }) {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, name: true, email: true, deactivatedAt: true, ...RECIPIENT },
  });
  if (!user || user.deactivatedAt) return;
  if (!(await mayRequestMail({ recipient: user.email, ip: origin.ip }))) return;
  const token = await issueToken({ userId: user.id, purpose: "reset-password" });
  const link = `${appUrl}/reset-password/${token}`;
  await enqueueEmail({ to: user.email, ...writeEmail(user, passwordReset({ name: user.name, link })) });
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
