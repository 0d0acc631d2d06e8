// Sessions: Lucia v3 with a small adapter of our own that stores only a SHA-256 of each session id,
// so a copy of the database cannot be used to sign in. See docs/decisions/003-sessions.md.
import { generateIdFromEntropySize, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db, type DbClient } from "./db.server";
import { hashToken } from "./tokens.server";

export type SessionUser = { id: string; name: string; email: string; role: string; councilId: string | null; language: string | null };
type SessionRow = Omit<SessionUser, "id"> & { userId: string; expiresAt: Date; deactivatedAt: Date | null };

const adapter: Adapter = {
  async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    // Every signed-in request runs this, so it is plain SQL: Prisma 6 compiles each query on the main
    // thread first, which took about 0.4 ms of the 0.5 ms this lookup cost (npm run bench).
    const [row] = await db.$queryRaw<SessionRow[]>`
      SELECT s."userId", s."expiresAt", u."name", u."email", u."role", u."councilId", u."language", u."deactivatedAt"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${hashToken(sessionId)}`;
    // A deactivated account's sessions stop working at once, even before they are deleted.
    if (!row || row.deactivatedAt) return [null, null];
    return [
      { id: sessionId, userId: row.userId, expiresAt: new Date(row.expiresAt), attributes: {} },
      { id: row.userId, attributes: { name: row.name, email: row.email, role: row.role, councilId: row.councilId, language: row.language } },
    ];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    // The ids here are hashes: good for counting and deleting, not for setting a cookie.
    return rows.map((row) => ({ id: row.id, userId, expiresAt: row.expiresAt, attributes: {} }));
  },
  async setSession(session) {
    await db.session.create({
      data: { id: hashToken(session.id), userId: session.userId, expiresAt: session.expiresAt },
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: hashToken(sessionId) }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: hashToken(sessionId) } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const secureCookies =
  process.env.SECURE_COOKIES !== undefined ? process.env.SECURE_COOKIES === "true" : process.env.NODE_ENV === "production";

const SESSION_LIFETIME = new TimeSpan(14, "d");

export const lucia = new Lucia(adapter, {
  // Sliding: Lucia pushes expiry forward when a session is used in the second half of its life.
  sessionExpiresIn: SESSION_LIFETIME,
  sessionCookie: {
    // The __Host- prefix makes browsers refuse the cookie unless it is Secure, for this host only and for
    // every path: a neighbouring subdomain cannot plant or overwrite it.
    name: secureCookies ? "__Host-le_session" : "le_session",
    attributes: { secure: secureCookies, sameSite: "lax" },
  },
  getUserAttributes: (attributes): Omit<SessionUser, "id"> => ({
    name: attributes.name,
    email: attributes.email,
    role: attributes.role,
    councilId: attributes.councilId,
    language: attributes.language,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: Omit<SessionUser, "id">;
  }
}

/**
 * A new session (never one from before sign-in), as Lucia makes them: its row, to be written in the
 * caller's transaction (sign-in writes it with its bookkeeping), and the Set-Cookie header carrying its id.
 */
export function newSession(userId: string) {
  const sessionId = generateIdFromEntropySize(25);
  return {
    data: { id: hashToken(sessionId), userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME.milliseconds()) },
    cookie: lucia.createSessionCookie(sessionId).serialize(),
  };
}

/** Starts a new session and returns its Set-Cookie header. */
export async function startSession(userId: string): Promise<string> {
  const session = newSession(userId);
  await db.session.create({ data: session.data });
  return session.cookie;
}

export async function endSession(sessionId: string): Promise<string> {
  await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a user except, optionally, the one in use. */
export async function endOtherSessions(userId: string, keepSessionId?: string, client: DbClient = db) {
  await client.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: hashToken(keepSessionId) } } : {}) },
  });
}

/** Reads the session cookie, validates it, and says which cookie (if any) the response must set. */
export async function readSession(cookieHeader: string | undefined) {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { user: null, sessionId: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, sessionId: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user: user satisfies SessionUser, sessionId: session.id, setCookie };
}
