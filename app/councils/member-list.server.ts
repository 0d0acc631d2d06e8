// A council's list of members, uploaded by its officer as CSV (after an election, say): every problem is reported
// by the line it is on, what confirming would do is shown, and confirming applies the whole list in one transaction.
// The list adds and corrects: a blank cell, or a column the file does not have, leaves what is stored alone, and a
// member's committees not listed stay as they are. Members not on the list are only offered as leavers.
import { createHash } from "node:crypto";
import { CsvError, parse } from "csv-parse/sync";
import { ukToday } from "~/utils/uk-time";
import type councilWords from "~/i18n/locales/en/council.json";
import { normaliseEmail } from "~/models/account.server";
import { memberInvitation, writeEmail, type Recipient } from "~/models/account-emails.server";
import { recordAudits, type AuditEventInput, type RequestOrigin } from "~/models/audit.server";
import { enqueueEmail } from "~/models/email.server";
import { issueToken } from "~/models/user-token.server";
import { db, isUniqueViolation, type DbClient } from "~/utils/db.server";
import { EmailSchema, NameSchema } from "~/utils/schemas.server";
import { committeeKey } from "./committees.server";
import { isMembershipKind, type CommitteeRole, type MembershipKind } from "./kinds";
import { DETAIL_FIELDS, markLeftOffice, MEMBERSHIP_DETAILS, shown } from "./membership.server";

export const MEMBER_LIST_MAX_ROWS = 2000;

/** The list as the officer checked it: confirming applies it only while it is still exactly this text. */
export function memberListFingerprint(text: string) {
  return createHash("sha256").update(text).digest("hex");
}
const TEXT_MAX = 100;
const FIRST_YEAR = 1950;

export const MEMBER_LIST_FIELDS = ["name", "email", "kind", "memberSince", "termStartedOn", "ward", "partyGroup", "committees"] as const;
export type MemberListField = (typeof MEMBER_LIST_FIELDS)[number];

/** A key of "upload.problems" in the council catalogue: the route words it in the officer's language. */
export type MemberListProblemCode = keyof (typeof councilWords)["upload"]["problems"];

/** `line`: as a text editor numbers the file, headings on line 1; null for the file as a whole. */
export type MemberListProblem = {
  line: number | null;
  field: MemberListField | null;
  code: MemberListProblemCode;
  params?: Record<string, string | number>;
};

export type MemberListRow = {
  line: number;
  name: string;
  email: string;
  kind: MembershipKind;
  memberSince: Date | null;
  termStartedOn: Date | null;
  ward: string | null;
  partyGroup: string | null;
  committees: { committeeId: string; name: string; role: CommitteeRole }[];
};

export type MemberListOutcome = "new" | "added" | "updated" | "unchanged";

// ---------------------------------------------------------------- reading the file

/** Headings and words compared loosely: case, spaces, punctuation and accents aside ("E-bost", "Grwp gwleidyddol"). */
function looseKey(text: string) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function lookup<T>(entries: [T, string[]][]) {
  return new Map(entries.flatMap(([value, words]) => words.map((word) => [looseKey(word), value] as const)));
}

/** The headings each column may have, in English and Welsh. */
const HEADINGS = lookup<MemberListField>([
  ["name", ["name", "full name", "enw", "enw llawn"]],
  ["email", ["email", "email address", "e-bost", "cyfeiriad e-bost"]],
  ["kind", ["kind", "kind of member", "type of member", "math", "math o aelod"]],
  ["memberSince", ["first elected", "first elected or appointed", "appointed", "member since", "etholwyd gyntaf", "aelod ers"]],
  ["termStartedOn", ["term start", "term started", "dechrau'r tymor"]],
  ["ward", ["ward", "division", "electoral division", "adran etholiadol"]],
  ["partyGroup", ["party group", "party", "political group", "grŵp gwleidyddol", "grŵp", "plaid"]],
  ["committees", ["committees", "committee", "pwyllgorau", "pwyllgor"]],
]);

const KINDS = lookup<MembershipKind>([
  ["elected", ["elected", "councillor", "elected councillor", "etholedig", "cynghorydd", "cynghorydd etholedig"]],
  ["co-opted", ["co-opted", "coopted", "co-opted member", "cyfetholedig", "aelod cyfetholedig"]],
  ["lay", ["lay", "lay member", "lleyg", "aelod lleyg"]],
]);

/** "Planning (substitute)", "Licensing (sub)", "Cynllunio (dirprwy)": a substitute's seat. */
const SUBSTITUTE = /\(\s*(substitute|sub|dirprwy)\s*\)$/i;

type CsvRecord = { line: number; cells: string[] };

/** What csv-parse returns for each record with `info: true` (its types say string[] whatever the options). */
function isRecordWithInfo(value: unknown): value is { record: string[]; info: { lines: number } } {
  return (
    typeof value === "object" &&
    value !== null &&
    "record" in value &&
    Array.isArray(value.record) &&
    "info" in value &&
    typeof value.info === "object" &&
    value.info !== null &&
    "lines" in value.info &&
    typeof value.info.lines === "number"
  );
}

/**
 * Excel writes CSV with the list separator of the computer's region: a comma in the UK, a semicolon in much of
 * Europe. The headings say which, as no heading holds either. One separator per file, so a comma file's cell of
 * committees "Planning; Licensing", which Excel does not quote, stays one cell.
 */
function separatorOf(lines: string[]) {
  const headings = lines.find((line) => line.trim() !== "") ?? "";
  return headings.includes(";") && !headings.includes(",") ? ";" : ",";
}

/** The file's records, each with the line it starts on; or the line near which it stops being CSV. */
function readCsv(text: string): { status: "read"; records: CsvRecord[] } | { status: "unreadable"; line: number } {
  // One kind of line end: csv-parse counts a CRLF inside a quoted cell as two lines.
  const normalised = text.replace(/\r\n?/g, "\n");
  const lines = normalised.split("\n");
  let lastLine = 0;
  let output: unknown[];
  try {
    output = parse(normalised, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter: separatorOf(lines),
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The record after the last one read, at its first line that is not blank.
    let line = lastLine + 1;
    while (line < lines.length && lines[line - 1].trim() === "") line++;
    return { status: "unreadable", line };
  }
  const records = output.map((value) => {
    if (!isRecordWithInfo(value)) throw new Error("csv-parse returned a record without its info");
    // info.lines is the record's last line: a quoted cell may hold line breaks.
    const breaks = value.record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: value.info.lines - breaks, cells: value.record };
  });
  return { status: "read", records };
}

/** One line of text: NFC, and any run of spaces, tabs or line breaks as one space. */
function oneLine(text: string) {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** "2026-05-07", "7/5/2026" or "07/05/2026" (day first, as Excel writes dates in the UK) at UTC midnight; null if not a date. */
function calendarDate(text: string) {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : uk ? [uk[3], uk[2], uk[1]].map(Number) : [];
  if (year === undefined) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31/02/2026 would roll over into March: it is not a date.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

type Committee = { id: string; name: string };

/** One line of the list as read, before it is compared with the database. `kind` null: the cell was blank. */
type Draft = Omit<MemberListRow, "kind"> & { kind: MembershipKind | null; problems: MemberListProblem[]; dateProblem: boolean };

function readRow(
  { line, cells }: CsvRecord,
  columns: Map<MemberListField, number>,
  committees: Map<string, Committee>,
  today: Date,
): Draft {
  const problems: MemberListProblem[] = [];
  const problem = (field: MemberListField, code: MemberListProblemCode, params?: MemberListProblem["params"]) =>
    problems.push({ line, field, code, ...(params ? { params } : {}) });
  const cell = (field: MemberListField) => {
    const index = columns.get(field);
    return index === undefined ? "" : (cells[index] ?? "");
  };

  const name = oneLine(cell("name"));
  const namePlain = NameSchema.safeParse(name);
  if (name === "") problem("name", "nameMissing");
  else if (!namePlain.success) {
    const tooLong = namePlain.error.issues.find((issue) => issue.code === "too_big");
    if (tooLong) problem("name", "nameTooLong", { maximum: Number(tooLong.maximum) });
    else problem("name", "nameNotPlain");
  }

  const typedEmail = cell("email").trim();
  const email = EmailSchema.safeParse(typedEmail);
  if (typedEmail === "") problem("email", "emailMissing");
  else if (!email.success) problem("email", "emailInvalid", { value: typedEmail });

  const typedKind = oneLine(cell("kind"));
  const kind = typedKind === "" ? null : (KINDS.get(looseKey(typedKind)) ?? null);
  if (typedKind !== "" && !kind) problem("kind", "kindUnknown", { value: typedKind });

  let dateProblem = false;
  const date = (field: "memberSince" | "termStartedOn") => {
    const typed = oneLine(cell(field));
    if (typed === "") return null;
    const value = calendarDate(typed);
    dateProblem ||= !value || value > today || value.getUTCFullYear() < FIRST_YEAR;
    if (!value) problem(field, "dateInvalid", { value: typed, column: field });
    else if (value > today) problem(field, "dateFuture", { column: field });
    else if (value.getUTCFullYear() < FIRST_YEAR) problem(field, "dateTooEarly", { column: field, year: FIRST_YEAR });
    return value;
  };
  const memberSince = date("memberSince");
  const termStartedOn = date("termStartedOn");

  const text = (field: "ward" | "partyGroup") => {
    const value = oneLine(cell(field));
    if (value.length > TEXT_MAX) problem(field, "textTooLong", { column: field, maximum: TEXT_MAX });
    return value || null;
  };
  const ward = text("ward");
  const partyGroup = text("partyGroup");

  const seats = new Map<string, MemberListRow["committees"][number]>();
  for (const listed of cell("committees").split(/[;\n]/)) {
    const typed = oneLine(listed);
    if (typed === "") continue;
    const role: CommitteeRole = SUBSTITUTE.test(typed) ? "substitute" : "member";
    const committeeName = typed.replace(SUBSTITUTE, "").trim();
    const committee = committees.get(committeeKey(committeeName));
    if (!committee) problem("committees", "committeeUnknown", { value: committeeName || typed });
    // Listed twice: a seat as a member outranks one as a substitute.
    else if (seats.get(committee.id)?.role !== "member") seats.set(committee.id, { committeeId: committee.id, name: committee.name, role });
  }

  return {
    line,
    name,
    email: email.success ? normaliseEmail(email.data) : normaliseEmail(typedEmail),
    kind,
    memberSince,
    termStartedOn,
    ward,
    partyGroup,
    committees: [...seats.values()],
    problems,
    dateProblem,
  };
}

// ---------------------------------------------------------------- comparing it with the council's members

type Details = Pick<MemberListRow, (typeof DETAIL_FIELDS)[number]>;

async function loadCouncil(client: DbClient, councilId: string) {
  return client.council.findUniqueOrThrow({
    where: { id: councilId },
    select: { id: true, name: true, welshName: true, nation: true, committees: { select: { id: true, name: true } } },
  });
}

async function loadMemberships(client: DbClient, councilId: string) {
  return client.membership.findMany({
    where: { councilId },
    select: {
      ...MEMBERSHIP_DETAILS,
      userId: true,
      user: { select: { name: true, email: true, deactivatedAt: true } },
      committees: { select: { committeeId: true, role: true } },
    },
  });
}

type StoredMembership = Awaited<ReturnType<typeof loadMemberships>>[number];

/** What confirming does for one line. */
type Plan =
  | { outcome: "new" }
  | { outcome: "added"; userId: string }
  | {
      outcome: "updated";
      membership: StoredMembership;
      data: Partial<Details> & { confirmedAt?: Date; leftOfficeOn?: null };
      /** "kind elected → co-opted", "committee Planning: substitute → member" */
      changes: string[];
      seats: MemberListRow["committees"];
    }
  | { outcome: "unchanged" };

type Examination = {
  problems: MemberListProblem[];
  entries: { row: MemberListRow; plan: Plan }[];
  missing: { membershipId: string; name: string; email: string }[];
  council: { name: string; welshName: string | null; nation: string };
};

function fileProblem(code: MemberListProblemCode, params?: MemberListProblem["params"]): MemberListProblem {
  return { line: null, field: null, code, ...(params ? { params } : {}) };
}

const REQUIRED_FIELDS: MemberListField[] = ["name", "email"];

/** Reads the list and compares it with the council's members, through `client` (the transaction, when applying). */
async function examine(client: DbClient, { councilId, text }: { councilId: string; text: string }): Promise<Examination> {
  const council = await loadCouncil(client, councilId);
  const nothing = (problems: MemberListProblem[]): Examination => ({ problems, entries: [], missing: [], council });

  const csv = readCsv(text);
  if (csv.status === "unreadable") return nothing([{ line: csv.line, field: null, code: "unreadable", params: { line: csv.line } }]);
  // Excel writes a blank row as a line of separators: a line of empty cells is no member.
  const [headings, ...records] = csv.records.filter((record) => record.cells.some((cell) => cell !== ""));
  if (!headings) return nothing([fileProblem("noRows")]);
  const columns = new Map<MemberListField, number>();
  headings.cells.forEach((heading, index) => {
    const field = HEADINGS.get(looseKey(heading));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  const problems: MemberListProblem[] = [];
  const absent = REQUIRED_FIELDS.filter((field) => !columns.has(field));
  if (absent.length > 0) problems.push(fileProblem("missingColumns", { columns: absent.join(", ") }));
  if (records.length === 0) problems.push(fileProblem("noRows"));
  if (records.length > MEMBER_LIST_MAX_ROWS) problems.push(fileProblem("tooManyRows", { maximum: MEMBER_LIST_MAX_ROWS }));
  if (problems.length > 0) return nothing(problems);

  const committees = new Map(council.committees.map((committee) => [committeeKey(committee.name), committee]));
  const today = ukToday();
  const drafts = records.map((record) => readRow(record, columns, committees, today));

  const firstLine = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.problems.some((problem) => problem.field === "email")) continue;
    const other = firstLine.get(draft.email);
    if (other === undefined) firstLine.set(draft.email, draft.line);
    else draft.problems.push({ line: draft.line, field: "email", code: "emailDuplicate", params: { otherLine: other } });
  }

  const [users, memberships] = await Promise.all([
    client.user.findMany({ where: { email: { in: [...firstLine.keys()] } }, select: { id: true, email: true, role: true } }),
    loadMemberships(client, councilId),
  ]);
  const userByEmail = new Map(users.map((user) => [user.email, user]));
  const membershipByEmail = new Map(memberships.map((membership) => [membership.user.email, membership]));

  const entries: Examination["entries"] = [];
  for (const draft of drafts) {
    const user = userByEmail.get(draft.email);
    const membership = membershipByEmail.get(draft.email);
    if (user && user.role !== "councillor" && !draft.problems.some((problem) => problem.field === "email")) {
      draft.problems.push({ line: draft.line, field: "email", code: "emailNotMember", params: { value: draft.email } });
    }
    // What the membership will hold: the list's details where it gives them, what is stored where it does not.
    const memberSince = draft.memberSince ?? membership?.memberSince ?? null;
    const termStartedOn = draft.termStartedOn ?? membership?.termStartedOn ?? null;
    if (!draft.dateProblem && memberSince && termStartedOn && termStartedOn < memberSince) {
      draft.problems.push({ line: draft.line, field: "termStartedOn", code: "termBeforeFirst" });
    }
    if (draft.problems.length > 0) {
      problems.push(...draft.problems);
      continue;
    }
    const { problems: _, dateProblem: _date, ...rest } = draft;
    const row: MemberListRow = { ...rest, kind: draft.kind ?? (membership && isMembershipKind(membership.kind) ? membership.kind : "elected") };
    entries.push({ row, plan: !user ? { outcome: "new" } : !membership ? { outcome: "added", userId: user.id } : planUpdate(row, membership) });
  }

  const fieldOrder = (field: MemberListField | null) => (field === null ? -1 : MEMBER_LIST_FIELDS.indexOf(field));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || fieldOrder(a.field) - fieldOrder(b.field));

  const listed = new Set(drafts.map((draft) => draft.email));
  const missing = memberships
    .filter((membership) => !listed.has(membership.user.email))
    .filter((membership) => membership.confirmedAt && !membership.leftOfficeOn && !membership.user.deactivatedAt)
    .map((membership) => ({ membershipId: membership.id, name: membership.user.name, email: membership.user.email }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.email.localeCompare(b.email));

  return { problems, entries, missing, council };
}

/** For a member already on this council: what the list changes. */
function planUpdate(row: MemberListRow, membership: StoredMembership): Plan {
  const data: Extract<Plan, { outcome: "updated" }>["data"] = {};
  const changes: string[] = [];
  for (const field of DETAIL_FIELDS) {
    const [before, after] = [membership[field], row[field]];
    if (after === null || shown(before) === shown(after)) continue;
    Object.assign(data, { [field]: after });
    changes.push(`${field} ${shown(before)} → ${shown(after)}`);
  }
  const seated = new Map(membership.committees.map((seat) => [seat.committeeId, seat.role]));
  const seats = row.committees.filter((seat) => seated.get(seat.committeeId) !== seat.role);
  for (const seat of seats) changes.push(`committee ${seat.name}: ${seated.has(seat.committeeId) ? `${seated.get(seat.committeeId)} → ` : ""}${seat.role}`);
  if (!membership.confirmedAt) data.confirmedAt = new Date();
  if (membership.leftOfficeOn) data.leftOfficeOn = null;
  if (changes.length === 0 && !data.confirmedAt && data.leftOfficeOn === undefined) return { outcome: "unchanged" };
  return { outcome: "updated", membership, data, changes, seats };
}

/** What confirming would do, without writing anything. */
export async function checkMemberList({ councilId, text }: { councilId: string; text: string }): Promise<{
  problems: MemberListProblem[];
  rows: MemberListRow[];
  /**
   * Per row, what confirming does: "new" (a new account and an invitation), "added" (an existing account, e.g. a member
   * of another council, gets this council's membership — never a second account), "updated" (already this council's
   * member; some detail or committee changes, or a claim gets confirmed, or a leaver returns), "unchanged"
   */
  outcomes: { line: number; name: string; email: string; outcome: MemberListOutcome }[];
  /** This council's current members (confirmed, not left office) whose email is not in the file: the officer may mark them as having left office */
  missing: { membershipId: string; name: string; email: string }[];
}> {
  const { problems, entries, missing } = await examine(db, { councilId, text });
  return {
    problems,
    rows: entries.map((entry) => entry.row),
    outcomes: entries.map(({ row, plan }) => ({ line: row.line, name: row.name, email: row.email, outcome: plan.outcome })),
    missing,
  };
}

// ---------------------------------------------------------------- applying it

/** Prisma's codes for a write another request got to first: a unique key taken, a row gone, a write conflict or deadlock. */
function isChangedMeanwhile(error: unknown) {
  return isUniqueViolation(error) || (typeof error === "object" && error !== null && "code" in error && (error.code === "P2025" || error.code === "P2034"));
}

function appointedOn(details: { memberSince: Date | null; termStartedOn: Date | null }) {
  return details.termStartedOn ?? details.memberSince ?? ukToday();
}

function describeAdded(row: MemberListRow) {
  const seats = row.committees.map((seat) => `${seat.name} (${seat.role})`).join(", ");
  return `${row.kind} member, from the uploaded list${seats ? `; committees ${seats}` : ""}`;
}

function known<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Not written: ${String(key)}`);
  return value;
}

const BATCH = 500;

/** Inserts in statements of BATCH rows at most, within the database's limit on a statement's parameters. */
async function inBatches<T, R>(items: T[], write: (batch: T[]) => Promise<R[]>) {
  const written: R[] = [];
  for (let start = 0; start < items.length; start += BATCH) written.push(...(await write(items.slice(start, start + BATCH))));
  return written;
}

/**
 * Checks the list again (an earlier preview is never trusted) and, when it has no problems, applies it in one
 * transaction: new accounts with their invitations, memberships, committee seats, the leavers the officer ticked, and
 * the audit log. Applying the same list twice changes nothing the second time.
 */
export async function applyMemberList(
  {
    councilId,
    text,
    actorId,
    appUrl,
    leavers,
  }: { councilId: string; text: string; actorId: string; appUrl: string; leavers?: { membershipIds: string[]; leftOfficeOn: Date } },
  origin: RequestOrigin,
): Promise<
  | { status: "problems"; problems: MemberListProblem[] }
  | { status: "applied"; created: number; added: number; updated: number; unchanged: number; left: number }
> {
  try {
    return await db.$transaction(
      async (tx) => {
        const { problems, entries, missing, council } = await examine(tx, { councilId, text });
        if (problems.length > 0) return { status: "problems", problems } as const;
        const now = new Date();
        const events: AuditEventInput[] = [];
        const event = (type: AuditEventInput["type"], row: MemberListRow, userId: string, detail: string) =>
          events.push({ type, userId, actorId, email: row.email, detail: `${council.name}: ${detail}` });

        // New people's accounts, then their memberships and those of people with an account already (no second one).
        const fresh = entries.filter((entry) => entry.plan.outcome === "new").map((entry) => entry.row);
        const accounts = await inBatches(fresh, (batch) =>
          tx.user.createManyAndReturn({
            data: batch.map((row) => ({ name: row.name, email: row.email, role: "councillor" })),
            select: { id: true, email: true },
          }),
        );
        const userIds = new Map(accounts.map((account) => [account.email, account.id]));
        for (const { row, plan } of entries) if (plan.outcome === "added") userIds.set(row.email, plan.userId);
        const userIdOf = (row: MemberListRow) => known(userIds, row.email);
        const joining = entries.filter((entry) => entry.plan.outcome === "new" || entry.plan.outcome === "added").map((entry) => entry.row);
        const memberships = await inBatches(joining, (batch) =>
          tx.membership.createManyAndReturn({
            data: batch.map((row) => ({
              userId: userIdOf(row),
              councilId,
              kind: row.kind,
              memberSince: row.memberSince,
              termStartedOn: row.termStartedOn,
              ward: row.ward,
              partyGroup: row.partyGroup,
              confirmedAt: now,
            })),
            select: { id: true, userId: true },
          }),
        );
        const membershipIds = new Map(memberships.map((membership) => [membership.userId, membership.id]));
        const seats = joining.flatMap((row) =>
          row.committees.map((seat) => ({
            committeeId: seat.committeeId,
            membershipId: known(membershipIds, userIdOf(row)),
            role: seat.role,
            appointedOn: appointedOn(row),
          })),
        );
        await inBatches(seats, async (batch) => [await tx.committeeMembership.createMany({ data: batch })]);
        for (const row of joining) event("member-added", row, userIdOf(row), describeAdded(row));

        // An invitation to each new person, to set a password. Who they are now, as RECIPIENT would read them back: no
        // language chosen, this council's member (so a member of a council in Wales is written to in Welsh and English).
        const recipient: Recipient = { language: null, council: null, memberships: [{ council: { nation: council.nation } }] };
        for (const row of fresh) {
          const token = await issueToken({ userId: userIdOf(row), purpose: "invitation" }, tx);
          const link = `${appUrl}/invitation/${token}`;
          await enqueueEmail({ to: row.email, ...writeEmail(recipient, memberInvitation({ name: row.name, council, link })) }, tx);
        }

        let updated = 0;
        for (const { row, plan } of entries) {
          if (plan.outcome !== "updated") continue;
          const { membership, changes } = plan;
          await updateMembership(tx, plan);
          if (!membership.confirmedAt) event("membership-confirmed", row, membership.userId, "confirmed as a member, from the uploaded list");
          if (membership.leftOfficeOn) event("returned-to-office", row, membership.userId, "back in office, from the uploaded list");
          if (changes.length > 0) event("membership-changed", row, membership.userId, changes.join("; "));
          updated++;
        }

        let left = 0;
        if (leavers) {
          const leaving = new Set(leavers.membershipIds);
          for (const { membershipId } of missing.filter((member) => leaving.has(member.membershipId))) {
            const outcome = await markLeftOffice({ councilId, membershipId, actorId, leftOfficeOn: leavers.leftOfficeOn }, origin, tx);
            if (outcome.status === "left") left++;
          }
        }

        const counts = { created: fresh.length, added: joining.length - fresh.length, updated, unchanged: entries.length - joining.length - updated, left };
        // A list that changes nothing leaves no trace: uploading the same list twice is the same as once.
        if (events.length > 0 || left > 0) {
          const detail = `${counts.created} new, ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${left} left office`;
          events.push({ type: "member-list-uploaded", actorId, detail: `${council.name}: ${detail}` });
        }
        await recordAudits(events, origin, tx);
        return { status: "applied", ...counts } as const;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Another upload (or an officer's edit) wrote the same members first: nothing of this one was written.
    if (isChangedMeanwhile(error)) return { status: "problems", problems: [fileProblem("changedMeanwhile")] };
    throw error;
  }
}

/** Writes only what differs for a member already on the council: an unchanged membership keeps its updatedAt. */
async function updateMembership(tx: DbClient, { membership, data, seats }: Extract<Plan, { outcome: "updated" }>) {
  if (Object.keys(data).length > 0) await tx.membership.update({ where: { id: membership.id }, data, select: { id: true } });
  const held = new Set(membership.committees.map((seat) => seat.committeeId));
  const dates = { memberSince: data.memberSince ?? membership.memberSince, termStartedOn: data.termStartedOn ?? membership.termStartedOn };
  for (const seat of seats) {
    // A seat they already hold keeps its date: only the role changes.
    if (held.has(seat.committeeId)) {
      const key = { committeeId_membershipId: { committeeId: seat.committeeId, membershipId: membership.id } };
      await tx.committeeMembership.update({ where: key, data: { role: seat.role }, select: { id: true } });
    } else {
      await tx.committeeMembership.create({
        data: { committeeId: seat.committeeId, membershipId: membership.id, role: seat.role, appointedOn: appointedOn(dates) },
        select: { id: true },
      });
    }
  }
}
