// Data builders shared by the tests and the demo seed (prisma/seed.ts).
import { randomBytes } from "node:crypto";
import type { CouncilType } from "~/models/council.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import type { Role } from "~/utils/permissions";

export const TEST_PASSWORD = "marble-lantern-orchard-42";

// Hashing with argon2 takes about 60 ms: hash each distinct password once per process.
const hashes = new Map<string, Promise<string>>();
export function passwordHashFor(password: string) {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

function unique() {
  return randomBytes(4).toString("hex");
}

export async function createCouncil(
  overrides: Partial<{ name: string; welshName: string; slug: string; type: CouncilType; region: string; nation: "england" | "wales" }> = {},
) {
  const id = unique();
  return db.council.create({
    data: {
      name: overrides.name ?? `Testshire ${id} Council`,
      welshName: overrides.welshName ?? null,
      slug: overrides.slug ?? `testshire-${id}`,
      type: overrides.type ?? "district",
      region: overrides.region ?? "South East",
      nation: overrides.nation ?? "england",
    },
  });
}

type UserOptions = {
  role?: Role;
  councilId?: string | null;
  name?: string;
  email?: string;
  password?: string | null;
  confirmed?: boolean;
  deactivated?: boolean;
  electedOn?: Date | null;
};

export async function createUser(options: UserOptions = {}) {
  const role = options.role ?? "councillor";
  const councilId = role === "staff" ? null : (options.councilId ?? (await createCouncil()).id);
  const id = unique();
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  const user = await db.user.create({
    data: {
      role,
      councilId,
      name: options.name ?? `Test ${role} ${id}`,
      email: (options.email ?? `${role}-${id}@example.org`).toLowerCase(),
      passwordHash: password ? await passwordHashFor(password) : null,
      emailConfirmedAt: options.confirmed === false ? null : new Date(),
      deactivatedAt: options.deactivated ? new Date() : null,
      electedOn: role === "councillor" ? (options.electedOn === undefined ? new Date("2026-05-07") : options.electedOn) : null,
    },
  });
  return { ...user, password };
}
