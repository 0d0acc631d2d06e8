// Documents kept as evidence: a certificate from an external course, a signed exemption. A file is taken only
// when its first bytes say it is a document or a scan (PDF, Word, OpenDocument, PNG, JPEG), whatever name or
// type the browser gave it, and only up to EVIDENCE_MAX_BYTES. It is seen by its council's officers and by
// the member it is about, and always downloaded, never shown inline.
import { recordAudit, type RequestOrigin } from "~/models/audit.server";
import { db, type DbClient } from "~/utils/db.server";

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export type EvidenceUpload = { name: string; contentType: string; content: Uint8Array<ArrayBuffer> };
export type EvidenceProblem = "tooLarge" | "notADocument";

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const ZIP_DOCUMENTS: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
};

/** The document's type read from its first bytes (and, for the zip-based formats, its name), or null when it is not one we keep. */
export function documentType(bytes: Uint8Array, name: string): string | null {
  const extension = name.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && extension === "doc") return "application/msword";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && ZIP_DOCUMENTS[extension]) return ZIP_DOCUMENTS[extension];
  return null;
}

/** A file's name as kept: its last part, without control characters, at most 200 characters. */
function safeName(name: string) {
  const last = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  return last.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim().slice(-200) || "evidence";
}

/** The file chosen in a form's evidence box: none (null), a document to keep, or why it cannot be kept. */
export async function readEvidence(value: FormDataEntryValue | null): Promise<{ upload: EvidenceUpload | null } | { problem: EvidenceProblem }> {
  if (!(value instanceof File) || value.size === 0) return { upload: null };
  if (value.size > EVIDENCE_MAX_BYTES) return { problem: "tooLarge" };
  const content = new Uint8Array(await value.arrayBuffer());
  const contentType = documentType(content, value.name);
  if (!contentType) return { problem: "notADocument" };
  return { upload: { name: safeName(value.name), contentType, content } };
}

/** Keeps a document about a member of the council; returns its id. Called inside the change it supports. */
export async function saveEvidence({ councilId, userId, upload, actorId }: { councilId: string; userId: string; upload: EvidenceUpload; actorId: string }, client: DbClient) {
  const file = await client.evidenceFile.create({
    data: { councilId, userId, name: upload.name, contentType: upload.contentType, size: upload.content.byteLength, content: upload.content, uploadedById: actorId },
    select: { id: true },
  });
  return file.id;
}

/**
 * A document for someone allowed to see it: an officer of the council that keeps it (the viewing is audited),
 * or the member it is about. Anyone else is told it does not exist.
 */
export async function evidenceFor({ fileId, viewer }: { fileId: string; viewer: { id: string; role: string; councilId: string | null } }, origin: RequestOrigin) {
  const file = await db.evidenceFile.findUnique({
    where: { id: fileId },
    select: { name: true, contentType: true, content: true, councilId: true, userId: true },
  });
  if (!file) return null;
  const officer = viewer.role === "officer" && viewer.councilId === file.councilId;
  if (!officer && viewer.id !== file.userId) return null;
  if (officer) {
    const member = await db.user.findUnique({ where: { id: file.userId }, select: { email: true } });
    await recordAudit({ type: "evidence-viewed", userId: file.userId, actorId: viewer.id, email: member?.email, detail: file.name }, origin);
  }
  return { name: file.name, contentType: file.contentType, content: file.content };
}
