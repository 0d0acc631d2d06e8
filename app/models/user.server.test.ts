import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { addMembership, createCouncil, createUser, TEST_PASSWORD } from "../../tests/factories";
import { listMembers } from "~/councils/membership.server";
import { db } from "~/utils/db.server";
import { emailedTokens } from "../../tests/outbox";
import { readSession, startSession } from "~/utils/session.server";
import { setPasswordWithToken, signIn } from "./account.server";
import {
  changeRoleAndCouncil,
  createOfficer,
  deactivateUser,
  findUserIdByEmail,
  getUserForStaff,
  listUsers,
  reactivateUser,
  sendInvitation,
  updateProfile,
  USERS_PAGE_SIZE,
} from "./user.server";

const APP_URL = "https://le.test";
const origin = { ip: "192.0.2.44", userAgent: "Vitest" };

function tag() {
  return randomBytes(4).toString("hex");
}

function linkTokens(to: string, path: "invitation" | "confirm-email") {
  return emailedTokens({ to, appUrl: APP_URL, path });
}

/** Staff invite an officer of a new council; returns the officer and the token in the invitation link. */
async function inviteOfficer() {
  const staff = await createUser({ role: "staff" });
  const council = await createCouncil();
  const email = `officer-${tag()}@council.gov.uk`;
  const created = await createOfficer({ name: "Olu Bankole", email, councilId: council.id, actorId: staff.id, appUrl: APP_URL }, origin);
  if (created.status !== "created") throw new Error("officer not created");
  const [token] = await linkTokens(email, "invitation");
  return { email, userId: created.userId, token };
}

test("staff invite a council officer: the account has no password and an invitation email is queued", async () => {
  const staff = await createUser({ role: "staff" });
  const council = await createCouncil({ name: `Invitingshire ${tag()} Council` });
  const email = `Officer.${tag()}@Council.gov.uk`;

  const outcome = await createOfficer({ name: "Olu Bankole", email, councilId: council.id, actorId: staff.id, appUrl: APP_URL }, origin);
  expect(outcome.status).toBe("created");

  const officer = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
  expect(officer.role).toBe("officer");
  expect(officer.councilId).toBe(council.id);
  expect(officer.passwordHash).toBeNull();

  const messages = await db.emailMessage.findMany({ where: { to: officer.email } });
  expect(messages).toHaveLength(1);
  expect(messages[0].text).toContain(council.name);
  expect(await linkTokens(officer.email, "invitation")).toHaveLength(1);

  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "account-created", userId: officer.id } });
  expect(audit.actorId).toBe(staff.id);
  expect(audit.ip).toBe(origin.ip);
});

test("an officer cannot be invited with an email address already in use", async () => {
  const staff = await createUser({ role: "staff" });
  const existing = await createUser();
  const outcome = await createOfficer(
    { name: "Someone", email: existing.email.toUpperCase(), councilId: existing.councilId!, actorId: staff.id, appUrl: APP_URL },
    origin,
  );
  expect(outcome.status).toBe("email-taken");
  expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).role).toBe("councillor");
});

test("the invitation link lets the officer choose a password, confirms their email, and works once", async () => {
  const { email, userId, token } = await inviteOfficer();

  expect(await setPasswordWithToken({ token, password: "password123", purpose: "invitation" }, origin)).toMatchObject({
    status: "weak-password",
  });
  const outcome = await setPasswordWithToken({ token, password: "juniper-canal-sketch-8", purpose: "invitation" }, origin);
  expect(outcome).toEqual({ status: "password-set", userId });

  const officer = await db.user.findUniqueOrThrow({ where: { id: userId } });
  expect(officer.passwordHash).toMatch(/^\$argon2id\$/);
  expect(officer.emailConfirmedAt).toBeInstanceOf(Date);
  expect((await signIn({ email, password: "juniper-canal-sketch-8" }, { ip: "192.0.2.45" })).status).toBe("signed-in");
  expect(await db.auditEvent.count({ where: { type: "invitation-accepted", userId: officer.id } })).toBe(1);

  expect(await setPasswordWithToken({ token, password: "another-fine-phrase-9", purpose: "invitation" }, origin)).toEqual({
    status: "used",
  });
});

test("sending a new invitation makes the earlier link stop working", async () => {
  const { email, userId, token: first } = await inviteOfficer();
  await sendInvitation({ userId, appUrl: APP_URL });
  const second = (await linkTokens(email, "invitation")).find((token) => token !== first)!;

  expect(await setPasswordWithToken({ token: first, password: "juniper-canal-sketch-8", purpose: "invitation" }, origin)).toEqual({
    status: "unknown",
  });
  expect((await setPasswordWithToken({ token: second, password: "juniper-canal-sketch-8", purpose: "invitation" }, origin)).status).toBe(
    "password-set",
  );
});

test("an invitation link expires after 7 days", async () => {
  const { userId, token } = await inviteOfficer();
  const row = await db.userToken.findFirstOrThrow({ where: { userId, purpose: "invitation" } });
  const lifetime = row.expiresAt.getTime() - Date.now();
  expect(lifetime).toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
  expect(lifetime).toBeLessThanOrEqual(7 * 24 * 3_600_000);

  await db.userToken.update({ where: { id: row.id }, data: { expiresAt: new Date(row.expiresAt.getTime() - 7 * 24 * 3_600_000) } });
  expect(await setPasswordWithToken({ token, password: "juniper-canal-sketch-8", purpose: "invitation" }, origin)).toEqual({
    status: "expired",
  });
  expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toBeNull();
});

test("staff changing someone's role and council is audited with who did it", async () => {
  const staff = await createUser({ role: "staff" });
  const from = await createCouncil({ name: `Fromshire ${tag()} Council` });
  const to = await createCouncil({ name: `Toshire ${tag()} Council` });
  const user = await createUser({ role: "councillor", councilId: from.id });

  const outcome = await changeRoleAndCouncil({ userId: user.id, role: "officer", councilId: to.id, actorId: staff.id }, origin);
  expect(outcome).toEqual({ status: "changed" });

  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.role).toBe("officer");
  expect(after.councilId).toBe(to.id);
  // Their membership of the council they sat on stays theirs, for that council to end.
  expect(await db.membership.count({ where: { userId: user.id, councilId: from.id } })).toBe(1);

  const events = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  expect(events).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: "role-changed", actorId: staff.id, ip: origin.ip, detail: "councillor → officer" }),
      // a councillor has no council of their own (they sit on councils through memberships): an officer works for one
      expect.objectContaining({ type: "council-changed", actorId: staff.id, ip: origin.ip, detail: `none → ${to.name}` }),
    ]),
  );
  expect(events).toHaveLength(2);
});

test("saving the same role and council again records nothing", async () => {
  const staff = await createUser({ role: "staff" });
  const user = await createUser({ role: "officer" });
  await changeRoleAndCouncil({ userId: user.id, role: "officer", councilId: user.councilId, actorId: staff.id }, origin);
  expect(await db.auditEvent.count({ where: { userId: user.id } })).toBe(0);
});

test("promoting someone to staff removes their council", async () => {
  const staff = await createUser({ role: "staff" });
  const user = await createUser({ role: "officer" });
  await changeRoleAndCouncil({ userId: user.id, role: "staff", councilId: user.councilId, actorId: staff.id }, origin);
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.role).toBe("staff");
  expect(after.councilId).toBeNull();
});

test("an officer must work for a council", async () => {
  const staff = await createUser({ role: "staff" });
  const user = await createUser({ role: "staff" });
  const outcome = await changeRoleAndCouncil({ userId: user.id, role: "officer", councilId: null, actorId: staff.id }, origin);
  expect(outcome).toEqual({ status: "council-required" });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("staff");
});

test("staff cannot remove their own staff access", async () => {
  const staff = await createUser({ role: "staff" });
  const council = await createCouncil();
  const outcome = await changeRoleAndCouncil({ userId: staff.id, role: "officer", councilId: council.id, actorId: staff.id }, origin);
  expect(outcome).toEqual({ status: "cannot-demote-self" });
  const after = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
  expect(after.role).toBe("staff");
  expect(after.councilId).toBeNull();
  expect(await db.auditEvent.count({ where: { userId: staff.id } })).toBe(0);
});

test("deactivating an account ends its sessions at once and is audited", async () => {
  const staff = await createUser({ role: "staff" });
  const user = await createUser();
  const cookie = await startSession(user.id);

  expect(await deactivateUser({ userId: user.id, actorId: staff.id }, origin)).toEqual({ status: "deactivated" });
  expect((await readSession(cookie)).user).toBeNull();
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  expect(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: "192.0.2.46" })).toEqual({ status: "invalid" });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "account-deactivated", userId: user.id } });
  expect(audit.actorId).toBe(staff.id);
  expect(audit.ip).toBe(origin.ip);
  // They no longer appear among their council's current members.
  expect((await listMembers({ councilId: user.councilId! })).map((member) => member.user.id)).not.toContain(user.id);
});

test("a reactivated account can sign in again", async () => {
  const staff = await createUser({ role: "staff" });
  const user = await createUser({ deactivated: true });
  await reactivateUser({ userId: user.id, actorId: staff.id }, origin);
  expect((await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: "192.0.2.47" })).status).toBe("signed-in");
  expect(await db.auditEvent.count({ where: { type: "account-reactivated", userId: user.id, actorId: staff.id } })).toBe(1);
});

test("staff cannot deactivate their own account", async () => {
  const staff = await createUser({ role: "staff" });
  const cookie = await startSession(staff.id);
  expect(await deactivateUser({ userId: staff.id, actorId: staff.id }, origin)).toEqual({ status: "cannot-deactivate-self" });
  expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).deactivatedAt).toBeNull();
  expect((await readSession(cookie)).user?.id).toBe(staff.id);
});

test("changing your email address un-confirms it and sends a confirmation link to the new address", async () => {
  const user = await createUser({ name: "Megan Price" });
  const oldEmail = user.email;
  const newEmail = `megan-${tag()}@newcouncil.gov.uk`;
  const outcome = await updateProfile(
    { userId: user.id, change: { name: "Megan Price-Evans", email: ` ${newEmail.toUpperCase()} ` }, appUrl: APP_URL },
    origin,
  );
  expect(outcome).toEqual({ status: "updated", emailChanged: true });

  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.email).toBe(newEmail);
  expect(after.name).toBe("Megan Price-Evans");
  expect(after.emailConfirmedAt).toBeNull();
  expect(await linkTokens(newEmail, "confirm-email")).toHaveLength(1);
  expect(await db.emailMessage.count({ where: { to: oldEmail } })).toBe(0);
  expect(await signIn({ email: newEmail, password: TEST_PASSWORD }, { ip: "192.0.2.48" })).toEqual({ status: "unconfirmed" });
});

test("saving a profile with the same email keeps it confirmed and sends nothing", async () => {
  const user = await createUser();
  const outcome = await updateProfile(
    { userId: user.id, change: { name: "New Name", email: user.email.toUpperCase() }, appUrl: APP_URL },
    origin,
  );
  expect(outcome).toEqual({ status: "updated", emailChanged: false });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailConfirmedAt).toBeInstanceOf(Date);
  expect(await db.emailMessage.count({ where: { to: user.email } })).toBe(0);
});

test("a profile cannot take an email address another account uses", async () => {
  const user = await createUser();
  const other = await createUser();
  const outcome = await updateProfile(
    { userId: user.id, change: { name: user.name, email: other.email.toUpperCase() }, appUrl: APP_URL },
    origin,
  );
  expect(outcome).toEqual({ status: "email-taken" });
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.email).toBe(user.email);
  expect(after.emailConfirmedAt).toEqual(user.emailConfirmedAt);
  expect(await db.emailMessage.count({ where: { to: other.email } })).toBe(0);
});

test("saving a profile changes the name, and never the councils the person sits on or works for", async () => {
  const own = await createCouncil();
  const officer = await createUser({ role: "officer", councilId: own.id });
  const councillor = await createUser({ councilId: own.id });
  for (const person of [officer, councillor]) {
    const outcome = await updateProfile({ userId: person.id, change: { name: "Renamed Person", email: person.email }, appUrl: APP_URL }, origin);
    expect(outcome).toEqual({ status: "updated", emailChanged: false });
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id }, include: { memberships: true } });
    expect(after.name).toBe("Renamed Person");
    expect(after.councilId).toBe(person.role === "officer" ? own.id : null);
    expect(after.memberships.map((membership) => membership.councilId)).toEqual(person.role === "officer" ? [] : [own.id]);
    expect(await db.auditEvent.count({ where: { userId: person.id } })).toBe(0);
  }
});

test("two people taking the same new email address at once: one gets it, the other is told it is in use", async () => {
  const [first, second] = await Promise.all([createUser(), createUser()]);
  const email = `shared-${randomBytes(3).toString("hex")}@example.org`;
  const change = (userId: string, name: string) => updateProfile({ userId, change: { name, email }, appUrl: "http://localhost:3000" }, { ip: "127.0.0.1" });
  const outcomes = await Promise.all([change(first.id, first.name), change(second.id, second.name)]);
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["email-taken", "updated"]);
  expect(await db.user.count({ where: { email } })).toBe(1);
});

test("staff search takes % and _ literally", async () => {
  const tagged = tag();
  const percent = await createUser({ name: `Percy 100% ${tagged}` });
  const underscore = await createUser({ name: `Una ${tagged}`, email: `una_${tagged}@example.org` });
  const plain = await createUser({ name: `Paul ${tagged}`, email: `paulx${tagged}@example.org` });
  const found = async (query: string) => (await listUsers({ query })).users.map((user) => user.id);

  expect(await found(`100%`)).toEqual([percent.id]);
  expect(await found(`%`)).toEqual([percent.id]);
  expect(await found(`_${tagged}`)).toEqual([underscore.id]);
  expect(await found(tagged)).toEqual([plain.id, percent.id, underscore.id]);
  expect(await found(`PAUL ${tagged}`)).toEqual([plain.id]);
  expect((await listUsers({ query: "%" })).total).toBe(1);
});

test("staff search finds a Welsh name whatever case is typed, ignoring spaces around it", async () => {
  const tagged = tag();
  const sian = await createUser({ name: `Siân ${tagged}` });
  const found = async (query: string) => (await listUsers({ query })).users.map((user) => user.id);
  expect(await found(`  SIÂN ${tagged}  `)).toEqual([sian.id]);
  expect(await found(`siân ${tagged}`)).toEqual([sian.id]);
});

test("the staff list shows each account's name, address, role, council and state, and whether its invitation is still open, never a password hash", async () => {
  const council = await createCouncil({ name: `Listingshire ${tag()} Council` });
  const tagged = tag();
  const councillor = await createUser({ councilId: council.id, name: `Alys ${tagged}` });
  const officer = await createUser({ role: "officer", councilId: council.id, name: `Bryn ${tagged}`, password: null, confirmed: false });
  const staff = await createUser({ role: "staff", name: `Cerys ${tagged}`, deactivated: true });

  const { users, total, pages } = await listUsers({ query: tagged });
  expect(total).toBe(3);
  expect(pages).toBe(1);
  expect(users).toEqual([
    {
      id: councillor.id,
      name: councillor.name,
      email: councillor.email,
      role: "councillor",
      deactivatedAt: null,
      emailConfirmedAt: councillor.emailConfirmedAt,
      councils: [council.name],
      invited: false,
    },
    {
      id: officer.id,
      name: officer.name,
      email: officer.email,
      role: "officer",
      deactivatedAt: null,
      emailConfirmedAt: null,
      councils: [council.name],
      invited: true,
    },
    {
      id: staff.id,
      name: staff.name,
      email: staff.email,
      role: "staff",
      deactivatedAt: staff.deactivatedAt,
      emailConfirmedAt: staff.emailConfirmedAt,
      councils: [],
      invited: false,
    },
  ]);
});

test("the staff list names the councils a member sits on now, not one they left, and the council an officer works for", async () => {
  const tagged = tag();
  const [county, district, former] = await Promise.all(["County", "District", "Former"].map((kind) => createCouncil({ name: `${kind} ${tagged} Council` })));
  const member = await createUser({ councilId: district.id, name: `Twin ${tagged}` });
  await addMembership({ userId: member.id, councilId: county.id });
  await addMembership({ userId: member.id, councilId: former.id, leftOfficeOn: new Date("2022-05-05") });
  await createUser({ role: "officer", councilId: former.id, name: `Officer ${tagged}` });
  const { users } = await listUsers({ query: tagged });
  expect(users.map((user) => [user.name, user.councils])).toEqual([
    [`Officer ${tagged}`, [former.name]],
    [`Twin ${tagged}`, [county.name, district.name]],
  ]);
  // Filtered by a council: its officer, and whoever has a membership of it, past or present.
  expect((await listUsers({ query: tagged, councilId: former.id })).users.map((user) => user.name)).toEqual([`Officer ${tagged}`, `Twin ${tagged}`]);
});

test("the staff list comes a page at a time, by name, and counts every match", async () => {
  const tagged = tag();
  const council = await createCouncil();
  const count = USERS_PAGE_SIZE + 2;
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      name: `Paged ${tagged} ${String(i).padStart(3, "0")}`,
      email: `paged-${i}-${tagged}@example.org`,
      role: "councillor",
      councilId: council.id,
    })),
  });
  const first = await listUsers({ query: `paged ${tagged}` });
  const second = await listUsers({ query: `paged ${tagged}`, page: 2 });
  expect(first.total).toBe(count);
  expect(first.pages).toBe(2);
  expect(second.pages).toBe(2);
  expect(first.users.map((user) => user.name)).toEqual(Array.from({ length: USERS_PAGE_SIZE }, (_, i) => `Paged ${tagged} ${String(i).padStart(3, "0")}`));
  expect(second.users.map((user) => user.name)).toEqual([`Paged ${tagged} 050`, `Paged ${tagged} 051`]);

  const none = await listUsers({ query: `nobody-${tagged}` });
  expect(none).toEqual({ total: 0, pages: 1, users: [] });
});

test("with no search, the staff list filters by role and council alone", async () => {
  const council = await createCouncil();
  const officer = await createUser({ role: "officer", councilId: council.id });
  await createUser({ councilId: council.id });
  const { users, total } = await listUsers({ role: "officer", councilId: council.id });
  expect(users.map((user) => user.id)).toEqual([officer.id]);
  expect(total).toBe(1);
});

test("staff see an account's profile, state and whether its invitation is open, never its password hash", async () => {
  const council = await createCouncil();
  const officer = await createUser({ role: "officer", councilId: council.id, password: null });
  const lockedUntil = new Date(Date.now() + 15 * 60_000);
  await db.user.update({ where: { id: officer.id }, data: { lockedUntil, language: "cy" } });

  expect(await getUserForStaff({ userId: officer.id })).toEqual({
    id: officer.id,
    name: officer.name,
    email: officer.email,
    role: "officer",
    emailConfirmedAt: officer.emailConfirmedAt,
    createdAt: officer.createdAt,
    language: "cy",
    council: { id: council.id, name: council.name },
    memberships: [],
    councilId: council.id,
    deactivatedAt: null,
    lockedUntil,
    invited: true,
  });
  const councillor = await createUser();
  expect(await getUserForStaff({ userId: councillor.id })).toMatchObject({ invited: false, councilId: null });
  expect(await getUserForStaff({ userId: "no-such-account" })).toBeNull();
});

test("the audit log's email filter finds an account by the address typed, whatever its case and spacing", async () => {
  const user = await createUser();
  expect(await findUserIdByEmail(`  ${user.email.toUpperCase()} `)).toBe(user.id);
  expect(await findUserIdByEmail(`nobody-${tag()}@example.org`)).toBeNull();
});

test("inviting an officer records who invited them and for which council", async () => {
  const { userId } = await inviteOfficer();
  const officer = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { council: true } });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "account-created", userId } });
  expect(audit.detail).toBe(`Council officer for ${officer.council!.name}`);
  expect(audit.email).toBe(officer.email);
});

test("inviting an officer to a council that does not exist fails, creating no account and not blaming the address", async () => {
  const staff = await createUser({ role: "staff" });
  const email = `officer-${tag()}@council.gov.uk`;
  await expect(
    createOfficer({ name: "Olu Bankole", email, councilId: "no-such-council", actorId: staff.id, appUrl: APP_URL }, origin),
  ).rejects.toThrow();
  expect(await db.user.count({ where: { email } })).toBe(0);
  expect(await db.emailMessage.count({ where: { to: email } })).toBe(0);
});

test("staff making a councillor an officer need a council; making an officer a councillor leaves them none of their own", async () => {
  const staff = await createUser({ role: "staff" });
  const council = await createCouncil();
  const councillor = await createUser({ councilId: council.id });
  expect(await changeRoleAndCouncil({ userId: councillor.id, role: "officer", councilId: null, actorId: staff.id }, origin)).toEqual({
    status: "council-required",
  });
  const officer = await createUser({ role: "officer", councilId: council.id });
  expect(await changeRoleAndCouncil({ userId: officer.id, role: "councillor", councilId: council.id, actorId: staff.id }, origin)).toEqual({
    status: "changed",
  });
  const after = await db.user.findUniqueOrThrow({ where: { id: officer.id } });
  expect([after.role, after.councilId]).toEqual(["councillor", null]);
  const events = await db.auditEvent.findMany({ where: { userId: officer.id }, orderBy: { type: "asc" } });
  expect(events.map((event) => [event.type, event.detail])).toEqual([
    ["council-changed", `${council.name} → none`],
    ["role-changed", "officer → councillor"],
  ]);
});

test("promoting an officer to staff is audited as a role change and a move from their council to none", async () => {
  const staff = await createUser({ role: "staff" });
  const council = await createCouncil();
  const user = await createUser({ role: "officer", councilId: council.id });
  await changeRoleAndCouncil({ userId: user.id, role: "staff", councilId: council.id, actorId: staff.id }, origin);
  const events = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { type: "asc" } });
  expect(events).toEqual([
    expect.objectContaining({ type: "council-changed", email: user.email, detail: `${council.name} → none` }),
    expect.objectContaining({ type: "role-changed", email: user.email, detail: "officer → staff" }),
  ]);
});

test("staff saving their own staff account unchanged is allowed and records nothing", async () => {
  const staff = await createUser({ role: "staff" });
  expect(await changeRoleAndCouncil({ userId: staff.id, role: "staff", councilId: null, actorId: staff.id }, origin)).toEqual({
    status: "changed",
  });
  expect(await db.auditEvent.count({ where: { userId: staff.id } })).toBe(0);
});

test("a new invitation to an officer who has chosen English is in English, even at a council in Wales", async () => {
  const council = await createCouncil({ nation: "wales", region: "Wales", welshName: `Cyngor ${tag()}` });
  const officer = await createUser({ role: "officer", councilId: council.id, password: null, name: "Dylan Hughes" });
  await db.user.update({ where: { id: officer.id }, data: { language: "en" } });
  await sendInvitation({ userId: officer.id, appUrl: APP_URL });
  const [message] = await db.emailMessage.findMany({ where: { to: officer.email } });
  expect(message.subject).toBe("Your Leadership Essentials account");
  expect(message.text).toMatch(/^Dear Dylan Hughes,\n/);
  expect(message.text).toContain(`as a council officer for ${council.name}.`);
  expect(message.text).not.toContain("Annwyl");
});
