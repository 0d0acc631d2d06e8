// People: profiles, and the accounts staff manage. Queries for officers are scoped by council in the
// `where`, so a forgotten check returns nothing rather than another council's members.
import type { Language } from "~/i18n/config";
import { db, isUniqueViolation } from "~/utils/db.server";
import { endOtherSessions } from "~/utils/session.server";
import type { Role } from "~/utils/permissions";
import { normaliseEmail, sendEmailConfirmation } from "./account.server";
import { officerInvitation, RECIPIENT, writeEmail } from "./account-emails.server";
import { recordAudit, type RequestOrigin } from "./audit.server";
import { enqueueEmail } from "./email.server";
import { issueToken } from "./user-token.server";

const profileSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  emailConfirmedAt: true,
  createdAt: true,
  language: true,
  /** An officer's council */
  council: { select: { id: true, name: true } },
  /** The councils a member sits on now */
  memberships: { where: { leftOfficeOn: null }, select: { council: { select: { id: true, name: true } } }, orderBy: { council: { name: "asc" } } },
} as const;

export async function getProfile({ userId }: { userId: string }) {
  return db.user.findUnique({ where: { id: userId }, select: profileSelect });
}

export type ProfileChange = { name: string; email: string };

/**
 * Saves a person's own profile. A new email address must be confirmed before the next sign-in, so a
 * typo cannot lock anyone out silently: we send the link to the new address at once.
 */
export async function updateProfile(
  { userId, change, appUrl }: { userId: string; change: ProfileChange; appUrl: string },
  origin: RequestOrigin & { ip: string },
) {
  const email = normaliseEmail(change.email);
  const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  try {
    await db.user.update({
      where: { id: userId },
      data: { name: change.name, email, ...(email !== before.email ? { emailConfirmedAt: null } : {}) },
    });
  } catch (error) {
    // The address is unique in the database: another account's address is refused here, even when two
    // people take it at the same moment.
    if (isUniqueViolation(error)) return { status: "email-taken" } as const;
    throw error;
  }
  if (email !== before.email) await sendEmailConfirmation({ userId, appUrl }, origin);
  return { status: "updated", emailChanged: email !== before.email } as const;
}

// ---------------------------------------------------------------- staff: managing accounts

export const USERS_PAGE_SIZE = 50;

/** A LIKE pattern that finds `text` anywhere, with its own % and _ taken literally (ESCAPE '\\'). */
function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers({
  query,
  role,
  councilId,
  page = 1,
}: {
  query?: string;
  role?: string;
  councilId?: string;
  page?: number;
}) {
  const pattern = containsPattern(query?.trim().toLowerCase() ?? "");
  // Plain SQL for the filter: Prisma's `contains` cannot escape % and _ on SQLite, so a search for "%"
  // would list everyone. Names compare lower-cased on both databases; '' stands for "any".
  const [role_, council] = [role ?? "", councilId ?? ""];
  const offset = (page - 1) * USERS_PAGE_SIZE;
  const [page_, [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User"
      WHERE (${role_} = '' OR "role" = ${role_})
        AND (${council} = '' OR "councilId" = ${council} OR "id" IN (SELECT "userId" FROM "Membership" WHERE "councilId" = ${council}))
        AND ("email" LIKE ${pattern} ESCAPE '\\' OR lower("name") LIKE ${pattern} ESCAPE '\\')
      ORDER BY "name" ASC, "id" ASC LIMIT ${USERS_PAGE_SIZE} OFFSET ${offset}`,
    db.$queryRaw<{ total: bigint | number }[]>`
      SELECT count(*) AS "total" FROM "User"
      WHERE (${role_} = '' OR "role" = ${role_})
        AND (${council} = '' OR "councilId" = ${council} OR "id" IN (SELECT "userId" FROM "Membership" WHERE "councilId" = ${council}))
        AND ("email" LIKE ${pattern} ESCAPE '\\' OR lower("name") LIKE ${pattern} ESCAPE '\\')`,
  ]);
  const ids = page_.map((row) => row.id);
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      deactivatedAt: true,
      emailConfirmedAt: true,
      passwordHash: true,
      council: { select: { name: true } },
      memberships: { where: { leftOfficeOn: null }, select: { council: { select: { name: true } } }, orderBy: { council: { name: "asc" } } },
    },
  });
  users.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return {
    total: Number(total),
    pages: Math.max(1, Math.ceil(Number(total) / USERS_PAGE_SIZE)),
    // Whether an invitation is still open, never the hash itself.
    users: users.map(({ passwordHash, council, memberships, ...user }) => ({
      ...user,
      invited: !passwordHash,
      // An officer's council, or the councils a member sits on
      councils: council ? [council.name] : memberships.map((membership) => membership.council.name),
    })),
  };
}

export async function getUserForStaff({ userId }: { userId: string }) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { ...profileSelect, deactivatedAt: true, lockedUntil: true, passwordHash: true, councilId: true },
  });
  if (!user) return null;
  const { passwordHash, ...rest } = user;
  return { ...rest, invited: !passwordHash };
}

/** Creates a council officer's account and emails them an invitation to set a password. */
export async function createOfficer(
  {
    name,
    email: typedEmail,
    councilId,
    actorId,
    appUrl,
  }: { name: string; email: string; councilId: string; actorId: string; appUrl: string },
  origin: RequestOrigin,
) {
  const email = normaliseEmail(typedEmail);
  let officer;
  try {
    officer = await db.user.create({
      data: { name, email, role: "officer", councilId },
      // Stryker disable next-line ObjectLiteral: narrows what is read; the audit test asserts the council's name
      select: { id: true, council: { select: { name: true } } },
    });
  } catch (error) {
    // The address is unique in the database: one already in use is refused here.
    if (isUniqueViolation(error)) return { status: "email-taken" } as const;
    throw error;
  }
  await recordAudit(
    { type: "account-created", userId: officer.id, actorId, email, detail: `Council officer for ${officer.council!.name}` },
    origin,
  );
  await sendInvitation({ userId: officer.id, appUrl });
  return { status: "created", userId: officer.id } as const;
}

export async function sendInvitation({ userId, appUrl }: { userId: string; appUrl: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    // Stryker disable next-line ObjectLiteral: narrows what is read; every field used is asserted by the invitation tests
    select: { name: true, email: true, ...RECIPIENT, council: { select: { name: true, welshName: true, nation: true } } },
  });
  const token = await issueToken({ userId, purpose: "invitation" });
  const link = `${appUrl}/invitation/${token}`;
  await enqueueEmail({ to: user.email, ...writeEmail(user, officerInvitation({ name: user.name, council: user.council, link })) });
}

/** Staff change someone's role, and an officer's council. Members belong to councils through their memberships; staff to none. */
export async function changeRoleAndCouncil(
  { userId, role, councilId, actorId }: { userId: string; role: Role; councilId: string | null; actorId: string },
  origin: RequestOrigin,
) {
  if (role === "officer" && !councilId) return { status: "council-required" } as const;
  if (userId === actorId && role !== "staff") return { status: "cannot-demote-self" } as const;
  const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, councilId: true, email: true } });
  const nextCouncilId = role === "officer" ? councilId : null;
  await db.user.update({ where: { id: userId }, data: { role, councilId: nextCouncilId } });
  if (before.role !== role) {
    await recordAudit({ type: "role-changed", userId, actorId, email: before.email, detail: `${before.role} → ${role}` }, origin);
  }
  if (before.councilId !== nextCouncilId) {
    const nameOf = async (id: string | null) => (id ? (await db.council.findUniqueOrThrow({ where: { id } })).name : "none");
    await recordAudit(
      { type: "council-changed", userId, actorId, email: before.email, detail: `${await nameOf(before.councilId)} → ${await nameOf(nextCouncilId)}` },
      origin,
    );
  }
  // Permissions are read from the database on every request, so the change applies at once.
  return { status: "changed" } as const;
}

/** Deactivates an account: it can no longer sign in, and its sessions end at once. */
export async function deactivateUser({ userId, actorId }: { userId: string; actorId: string }, origin: RequestOrigin) {
  if (userId === actorId) return { status: "cannot-deactivate-self" } as const;
  const user = await db.user.update({ where: { id: userId }, data: { deactivatedAt: new Date(), calendarFeedHash: null }, select: { email: true } });
  await endOtherSessions(userId);
  await recordAudit({ type: "account-deactivated", userId, actorId, email: user.email }, origin);
  return { status: "deactivated" } as const;
}

export async function reactivateUser({ userId, actorId }: { userId: string; actorId: string }, origin: RequestOrigin) {
  const user = await db.user.update({
    where: { id: userId },
    data: { deactivatedAt: null, failedSignIns: 0, lockedUntil: null },
    select: { email: true },
  });
  await recordAudit({ type: "account-reactivated", userId, actorId, email: user.email }, origin);
  return { status: "reactivated" } as const;
}

export async function findUserIdByEmail(email: string) {
  // Stryker disable next-line ObjectLiteral: the select only keeps the password hash and the rest unread
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } });
  return user?.id ?? null;
}

/** The language a person chose for their pages and emails (the switch in the header, or their profile). */
export async function saveLanguagePreference({ userId, language }: { userId: string; language: Language }) {
  await db.user.update({ where: { id: userId }, data: { language } });
}

/** The emails a person chose to get: reminders before a due date (councillors), the weekly digest (officers). */
export type EmailChoices = { remindDueSoon: boolean; remindDueTomorrow: boolean; weeklyDigest: boolean };

export async function emailChoicesOf(userId: string): Promise<EmailChoices> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { remindDueSoon: true, remindDueTomorrow: true, weeklyDigest: true } });
}

/** Saves the person's own choices (only those their role has: the others are left as they are). */
export async function saveEmailChoices({ userId, choices }: { userId: string; choices: Partial<EmailChoices> }) {
  await db.user.update({ where: { id: userId }, data: choices, select: { id: true } });
}
