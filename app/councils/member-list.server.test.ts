// An officer uploads the council's list of members as CSV: every problem by its line, a preview of what confirming
// does, and confirming writes it all or nothing.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { addMembership, createCouncil, createUser } from "../../tests/factories";
import { refuseAuditEventsAbout } from "../../tests/faults";
import { emailedTokens } from "../../tests/outbox";
import { checkToken } from "~/models/user-token.server";
import { db } from "~/utils/db.server";
import { applyMemberList, checkMemberList, MEMBER_LIST_MAX_ROWS } from "./member-list.server";

const APP_URL = "https://le.test";
const origin = { ip: "192.0.2.17", userAgent: "Vitest" };
const HEADINGS = "Name,Email,Kind,First elected,Term start,Ward,Party group,Committees";

function tag() {
  return randomBytes(4).toString("hex");
}

function day(iso: string) {
  return new Date(`${iso}T00:00:00Z`);
}

/** A council with its officer and committees, and the addresses of a list's members, unique to the test. */
async function councilWithOfficer(options: Parameters<typeof createCouncil>[0] = {}, committees = ["Planning", "Licensing"]) {
  const council = await createCouncil(options);
  const officer = await createUser({ role: "officer", councilId: council.id });
  const made = [];
  for (const name of committees) made.push(await db.committee.create({ data: { councilId: council.id, name } }));
  const id = tag();
  const address = (who: string) => `${who}.${id}@example.org`;
  return { council, officer, committees: made, address };
}

function apply(councilId: string, officerId: string, text: string, leavers?: { membershipIds: string[]; leftOfficeOn: Date }) {
  return applyMemberList({ councilId, text, actorId: officerId, appUrl: APP_URL, leavers }, origin);
}

/** What an upload can write, for checking that nothing was. */
async function footprint(councilId: string, officerId: string, emails: string[]) {
  return {
    users: await db.user.count({ where: { email: { in: emails } } }),
    memberships: await db.membership.count({ where: { councilId } }),
    seats: await db.committeeMembership.count({ where: { membership: { councilId } } }),
    emails: await db.emailMessage.count({ where: { to: { in: emails } } }),
    tokens: await db.userToken.count({ where: { user: { email: { in: emails } } } }),
    audit: await db.auditEvent.count({ where: { actorId: officerId } }),
  };
}

test("a list saved in Welsh by Excel, with a byte order mark, CRLF line ends and semicolons, is read right", async () => {
  const { council, officer, committees, address } = await councilWithOfficer({ nation: "wales", region: "Wales" }, ["Cynllunio", "Trwyddedu"]);
  const [cynllunio, trwyddedu] = committees;
  const text =
    "\uFEFF" +
    [
      "Enw;E-bost;Math o aelod;Etholwyd gyntaf;Dechrau'r tymor;Ward;Grŵp gwleidyddol;Pwyllgorau",
      `Siân Prys;${address("Sian").toUpperCase()};Etholedig;4/5/2017;05/05/2022;Treganna;Llafur;"cynllunio; Trwyddedu (dirprwy)"`,
      `Gareth Lloyd;${address("gareth")};cyfetholedig;2023-01-09;;;;`,
      ";;;;;;;",
      // A cell over two lines, its line break a CRLF too.
      `Nia Wyn;${address("nia")};lleyg;;;;;"Trwyddedu\r\nCynllunio (dirprwy)"`,
      `Owain Rees;${address("owain")};;;;;;`,
      "",
    ].join("\r\n");

  const check = await checkMemberList({ councilId: council.id, text });
  expect(check.problems).toEqual([]);
  expect(check.rows).toEqual([
    {
      line: 2,
      name: "Siân Prys",
      email: address("sian"),
      kind: "elected",
      memberSince: day("2017-05-04"),
      termStartedOn: day("2022-05-05"),
      ward: "Treganna",
      partyGroup: "Llafur",
      committees: [
        { committeeId: cynllunio.id, name: "Cynllunio", role: "member" },
        { committeeId: trwyddedu.id, name: "Trwyddedu", role: "substitute" },
      ],
    },
    {
      line: 3,
      name: "Gareth Lloyd",
      email: address("gareth"),
      kind: "co-opted",
      memberSince: day("2023-01-09"),
      termStartedOn: null,
      ward: null,
      partyGroup: null,
      committees: [],
    },
    // The blank row Excel wrote as separators (line 4) is no member.
    expect.objectContaining({
      line: 5,
      name: "Nia Wyn",
      kind: "lay",
      committees: [
        { committeeId: trwyddedu.id, name: "Trwyddedu", role: "member" },
        { committeeId: cynllunio.id, name: "Cynllunio", role: "substitute" },
      ],
    }),
    expect.objectContaining({ line: 7, name: "Owain Rees", kind: "elected" }),
  ]);
  expect(check.outcomes.map((row) => row.outcome)).toEqual(["new", "new", "new", "new"]);
  expect(check.missing).toEqual([]);
  // A preview writes nothing.
  expect(await db.user.count({ where: { email: address("sian") } })).toBe(0);
  expect(await db.auditEvent.count({ where: { actorId: officer.id } })).toBe(0);
});

test("every problem is listed with its line and column, and a list with problems writes nothing", async () => {
  const { council, officer, address } = await councilWithOfficer();
  const text = [
    HEADINGS, // 1
    `Ann Able,${address("ann")},,,,,,`, // 2: fine
    `Bob Bell,not-an-address,,,,,,`, // 3
    `Ann Again,${address("ANN")},,,,,,`, // 4: Ann's address again
    `Cat Cole,${address("cat")},,2099-01-01,,,,`, // 5
    `Dan Dee,${address("dan")},alderman,31/02/2026,,,,"Planning; Parks (sub)"`, // 6
    `,${address("fay")},,,,,,`, // 7
    `Gus Gray,${officer.email},,,,,,`, // 8: the officer's own address
    `Hal Hunt,${address("hal")},,2022-05-05,2018-05-03,,,`, // 9
    `Ida Ince,${address("ida")},,,,"North`, // 10: a ward over two lines
    `Ward",,"Planning`, // 11
    `Parks"`, // 12
    `Jo Jay,${address("jo")},,1949-12-31,,${"W".repeat(101)},,`, // 13
    `Kit Kay,,,,,,,`, // 14
    `${"K".repeat(101)},${address("kim")},,,,,,`, // 15
    `Lee Lamb https://example.net,${address("lee")},,,,,,`, // 16
  ].join("\n");

  const check = await checkMemberList({ councilId: council.id, text });
  expect(check.problems).toEqual([
    { line: 3, field: "email", code: "emailInvalid", params: { value: "not-an-address" } },
    { line: 4, field: "email", code: "emailDuplicate", params: { otherLine: 2 } },
    { line: 5, field: "memberSince", code: "dateFuture", params: { column: "memberSince" } },
    { line: 6, field: "kind", code: "kindUnknown", params: { value: "alderman" } },
    { line: 6, field: "memberSince", code: "dateInvalid", params: { value: "31/02/2026", column: "memberSince" } },
    { line: 6, field: "committees", code: "committeeUnknown", params: { value: "Parks" } },
    { line: 7, field: "name", code: "nameMissing" },
    { line: 8, field: "email", code: "emailNotMember", params: { value: officer.email } },
    { line: 9, field: "termStartedOn", code: "termBeforeFirst" },
    { line: 10, field: "committees", code: "committeeUnknown", params: { value: "Parks" } },
    { line: 13, field: "memberSince", code: "dateTooEarly", params: { column: "memberSince", year: 1950 } },
    { line: 13, field: "ward", code: "textTooLong", params: { column: "ward", maximum: 100 } },
    { line: 14, field: "email", code: "emailMissing" },
    { line: 15, field: "name", code: "nameTooLong", params: { maximum: 100 } },
    { line: 16, field: "name", code: "nameNotPlain" },
  ]);
  // Only Ann's line can be applied as it is.
  expect(check.outcomes).toEqual([{ line: 2, name: "Ann Able", email: address("ann"), outcome: "new" }]);

  const emails = ["ann", "cat", "dan", "fay", "hal", "ida", "jo", "kim", "lee"].map(address);
  const before = await footprint(council.id, officer.id, emails);
  expect(await apply(council.id, officer.id, text)).toEqual({ status: "problems", problems: check.problems });
  expect(await footprint(council.id, officer.id, emails)).toEqual(before);
  expect(before).toEqual({ users: 0, memberships: 0, seats: 0, emails: 0, tokens: 0, audit: 0 });
});

test("a file that is not a list of members says why, for the file as a whole", async () => {
  const { council } = await councilWithOfficer();
  const problemsOf = async (text: string) => (await checkMemberList({ councilId: council.id, text })).problems;

  expect(await problemsOf("Name,Ward\nAnn Able,North")).toEqual([{ line: null, field: null, code: "missingColumns", params: { columns: "email" } }]);
  expect(await problemsOf("Ward;Party\nNorth;Green")).toEqual([
    { line: null, field: null, code: "missingColumns", params: { columns: "name, email" } },
  ]);
  expect(await problemsOf(`${HEADINGS}\r\n\r\n`)).toEqual([{ line: null, field: null, code: "noRows" }]);
  expect(await problemsOf("")).toEqual([{ line: null, field: null, code: "noRows" }]);

  const rows = Array.from({ length: MEMBER_LIST_MAX_ROWS + 1 }, (_, i) => `Member ${i},member-${i}@example.org`);
  expect(await problemsOf(["Name,Email", ...rows].join("\n"))).toEqual([
    { line: null, field: null, code: "tooManyRows", params: { maximum: MEMBER_LIST_MAX_ROWS } },
  ]);

  // A quote opened on line 3 and never closed: the file stops being CSV there.
  expect(await problemsOf('Name,Email\nAnn Able,ann@example.org\n"Bob Bell,bob@example.org\nCat Cole,cat@example.org\n')).toEqual([
    { line: 3, field: null, code: "unreadable", params: { line: 3 } },
  ]);
});

test("new members get an account with no password, a confirmed membership, their committees and one invitation each", async () => {
  const { council, officer, committees, address } = await councilWithOfficer({ name: `Northshire ${tag()} Council` });
  const [planning, licensing] = committees;
  const text = [
    HEADINGS,
    `Priya Shah,${address("priya")},Elected councillor,2019-05-02,2023-05-04,Abbey,Green,"Planning (substitute); Licensing"`,
    `Tom Reid,${address("tom")},lay member,,,,,Licensing`,
    // Excel does not quote a cell holding semicolons in a file of commas: still one cell.
    `Uma Iyer,${address("uma")},,,,,,Planning; Licensing (sub)`,
  ].join("\n");

  expect((await checkMemberList({ councilId: council.id, text })).outcomes.map((row) => row.outcome)).toEqual(["new", "new", "new"]);
  const applied = await apply(council.id, officer.id, text);
  expect(applied).toEqual({ status: "applied", created: 3, added: 0, updated: 0, unchanged: 0, left: 0 });

  const priya = await db.user.findUniqueOrThrow({
    where: { email: address("priya") },
    include: { memberships: { include: { committees: { orderBy: { role: "asc" } } } } },
  });
  expect(priya).toMatchObject({ name: "Priya Shah", role: "councillor", passwordHash: null, emailConfirmedAt: null, councilId: null, language: null });
  expect(priya.memberships).toHaveLength(1);
  expect(priya.memberships[0]).toMatchObject({
    councilId: council.id,
    kind: "elected",
    memberSince: day("2019-05-02"),
    termStartedOn: day("2023-05-04"),
    leftOfficeOn: null,
    ward: "Abbey",
    partyGroup: "Green",
    confirmedAt: expect.any(Date),
  });
  // Appointed from the start of the term.
  expect(priya.memberships[0].committees.map(({ committeeId, role, appointedOn }) => ({ committeeId, role, appointedOn }))).toEqual([
    { committeeId: licensing.id, role: "member", appointedOn: day("2023-05-04") },
    { committeeId: planning.id, role: "substitute", appointedOn: day("2023-05-04") },
  ]);
  const tom = await db.membership.findFirstOrThrow({ where: { user: { email: address("tom") } }, include: { committees: true } });
  expect(tom).toMatchObject({ kind: "lay", memberSince: null, termStartedOn: null, ward: null, partyGroup: null });
  const uma = await db.membership.findFirstOrThrow({ where: { user: { email: address("uma") } }, include: { committees: { orderBy: { role: "asc" } } } });
  expect(uma.committees.map(({ committeeId, role }) => ({ committeeId, role }))).toEqual([
    { committeeId: planning.id, role: "member" },
    { committeeId: licensing.id, role: "substitute" },
  ]);
  // No dates given: appointed today (in the UK, at UTC midnight).
  expect(Math.abs(tom.committees[0].appointedOn.getTime() - Date.now())).toBeLessThan(36 * 60 * 60_000);
  expect(tom.committees[0].appointedOn.toISOString()).toMatch(/T00:00:00\.000Z$/);

  // One invitation each, in English for a council in England, with a link that sets a password.
  for (const who of ["priya", "tom", "uma"]) {
    const messages = await db.emailMessage.findMany({ where: { to: address(who) } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ subject: "Your council has added you to Leadership Essentials", language: "en", status: "pending" });
    expect(messages[0].text).toContain(`${council.name} has added you to Leadership Essentials`);
    const tokens = await emailedTokens({ to: address(who), appUrl: APP_URL, path: "invitation" });
    expect(tokens).toHaveLength(1);
    expect(messages[0].text).toContain(`\n${APP_URL}/invitation/${tokens[0]}\n`);
    expect(await checkToken(tokens[0], "invitation")).toMatchObject({ status: "valid" });
  }
  expect(((await db.emailMessage.findFirstOrThrow({ where: { to: address("priya") } })).text)).toMatch(/^Dear Priya Shah,\n/);

  const events = await db.auditEvent.findMany({ where: { actorId: officer.id } });
  expect(events.map((event) => [event.type, event.email]).sort()).toEqual([
    ["member-added", address("priya")],
    ["member-added", address("tom")],
    ["member-added", address("uma")],
    ["member-list-uploaded", null],
  ]);
  expect(events.find((event) => event.email === address("priya"))).toMatchObject({
    userId: priya.id,
    ip: origin.ip,
    detail: `${council.name}: elected member, from the uploaded list; committees Planning (substitute), Licensing (member)`,
  });
  expect(events.find((event) => event.type === "member-list-uploaded")?.detail).toBe(`${council.name}: 3 new, 0 added, 0 updated, 0 unchanged, 0 left office`);
});

test("a new member of a council in Wales is invited in Welsh and English, Welsh first, naming the council in each language", async () => {
  const name = `Cardiff ${tag()} Council`;
  const welshName = `Cyngor Caerdydd ${tag()}`;
  const { council, officer, address } = await councilWithOfficer({ name, welshName, nation: "wales", region: "Wales" });
  await apply(council.id, officer.id, `Enw,E-bost\nRhian Owen,${address("rhian")}\n`);

  const [message] = await db.emailMessage.findMany({ where: { to: address("rhian") } });
  expect(message.language).toBe("cy en");
  expect(message.subject).toBe("Mae eich cyngor wedi eich ychwanegu at Hanfodion Arweinyddiaeth / Your council has added you to Leadership Essentials");
  const [welsh, english] = message.text.split("\n----------\n");
  expect(welsh).toContain("Annwyl Rhian Owen,");
  expect(welsh).toContain(`Mae ${welshName} wedi eich ychwanegu at Hanfodion Arweinyddiaeth`);
  expect(welsh).toContain("ymhen 7 diwrnod");
  expect(welsh).toMatch(/\/invitation\/[\w-]+\?lng=cy\n/);
  expect(english).toContain(`${name} has added you to Leadership Essentials`);
  expect(english).toContain("expires in 7 days");
});

test("someone already on another council gets this council's membership on the same account, with no email, their name kept", async () => {
  const { council, officer } = await councilWithOfficer();
  const other = await createCouncil();
  const member = await createUser({ councilId: other.id, name: "Jo Morgan", membership: { kind: "co-opted", memberSince: day("2015-05-07") } });
  const theirs = await db.membership.findUniqueOrThrow({ where: { id: member.membershipId! } });

  const text = `${HEADINGS}\nJoanna Morgan,${member.email.toUpperCase()},,2021-05-06,,Riverside,,Planning\n`;
  expect((await checkMemberList({ councilId: council.id, text })).outcomes).toEqual([
    { line: 2, name: "Joanna Morgan", email: member.email, outcome: "added" },
  ]);
  expect(await apply(council.id, officer.id, text)).toEqual({ status: "applied", created: 0, added: 1, updated: 0, unchanged: 0, left: 0 });

  expect(await db.user.count({ where: { email: member.email } })).toBe(1);
  const account = await db.user.findUniqueOrThrow({ where: { id: member.id }, include: { memberships: { include: { committees: true } } } });
  expect(account.name).toBe("Jo Morgan");
  expect(account.passwordHash).toBe(member.passwordHash);
  const ours = account.memberships.find((membership) => membership.councilId === council.id)!;
  expect(ours).toMatchObject({ kind: "elected", memberSince: day("2021-05-06"), ward: "Riverside", confirmedAt: expect.any(Date) });
  expect(ours.committees).toHaveLength(1);
  // The other council's membership is as it was.
  const { committees: _, ...stillTheirs } = account.memberships.find((membership) => membership.councilId === other.id)!;
  expect(stillTheirs).toEqual(theirs);
  expect(await db.emailMessage.count({ where: { to: member.email } })).toBe(0);
  expect(await db.userToken.count({ where: { userId: member.id } })).toBe(0);
  expect(await db.auditEvent.findMany({ where: { actorId: officer.id, userId: member.id }, select: { type: true } })).toEqual([{ type: "member-added" }]);
});

test("uploading the same list twice changes nothing the second time", async () => {
  const { council, officer, address } = await councilWithOfficer();
  const elsewhere = await createUser({ councilId: (await createCouncil()).id });
  const text = [
    HEADINGS,
    `Ann Able,${address("ann")},co-opted,2020-01-15,2024-01-15,North,Independent,"Planning; Licensing (sub)"`,
    `Bob Bell,${address("bob")},,,,,,Licensing`,
    `${elsewhere.name},${elsewhere.email},,,,,,Planning`,
  ].join("\n");
  const emails = [address("ann"), address("bob"), elsewhere.email];
  expect(await apply(council.id, officer.id, text)).toMatchObject({ status: "applied", created: 2, added: 1 });
  const before = await footprint(council.id, officer.id, emails);
  const stamps = await db.membership.findMany({ where: { councilId: council.id }, select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
  const userStamps = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });

  const again = await checkMemberList({ councilId: council.id, text });
  expect(again.problems).toEqual([]);
  expect(again.outcomes.map((row) => row.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
  expect(await apply(council.id, officer.id, text)).toEqual({ status: "applied", created: 0, added: 0, updated: 0, unchanged: 3, left: 0 });

  expect(await footprint(council.id, officer.id, emails)).toEqual(before);
  expect(await db.membership.findMany({ where: { councilId: council.id }, select: { id: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(stamps);
  expect(await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(userStamps);
});

test("a blank cell, or a column the file does not have, leaves what is stored alone", async () => {
  const { council, officer } = await councilWithOfficer();
  const member = await createUser({ councilId: council.id, membership: { kind: "lay", memberSince: day("2018-05-03"), termStartedOn: day("2022-05-05") } });
  await db.membership.update({ where: { id: member.membershipId! }, data: { ward: "Abbey", partyGroup: "Green" } });

  const stored = await db.membership.findUniqueOrThrow({ where: { id: member.membershipId! } });

  for (const text of [`${HEADINGS}\n${member.name},${member.email},,,,,,`, `Email,Name\n${member.email},${member.name}`]) {
    expect((await checkMemberList({ councilId: council.id, text })).outcomes[0].outcome).toBe("unchanged");
    expect(await apply(council.id, officer.id, text)).toMatchObject({ status: "applied", unchanged: 1 });
  }
  expect(await db.membership.findUniqueOrThrow({ where: { id: member.membershipId! } })).toEqual(stored);
  // A term start before the first election stored for them is refused too.
  const problems = (await checkMemberList({ councilId: council.id, text: `Name,Email,Term start\n${member.name},${member.email},2017-05-04` })).problems;
  expect(problems).toEqual([{ line: 2, field: "termStartedOn", code: "termBeforeFirst" }]);
});

test("the list confirms a claim made at sign-up, brings back a member who had left, and corrects details", async () => {
  const { council, officer, committees } = await councilWithOfficer();
  const [planning, licensing] = committees;
  const claimant = await createUser({ councilId: council.id, membership: { confirmed: false } });
  const returning = await createUser({ councilId: council.id, membership: { leftOfficeOn: day("2022-05-05") } });
  const moving = await createUser({ councilId: council.id, membership: { memberSince: day("2018-05-03") } });
  const seat = await db.committeeMembership.create({
    data: { committeeId: planning.id, membershipId: moving.membershipId!, role: "substitute", appointedOn: day("2019-06-01") },
  });
  const text = [
    HEADINGS,
    `${claimant.name},${claimant.email},,,,,,`,
    `${returning.name},${returning.email},,,2026-05-07,,,`,
    `${moving.name},${moving.email},Co-opted,,,Abbey,,"Planning; Licensing (substitute)"`,
  ].join("\n");

  const check = await checkMemberList({ councilId: council.id, text });
  expect(check.outcomes.map((row) => row.outcome)).toEqual(["updated", "updated", "updated"]);
  expect(await apply(council.id, officer.id, text)).toEqual({ status: "applied", created: 0, added: 0, updated: 3, unchanged: 0, left: 0 });

  expect((await db.membership.findUniqueOrThrow({ where: { id: claimant.membershipId! } })).confirmedAt).toBeInstanceOf(Date);
  expect(await db.membership.findUniqueOrThrow({ where: { id: returning.membershipId! } })).toMatchObject({ leftOfficeOn: null, termStartedOn: day("2026-05-07") });
  expect(await db.membership.findUniqueOrThrow({ where: { id: moving.membershipId! } })).toMatchObject({ kind: "co-opted", ward: "Abbey", memberSince: day("2018-05-03") });
  // Planning: now a member, from the date they were first appointed to it; Licensing: a new seat.
  expect(await db.committeeMembership.findUniqueOrThrow({ where: { id: seat.id } })).toMatchObject({ role: "member", appointedOn: day("2019-06-01") });
  expect(await db.committeeMembership.findFirstOrThrow({ where: { membershipId: moving.membershipId!, committeeId: licensing.id } })).toMatchObject({
    role: "substitute",
    appointedOn: day("2018-05-03"),
  });

  const events = await db.auditEvent.findMany({ where: { actorId: officer.id, type: { not: "member-list-uploaded" } }, select: { type: true, userId: true, detail: true } });
  expect(events).toEqual(
    expect.arrayContaining([
      { type: "membership-confirmed", userId: claimant.id, detail: `${council.name}: confirmed as a member, from the uploaded list` },
      { type: "returned-to-office", userId: returning.id, detail: `${council.name}: back in office, from the uploaded list` },
      { type: "membership-changed", userId: returning.id, detail: `${council.name}: termStartedOn none → 2026-05-07` },
      {
        type: "membership-changed",
        userId: moving.id,
        detail: `${council.name}: kind elected → co-opted; ward none → Abbey; committee Planning: substitute → member; committee Licensing: substitute`,
      },
    ]),
  );
  expect(events).toHaveLength(4);
});

test("current members not on the list are offered as leavers, and only those the officer picks are marked as having left", async () => {
  const { council, officer } = await councilWithOfficer();
  const staying = await createUser({ councilId: council.id, name: "Ann Stays" });
  const leaving = await createUser({ councilId: council.id, name: "Bob Leaves" });
  const notPicked = await createUser({ councilId: council.id, name: "Cat Unpicked" });
  await createUser({ councilId: council.id, name: "Dan Claimed", membership: { confirmed: false } });
  await createUser({ councilId: council.id, name: "Eve Left", membership: { leftOfficeOn: day("2022-05-05") } });
  const elsewhere = await createUser({ name: "Fay Elsewhere" });

  const text = `Name,Email\n${staying.name},${staying.email}\n`;
  expect((await checkMemberList({ councilId: council.id, text })).missing).toEqual([
    { membershipId: leaving.membershipId, name: "Bob Leaves", email: leaving.email },
    { membershipId: notPicked.membershipId, name: "Cat Unpicked", email: notPicked.email },
  ]);

  const leftOfficeOn = day("2026-05-08");
  const membershipIds = [leaving.membershipId!, elsewhere.membershipId!, staying.membershipId!];
  expect(await apply(council.id, officer.id, text, { membershipIds, leftOfficeOn })).toEqual({
    status: "applied",
    created: 0,
    added: 0,
    updated: 0,
    unchanged: 1,
    left: 1,
  });
  const leftOn = async (membershipId: string | null) => (await db.membership.findUniqueOrThrow({ where: { id: membershipId! } })).leftOfficeOn;
  expect(await leftOn(leaving.membershipId)).toEqual(leftOfficeOn);
  expect(await leftOn(notPicked.membershipId)).toBeNull();
  expect(await leftOn(staying.membershipId)).toBeNull();
  expect(await leftOn(elsewhere.membershipId)).toBeNull();
  const events = await db.auditEvent.findMany({ where: { actorId: officer.id }, select: { type: true, userId: true, detail: true }, orderBy: { type: "asc" } });
  expect(events).toEqual([
    { type: "left-office", userId: leaving.id, detail: `${council.name}: left office on 2026-05-08` },
    { type: "member-list-uploaded", userId: null, detail: `${council.name}: 0 new, 0 added, 0 updated, 1 unchanged, 1 left office` },
  ]);
});

test("an upload interrupted part way leaves nothing written", async () => {
  const { council, officer, address } = await councilWithOfficer();
  const elsewhere = await createUser({ councilId: (await createCouncil()).id });
  const text = [HEADINGS, `Ann Able,${address("ann")},,,,,,Planning`, `${elsewhere.name},${elsewhere.email},,,,,,`, `Cat Cole,${address("cat")},,,,,,`].join("\n");
  const emails = [address("ann"), elsewhere.email, address("cat")];
  const before = await footprint(council.id, officer.id, emails);

  // The database refuses the last line's audit event: every write before it must go too.
  const allow = await refuseAuditEventsAbout(address("cat"));
  try {
    await expect(apply(council.id, officer.id, text)).rejects.toThrow();
  } finally {
    await allow();
  }
  expect(await footprint(council.id, officer.id, emails)).toEqual(before);
  expect(await db.membership.count({ where: { userId: elsewhere.id } })).toBe(1);

  // Once the fault is gone, the same list applies whole.
  expect(await apply(council.id, officer.id, text)).toMatchObject({ status: "applied", created: 2, added: 1 });
});

test("two uploads of the same new list at once make one account and one membership per person", async () => {
  const { council, officer, address } = await councilWithOfficer();
  const people = ["ann", "bob", "cat", "dan", "eve"];
  const text = ["Name,Email,Committees", ...people.map((who) => `${who} Member,${address(who)},Planning`)].join("\n");

  const outcomes = await Promise.all([apply(council.id, officer.id, text), apply(council.id, officer.id, text)]);
  for (const outcome of outcomes) {
    expect([
      { status: "applied", created: 5, added: 0, updated: 0, unchanged: 0, left: 0 },
      { status: "applied", created: 0, added: 0, updated: 0, unchanged: 5, left: 0 },
      { status: "problems", problems: [{ line: null, field: null, code: "changedMeanwhile" }] },
    ]).toContainEqual(outcome);
  }
  expect(outcomes.filter((outcome) => outcome.status === "applied" && outcome.created === 5)).toHaveLength(1);
  for (const who of people) {
    expect(await db.user.count({ where: { email: address(who) } })).toBe(1);
    expect(await db.membership.count({ where: { councilId: council.id, user: { email: address(who) } } })).toBe(1);
    expect(await db.emailMessage.count({ where: { to: address(who) } })).toBe(1);
  }
  expect(await db.committeeMembership.count({ where: { membership: { councilId: council.id } } })).toBe(5);
});

test("a list of 200 members applies in a few seconds", async () => {
  const { council, officer, address } = await councilWithOfficer({}, ["Planning", "Licensing", "Audit", "Standards"]);
  // A quarter already sit on another council.
  const others = await createCouncil();
  const existing: Awaited<ReturnType<typeof createUser>>[] = [];
  for (let i = 0; i < 50; i++) existing.push(await createUser({ councilId: others.id }));
  await addMembership({ userId: existing[0].id, councilId: council.id });
  const lines = Array.from({ length: 200 }, (_, i) => {
    const email = i < 50 ? existing[i].email : address(`member${i}`);
    return `Member ${i},${email},elected,2019-05-02,2023-05-04,Ward ${i % 20},Group ${i % 4},"Planning; Licensing (sub); Audit"`;
  });
  const text = [HEADINGS, ...lines].join("\r\n");

  const started = performance.now();
  const check = await checkMemberList({ councilId: council.id, text });
  const checked = performance.now();
  const applied = await apply(council.id, officer.id, text);
  const finished = performance.now();
  console.log(`200 rows: checked in ${Math.round(checked - started)} ms, applied in ${Math.round(finished - checked)} ms`);

  expect(check.problems).toEqual([]);
  expect(applied).toEqual({ status: "applied", created: 150, added: 49, updated: 1, unchanged: 0, left: 0 });
  expect(finished - checked).toBeLessThan(15_000);
  expect(await db.membership.count({ where: { councilId: council.id } })).toBe(200);
  expect(await db.committeeMembership.count({ where: { membership: { councilId: council.id } } })).toBe(600);
  expect(await db.emailMessage.count({ where: { to: { startsWith: "member" }, text: { contains: council.name } } })).toBe(150);
});
