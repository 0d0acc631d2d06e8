// One person's learning record as My learning and the module page read it: their memberships, what their
// councils require and the exemptions granted, the training that meets it (modules completed, checks passed
// again, courses attended, training recorded by a council), enrolments, bookings, development reviews and
// the courses that await their feedback.
// All of it is one plain SQL query, each kind of record a branch of a UNION ALL in shared columns. Prisma 6
// compiles each of its own queries on the main thread (its query compiler, in WebAssembly) and splits a
// nested select into a statement per relation: read that way, the home page took 10 queries and over 20 ms
// of the server's time. Works the same on SQLite and PostgreSQL (dates and flags are read back as either
// gives them). Only what these pages show or the rules need: never scores, reflections or documents' bytes.
import type { Prisma } from "@prisma/client";
import { ACTIVE } from "~/courses/rules";
import { db, sql, sqlJoin, sqlRaw } from "~/utils/db.server";

type Sql = Prisma.Sql;
type ColumnType = "text" | "int" | "time";
type Column = { type: ColumnType; nullable: boolean; expr: Sql };

const text = (expr: Sql) => ({ type: "text", nullable: false, expr }) as const;
const textOrNull = (expr: Sql) => ({ type: "text", nullable: true, expr }) as const;
const int = (expr: Sql) => ({ type: "int", nullable: false, expr }) as const;
const intOrNull = (expr: Sql) => ({ type: "int", nullable: true, expr }) as const;
const time = (expr: Sql) => ({ type: "time", nullable: false, expr }) as const;
const timeOrNull = (expr: Sql) => ({ type: "time", nullable: true, expr }) as const;

/** A flag as 1 or 0 (SQLite keeps booleans as integers, PostgreSQL as booleans). */
const flag = (expr: Sql) => int(sql`CASE WHEN ${expr} THEN 1 ELSE 0 END`);

// What each kind of record reads. Table aliases are those of its FROM clause below.
const COLUMNS = {
  /** Every membership they have (counted: current and confirmed, on an account in use: COUNTED_MEMBER) */
  membership: {
    id: text(sql`m."id"`),
    councilId: text(sql`m."councilId"`),
    councilName: text(sql`c."name"`),
    councilWelshName: textOrNull(sql`c."welshName"`),
    partyGroup: textOrNull(sql`m."partyGroup"`),
    kind: text(sql`m."kind"`),
    userName: text(sql`u."name"`),
    userEmail: text(sql`u."email"`),
    counted: flag(sql`m."leftOfficeOn" IS NULL AND m."confirmedAt" IS NOT NULL AND u."deactivatedAt" IS NULL`),
    leftOfficeOn: timeOrNull(sql`m."leftOfficeOn"`),
    confirmedAt: timeOrNull(sql`m."confirmedAt"`),
    memberSince: timeOrNull(sql`m."memberSince"`),
    termStartedOn: timeOrNull(sql`m."termStartedOn"`),
    createdAt: time(sql`m."createdAt"`),
  },
  /** Their seats on committees */
  seat: {
    membershipId: text(sql`s."membershipId"`),
    committeeId: text(sql`s."committeeId"`),
    role: text(sql`s."role"`),
    appointedOn: time(sql`s."appointedOn"`),
  },
  /** The requirements in force at the councils they sit on */
  requirement: {
    id: text(sql`r."id"`),
    councilId: text(sql`r."councilId"`),
    name: textOrNull(sql`r."name"`),
    moduleId: textOrNull(sql`r."moduleId"`),
    courseTopic: textOrNull(sql`r."courseTopic"`),
    audience: text(sql`r."audience"`),
    committeeId: textOrNull(sql`r."committeeId"`),
    committeeName: textOrNull(sql`k."name"`),
    dueRule: text(sql`r."dueRule"`),
    dueWithinDays: intOrNull(sql`r."dueWithinDays"`),
    validForMonths: intOrNull(sql`r."validForMonths"`),
    earlierWithinMonths: intOrNull(sql`r."earlierWithinMonths"`),
    blocksSitting: flag(sql`r."blocksSitting"`),
    electedOnOrAfter: timeOrNull(sql`r."electedOnOrAfter"`),
    dueOn: timeOrNull(sql`r."dueOn"`),
    createdAt: time(sql`r."createdAt"`),
  },
  /** Requirements that name them among the members chosen */
  chosen: {
    requirementId: text(sql`x."requirementId"`),
    membershipId: text(sql`x."membershipId"`),
  },
  exemption: {
    requirementId: text(sql`x."requirementId"`),
    membershipId: text(sql`x."membershipId"`),
    reason: text(sql`x."reason"`),
    approvedBy: text(sql`x."approvedBy"`),
    evidenceFileId: textOrNull(sql`x."evidenceFileId"`),
    createdAt: time(sql`x."createdAt"`),
  },
  /** Modules completed: their certificates */
  completion: {
    moduleId: text(sql`c."moduleId"`),
    moduleTitle: text(sql`c."moduleTitle"`),
    completedAt: time(sql`c."completedAt"`),
  },
  /** The last time they passed each module's check (a refresher renews a completion) */
  pass: {
    moduleId: text(sql`a."moduleId"`),
    submittedAt: time(sql`MAX(a."submittedAt")`),
  },
  /** Scheduled courses the register says they attended */
  attended: {
    courseId: text(sql`k."id"`),
    title: text(sql`k."title"`),
    topic: text(sql`k."topic"`),
    moduleId: textOrNull(sql`k."moduleId"`),
    startsAt: time(sql`k."startsAt"`),
    endsAt: time(sql`k."endsAt"`),
  },
  /** Training a council recorded for them */
  recorded: {
    id: text(sql`t."id"`),
    title: text(sql`t."title"`),
    provider: text(sql`t."provider"`),
    councilId: text(sql`t."councilId"`),
    councilName: text(sql`c."name"`),
    councilWelshName: textOrNull(sql`c."welshName"`),
    requirementId: textOrNull(sql`t."requirementId"`),
    evidenceFileId: textOrNull(sql`e."id"`),
    evidenceFileName: textOrNull(sql`e."name"`),
    minutes: intOrNull(sql`t."minutes"`),
    completedOn: time(sql`t."completedOn"`),
  },
  enrolment: {
    moduleId: text(sql`n."moduleId"`),
    source: text(sql`n."source"`),
    createdAt: time(sql`n."createdAt"`),
  },
  /** Their places, offers and waiting-list entries on published courses (past ones too: the caller picks) */
  booking: {
    status: text(sql`b."status"`),
    courseId: text(sql`k."id"`),
    title: text(sql`k."title"`),
    language: text(sql`k."language"`),
    offerExpiresAt: timeOrNull(sql`b."offerExpiresAt"`),
    startsAt: time(sql`k."startsAt"`),
    endsAt: time(sql`k."endsAt"`),
  },
  /** Their annual development reviews, at every council */
  review: {
    outcome: textOrNull(sql`v."outcome"`),
    reviewer: textOrNull(sql`v."reviewer"`),
    needs: textOrNull(sql`v."needs"`),
    councilName: text(sql`c."name"`),
    councilWelshName: textOrNull(sql`c."welshName"`),
    municipalYear: int(sql`v."municipalYear"`),
    offeredOn: timeOrNull(sql`v."offeredOn"`),
    heldOn: timeOrNull(sql`v."heldOn"`),
  },
  /** Courses they attended (per the register) that have ended and await their feedback, for the home page's links */
  awaitingFeedback: {
    courseId: text(sql`k."id"`),
  },
  /** The council an officer works for (a person's account names at most one) */
  council: {
    id: text(sql`c."id"`),
    name: text(sql`c."name"`),
  },
} satisfies Record<string, Record<string, Column>>;

type Kind = keyof typeof COLUMNS;

/** Whose record, (for one module's page) only what bears on that module, and when (for the courses that have ended). */
type Reading = { userId: string; moduleId: string | null; now: Date };

/**
 * Where each kind of record comes from. Records hanging off a membership are read for every membership of
 * theirs; requirementsFrom (status.server.ts) keeps those of the memberships that count (a join here rather
 * than a subquery in each branch: SQLite prepares the statement afresh for every call, and that was the
 * dearest part of it).
 */
function fromClause(kind: Kind, { userId, moduleId, now }: Reading): Sql {
  const onlyModule = (column: Sql) => (moduleId === null ? sql`` : sql` AND ${column} = ${moduleId}`);
  switch (kind) {
    case "membership":
      return sql`FROM "Membership" m JOIN "Council" c ON c."id" = m."councilId" JOIN "User" u ON u."id" = m."userId" WHERE m."userId" = ${userId}`;
    case "seat":
      return sql`FROM "CommitteeMembership" s JOIN "Membership" m ON m."id" = s."membershipId" WHERE m."userId" = ${userId}`;
    case "requirement":
      return sql`FROM "Requirement" r JOIN "Membership" m ON m."councilId" = r."councilId" LEFT JOIN "Committee" k ON k."id" = r."committeeId"
        WHERE m."userId" = ${userId} AND r."removedAt" IS NULL${onlyModule(sql`r."moduleId"`)}`;
    case "chosen":
      return sql`FROM "RequirementMember" x JOIN "Membership" m ON m."id" = x."membershipId" WHERE m."userId" = ${userId}`;
    case "exemption":
      return sql`FROM "Exemption" x JOIN "Membership" m ON m."id" = x."membershipId" WHERE m."userId" = ${userId}`;
    case "completion":
      return sql`FROM "ModuleCompletion" c WHERE c."userId" = ${userId}${onlyModule(sql`c."moduleId"`)}`;
    case "pass":
      return sql`FROM "KnowledgeCheckAttempt" a WHERE a."userId" = ${userId} AND a."passed" AND a."submittedAt" IS NOT NULL${onlyModule(sql`a."moduleId"`)} GROUP BY a."moduleId"`;
    case "attended":
      // for one module: the courses that go with it, and those on a topic that a requirement of that module names
      return sql`FROM "Booking" b JOIN "Course" k ON k."id" = b."courseId"
        WHERE b."userId" = ${userId} AND b."status" = 'confirmed' AND b."attendance" = 'attended' AND k."status" = 'published'${
          moduleId === null ? sql`` : sql` AND (k."moduleId" = ${moduleId} OR k."topic" IN (SELECT "courseTopic" FROM "Requirement" WHERE "moduleId" = ${moduleId}))`
        }`;
    case "recorded":
      // for one module: training recorded against a requirement of that module
      return sql`FROM "RecordedTraining" t JOIN "Council" c ON c."id" = t."councilId" LEFT JOIN "EvidenceFile" e ON e."id" = t."evidenceFileId"
        WHERE t."userId" = ${userId}${moduleId === null ? sql`` : sql` AND t."requirementId" IN (SELECT "id" FROM "Requirement" WHERE "moduleId" = ${moduleId})`}`;
    case "enrolment":
      return sql`FROM "Enrolment" n WHERE n."userId" = ${userId}${onlyModule(sql`n."moduleId"`)}`;
    case "booking":
      return sql`FROM "Booking" b JOIN "Course" k ON k."id" = b."courseId"
        WHERE b."userId" = ${userId} AND b."status" IN (${sqlJoin(ACTIVE)}) AND k."status" = 'published'`;
    case "awaitingFeedback":
      return sql`FROM "Booking" b JOIN "Course" k ON k."id" = b."courseId"
        WHERE b."userId" = ${userId} AND b."status" = 'confirmed' AND b."attendance" = 'attended' AND k."status" = 'published' AND k."endsAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "CourseFeedback" f WHERE f."courseId" = k."id" AND f."userId" = ${userId})`;
    case "review":
      return sql`FROM "DevelopmentReview" v JOIN "Membership" m ON m."id" = v."membershipId" JOIN "Council" c ON c."id" = m."councilId" WHERE m."userId" = ${userId}`;
    case "council":
      return sql`FROM "User" u JOIN "Council" c ON c."id" = u."councilId" WHERE u."id" = ${userId}`;
  }
}

// Each kind's columns go into the shared ones in order, by type: text t1, t2..., integers n1..., times d1...
const PREFIX = { text: "t", int: "n", time: "d" } as const;
const SQL_TYPE = { text: "TEXT", int: "INTEGER", time: "TIMESTAMP" } as const;
const slotsOf = (columns: Record<string, Column>) => {
  const used = { text: 0, int: 0, time: 0 };
  return Object.entries(columns).map(([field, column]) => ({ field, column, slot: `${PREFIX[column.type]}${++used[column.type]}` }));
};
const SLOTS = Object.fromEntries(Object.entries(COLUMNS).map(([kind, columns]) => [kind, slotsOf(columns)])) as Record<Kind, ReturnType<typeof slotsOf>>;
const WIDTH = { text: 0, int: 0, time: 0 };
for (const columns of Object.values(COLUMNS)) {
  for (const type of ["text", "int", "time"] as const) WIDTH[type] = Math.max(WIDTH[type], Object.values(columns).filter((c: Column) => c.type === type).length);
}
const ALL_SLOTS = (["text", "int", "time"] as const).flatMap((type) => Array.from({ length: WIDTH[type] }, (_, i) => ({ type, slot: `${PREFIX[type]}${i + 1}` })));

/** The first branch names and types every shared column (and has no rows): the other branches follow its types. */
const HEADER = sql`SELECT CAST(NULL AS TEXT) AS "kind", ${sqlJoin(ALL_SLOTS.map(({ type, slot }) => sqlRaw(`CAST(NULL AS ${SQL_TYPE[type]}) AS "${slot}"`)))} WHERE 1 = 0`;

function branch(kind: Kind, reading: Reading): Sql {
  const bySlot = new Map(SLOTS[kind].map(({ slot, column }) => [slot, column.expr]));
  const values = ALL_SLOTS.map(({ slot }) => bySlot.get(slot) ?? sqlRaw("NULL"));
  return sql`SELECT ${sqlRaw(`'${kind}'`)}, ${sqlJoin(values)} ${fromClause(kind, reading)}`;
}

type ValueOf<C extends Column> = C["type"] extends "text" ? string : C["type"] extends "int" ? number : Date;
type RecordOf<K extends Kind> = { [F in keyof (typeof COLUMNS)[K]]: (typeof COLUMNS)[K][F] extends Column ? ((typeof COLUMNS)[K][F]["nullable"] extends true ? ValueOf<(typeof COLUMNS)[K][F]> | null : ValueOf<(typeof COLUMNS)[K][F]>) : never };
export type LearningRecord<K extends Kind = Kind> = { [Key in K]: RecordOf<Key>[] };

type Row = { kind: Kind } & Record<string, unknown>;

function valueOf(type: ColumnType, value: unknown) {
  if (value === null || value === undefined) return null;
  if (type === "int") return Number(value);
  if (type === "time") return value instanceof Date ? value : new Date(String(value));
  return String(value);
}

// The statement's text is the same for every person: it is put together once per set of kinds, with stand-ins
// for the person, the module and the time, and each call only puts their values in.
const PERSON = "\u0000person";
const MODULE = "\u0000module";
const NOW = new Date(0); // told apart from the time given by being this very object
const statements = new Map<string, Sql>();

function statementFor(kinds: readonly Kind[], { userId, moduleId, now }: Reading): Sql {
  const key = `${kinds.join()}|${moduleId === null ? "" : "module"}`;
  let template = statements.get(key);
  if (!template) {
    const standIns = { userId: PERSON, moduleId: moduleId === null ? null : MODULE, now: NOW };
    template = sqlJoin([HEADER, ...kinds.map((kind) => branch(kind, standIns))], " UNION ALL ");
    statements.set(key, template);
  }
  return sql(template.strings, ...template.values.map((value) => (value === PERSON ? userId : value === MODULE ? moduleId : value === NOW ? now : value)));
}

async function read<K extends Kind>(kinds: readonly K[], reading: Reading): Promise<LearningRecord<K>> {
  const rows = await db.$queryRaw<Row[]>(statementFor(kinds, reading));
  const record = Object.fromEntries(kinds.map((kind) => [kind, []])) as unknown as Record<K, Record<string, unknown>[]>;
  for (const row of rows) {
    const parsed: Record<string, unknown> = {};
    for (const { field, slot, column } of SLOTS[row.kind]) parsed[field] = valueOf(column.type, row[slot]);
    record[row.kind as K].push(parsed);
  }
  return record as unknown as LearningRecord<K>;
}

const REQUIREMENT_KINDS = ["membership", "seat", "requirement", "chosen", "exemption", "completion", "pass", "attended", "recorded"] as const;
const ALL_KINDS = [...REQUIREMENT_KINDS, "enrolment", "booking", "review", "awaitingFeedback", "council"] as const;

/** Everything My learning shows of a person, and what their councils' requirements are checked against; `now` tells which courses have ended. */
export function learningRecordOf(userId: string, now = new Date()) {
  return read(ALL_KINDS, { userId, moduleId: null, now });
}

/** The courses a person attended that have ended and await their feedback (an officer's home: a councillor's come with their record). */
export async function coursesAwaitingFeedback(userId: string, now = new Date()) {
  return feedbackDue((await read(["awaitingFeedback"], { userId, moduleId: null, now })).awaitingFeedback);
}

/** The ids a home page links to give feedback, at most 500. */
export function feedbackDue(awaiting: { courseId: string }[]) {
  return awaiting.slice(0, 500).map((course) => course.courseId);
}

/**
 * What bears on one module for a person: the requirements naming it at their councils, with the training that
 * could meet those (the module, courses on their topics, training recorded against them), their enrolment, and
 * the courses they attended that go with the module.
 */
export function moduleRecordOf(userId: string, moduleId: string) {
  return read([...REQUIREMENT_KINDS, "enrolment"], { userId, moduleId, now: new Date() });
}

export type RequirementRecord = LearningRecord<(typeof REQUIREMENT_KINDS)[number]>;
