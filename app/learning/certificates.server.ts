// Certificates: the code printed on each completion, the councillor's own copy and the public check.
// (Completing a module is in progress.server.ts; the rule that says when is in core.ts.)
import { randomBytes } from "node:crypto";
import { db } from "~/utils/db.server";

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped from paper survives
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 80 random bits as 16 characters, shown in groups of four. */
export function newCertificateCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = 0; i < 16; i++) code += ALPHABET[Number((bits >> BigInt(75 - i * 5)) & 31n)];
  return code;
}

export function formatCertificateCode(code: string) {
  return code.match(/.{1,4}/g)!.join("-");
}

/** What someone typed or scanned, as stored: spaces and hyphens dropped, look-alike letters mapped. */
export function normaliseCertificateCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** A councillor's own certificate, as it was when they completed the module (even if the module has gone since). */
export async function certificateFor({ userId, moduleId }: { userId: string; moduleId: string }) {
  return db.moduleCompletion.findUnique({
    where: { userId_moduleId: { userId, moduleId } },
    select: {
      moduleTitle: true,
      moduleVersion: true,
      completedAt: true,
      certificateCode: true,
      scorePercent: true,
      holderName: true,
      councilName: true,
    },
  });
}

/** The public check at /verify/<code>: the name, module and date, and nothing else. */
export async function verifyCertificate(input: string) {
  const code = normaliseCertificateCode(input);
  if (!/^[0-9A-Z]{16}$/.test(code)) return null;
  const found = await db.moduleCompletion.findUnique({
    where: { certificateCode: code },
    select: { holderName: true, moduleId: true, moduleTitle: true, completedAt: true },
  });
  return found && { name: found.holderName, moduleId: found.moduleId, moduleTitle: found.moduleTitle, completedAt: found.completedAt, code };
}

/** A councillor's certificates, newest first, including those of modules since retired. */
export async function certificatesFor({ userId }: { userId: string }) {
  return db.moduleCompletion.findMany({
    where: { userId },
    orderBy: { completedAt: "desc" },
    select: { moduleId: true, moduleTitle: true, completedAt: true },
  });
}
