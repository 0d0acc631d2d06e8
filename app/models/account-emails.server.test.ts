// Emails go in the language of the person they go to: their saved language, or both, Welsh first, for
// someone who has never chosen one and whose council is in Wales.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { createCouncil, createUser } from "../../tests/factories";
import { emailedTokens } from "../../tests/outbox";
import { db } from "~/utils/db.server";
import { requestPasswordReset, resendEmailConfirmation, sendEmailConfirmation, signUpCouncillor, userForToken } from "./account.server";
import { createOfficer } from "./user.server";
import {
  emailChangeConfirmation,
  emailConfirmation,
  emailLanguages,
  existingAccountNotice,
  memberInvitation,
  officerInvitation,
  partsByLanguage,
  passwordReset,
  writeEmail,
} from "./account-emails.server";

const APP_URL = "https://le.test";

/** A client address of its own for each test, so the limits on mail from one address never touch another test. */
function freshIp() {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

async function welshSpeaker(options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser({ name: "Siân Prys", ...options });
  await db.user.update({ where: { id: user.id }, data: { language: "cy" } });
  return user;
}

async function onlyMessageTo(email: string) {
  const messages = await db.emailMessage.findMany({ where: { to: email } });
  expect(messages).toHaveLength(1);
  return messages[0];
}

test("someone whose language is Welsh gets a password reset link in Welsh only", async () => {
  const user = await welshSpeaker();
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });

  const message = await onlyMessageTo(user.email);
  expect(message.subject).toBe("Ailosod eich cyfrinair Hanfodion Arweinyddiaeth");
  expect(message.text).toMatch(/^Annwyl Siân Prys,\n/);
  expect(message.text).toContain("I ddewis un newydd, agorwch y ddolen hon:");
  expect(message.text).toContain("yn dod i ben ymhen awr.");
  expect(message.text).not.toMatch(/Dear|Someone|Leadership Essentials|English/);
  // The link opens the page in Welsh, whatever language the browser it is opened in asks for.
  const [token] = await emailedTokens({ to: user.email, appUrl: APP_URL, path: "reset-password" });
  expect(message.text).toContain(`\n${APP_URL}/reset-password/${token}?lng=cy\n`);
});

test("someone whose language is Welsh gets an email confirmation link in Welsh", async () => {
  const user = await welshSpeaker({ confirmed: false });
  await sendEmailConfirmation({ userId: user.id, appUrl: APP_URL }, { ip: freshIp() });

  const message = await onlyMessageTo(user.email);
  expect(message.subject).toBe("Cadarnhewch eich cyfeiriad e-bost ar gyfer Hanfodion Arweinyddiaeth");
  expect(message.text).toContain("cadarnhewch eich cyfeiriad e-bost drwy agor y ddolen hon:");
  expect(message.text).toContain("yn dod i ben ymhen 24 awr.");
  expect(message.text).not.toContain("Dear");
});

test("the holder of an address someone signs up with is told in their own language, with links that open Welsh pages", async () => {
  const holder = await welshSpeaker();
  const outcome = await signUpCouncillor(
    { name: "Someone Else", email: holder.email, password: "copper-heron-meadow-19", councilId: holder.councilId!, electedOn: new Date("2026-05-07"), language: "en" },
    { appUrl: APP_URL, origin: { ip: freshIp(), userAgent: "Vitest" } },
  );
  expect(outcome.status).toBe("email-taken");

  const message = await onlyMessageTo(holder.email);
  expect(message.subject).toBe("Mae rhywun wedi ceisio creu cyfrif Hanfodion Arweinyddiaeth gyda'ch cyfeiriad e-bost");
  expect(message.text).toMatch(/^Helo,\n/);
  expect(message.text).toContain(`mewngofnodwch yn ${APP_URL}/login?lng=cy,`);
  expect(message.text).toContain(`${APP_URL}/forgot-password?lng=cy`);
  expect(message.text).not.toContain("Someone");
});

test("an officer who has never chosen a language, at a council in Wales, is invited in Welsh and English, Welsh first", async () => {
  const staff = await createUser({ role: "staff" });
  const council = await createCouncil({ name: `Cardiff Council ${randomBytes(3).toString("hex")}`, welshName: `Cyngor Caerdydd ${randomBytes(3).toString("hex")}`, nation: "wales", region: "Wales" });
  const email = `swyddog-${randomBytes(4).toString("hex")}@council.gov.uk`;
  const created = await createOfficer({ name: "Rhian Owen", email, councilId: council.id, actorId: staff.id, appUrl: APP_URL }, { ip: freshIp() });
  expect(created.status).toBe("created");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).language).toBeNull();

  const message = await onlyMessageTo(email);
  expect(message.subject).toBe("Eich cyfrif Hanfodion Arweinyddiaeth / Your Leadership Essentials account");
  const [welsh, english] = message.text.split("\n----------\n");
  expect(welsh).toMatch(/^Scroll down for English\.\n\nAnnwyl Rhian Owen,\n/);
  expect(welsh).toContain(`i chi fel un o swyddogion ${council.welshName}.`);
  expect(welsh).toContain("ymhen 7 diwrnod");
  expect(english).toContain("Dear Rhian Owen,");
  expect(english).toContain(`as a council officer for ${council.name}.`);
  expect(english).toContain("expires in 7 days");
  // The same link in both, opening the page in the language of the words around it, and it works.
  const [token] = await emailedTokens({ to: email, appUrl: APP_URL, path: "invitation" });
  expect(welsh).toContain(`\n${APP_URL}/invitation/${token}?lng=cy\n`);
  expect(english).toContain(`\n${APP_URL}/invitation/${token}\n`);
  expect((await userForToken(token, "invitation")).status).toBe("valid");
});

test("an officer who has never chosen a language, at a council in England, is invited in English only, as before", async () => {
  const staff = await createUser({ role: "staff" });
  const council = await createCouncil({ nation: "england" });
  const email = `officer-${randomBytes(4).toString("hex")}@council.gov.uk`;
  await createOfficer({ name: "Olu Bankole", email, councilId: council.id, actorId: staff.id, appUrl: APP_URL }, { ip: freshIp() });

  const message = await onlyMessageTo(email);
  expect(message.subject).toBe("Your Leadership Essentials account");
  expect(message.text).toMatch(/^Dear Olu Bankole,\n/);
  expect(message.text).not.toMatch(/Annwyl|Cymraeg|----------/);
});

test("someone who chose English gets English even when their council is in Wales", async () => {
  const council = await createCouncil({ nation: "wales", region: "Wales" });
  const user = await createUser({ councilId: council.id, name: "Gareth Lloyd" });
  await db.user.update({ where: { id: user.id }, data: { language: "en" } });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });

  const message = await onlyMessageTo(user.email);
  expect(message.subject).toBe("Reset your Leadership Essentials password");
  expect(message.text).not.toContain("Annwyl");
});

// The letters in full, as their readers get them.
const english = { language: "en", council: null };

test("the English letters, word for word", () => {
  const link = "https://le.test/some-page/t0k3n";
  expect(writeEmail(english, existingAccountNotice({ appUrl: APP_URL }))).toEqual({
    subject: "Someone tried to create a Leadership Essentials account with your email address",
    text: [
      "Hello,",
      "",
      "Someone tried to create a Leadership Essentials account with this email address, but you already have one, so no new account was made.",
      "",
      `If it was you, sign in at ${APP_URL}/login, or choose a new password at ${APP_URL}/forgot-password if you have forgotten it.`,
      "",
      "If it was not you, you can ignore this email: nothing about your account has changed.",
    ].join("\n"),
    language: "en",
  });
  expect(writeEmail(english, emailConfirmation({ name: "Priya Shah", link }))).toEqual({
    subject: "Confirm your email address for Leadership Essentials",
    text: [
      "Dear Priya Shah,",
      "",
      "To finish creating your Leadership Essentials account, confirm your email address by opening this link:",
      "",
      link,
      "",
      "The link works once and expires in 24 hours.",
      "If you did not create an account, you can ignore this email.",
    ].join("\n"),
    language: "en",
  });
  expect(writeEmail(english, passwordReset({ name: "Priya Shah", link }))).toEqual({
    subject: "Reset your Leadership Essentials password",
    text: [
      "Dear Priya Shah,",
      "",
      "Someone (we hope you) asked to reset your password. To choose a new one, open this link:",
      "",
      link,
      "",
      "The link works once and expires in 1 hour. If you did not ask for this, you can ignore this email:",
      "your password has not changed.",
    ].join("\n"),
    language: "en",
  });
  expect(writeEmail(english, officerInvitation({ name: "Olu Bankole", council: { name: "Kent County Council", welshName: null }, link }))).toEqual({
    subject: "Your Leadership Essentials account",
    text: [
      "Dear Olu Bankole,",
      "",
      "The association has created a Leadership Essentials account for you as a council officer for Kent County Council.",
      "With it you can follow your council's members' learning. To set your password, open this link:",
      "",
      link,
      "",
      'The link works once and expires in 7 days. If it expires, use "Forgotten your password?" on the sign-in page.',
    ].join("\n"),
    language: "en",
  });
  expect(writeEmail(english, officerInvitation({ name: "Olu Bankole", council: null, link })).text).toContain(
    "\n\nThe association has created a Leadership Essentials account for you as a council officer.\nWith it",
  );
});

test("a council's letters to its members, word for word, naming the council as the letter's language does", () => {
  const link = "https://le.test/some-page/t0k3n";
  const cardiff = { name: "Cardiff Council", welshName: "Cyngor Caerdydd" };
  expect(writeEmail(english, memberInvitation({ name: "Rhian Owen", council: cardiff, link }))).toEqual({
    subject: "Your council has added you to Leadership Essentials",
    text: [
      "Dear Rhian Owen,",
      "",
      "Cardiff Council has added you to Leadership Essentials, the association's learning for councillors, and an account has been made for you.",
      "To set your password and start learning, open this link:",
      "",
      link,
      "",
      'The link works once and expires in 7 days. If it expires, use "Forgotten your password?" on the sign-in page.',
    ].join("\n"),
    language: "en",
  });
  expect(writeEmail(english, emailChangeConfirmation({ name: "Rhian Owen", council: cardiff, link }))).toEqual({
    subject: "Confirm your new email address for Leadership Essentials",
    text: [
      "Dear Rhian Owen,",
      "",
      "Cardiff Council has asked to change the email address of your Leadership Essentials account to this one.",
      "To confirm it, open this link. Until you do, you sign in with your old address:",
      "",
      link,
      "",
      "The link works once and expires in 24 hours.",
      "If you do not know why you got this email, you can ignore it: nothing has changed.",
    ].join("\n"),
    language: "en",
  });
  const welsh = writeEmail({ language: "cy", council: null }, emailChangeConfirmation({ name: "Rhian Owen", council: cardiff, link }));
  expect(welsh.text).toContain("Mae Cyngor Caerdydd wedi gofyn am newid cyfeiriad e-bost");
  expect(welsh.text).toContain(`${link}?lng=cy`);
  expect(writeEmail({ language: "cy", council: null }, memberInvitation({ name: "Rhian Owen", council: cardiff, link })).text).toContain("Mae Cyngor Caerdydd wedi eich ychwanegu");
  // A council with no Welsh name is named in English in a Welsh letter.
  expect(writeEmail({ language: "cy", council: null }, emailChangeConfirmation({ name: "Rhian Owen", council: { name: "Kent County Council", welshName: null }, link })).text).toContain(
    "Mae Kent County Council wedi gofyn",
  );
});

test("a letter in both languages: Welsh first under a pointer to the English, the two split by a line, the subjects joined", () => {
  const link = "https://le.test/invitation/t0k3n";
  const letter = officerInvitation({ name: "Rhian Owen", council: { name: "Cardiff Council", welshName: "Cyngor Caerdydd" }, link });
  const both = writeEmail({ language: null, council: { nation: "wales" } }, letter);
  const welsh = writeEmail({ language: "cy", council: null }, letter);
  const inEnglish = writeEmail(english, letter);
  expect(welsh.text).toContain("Cyngor Caerdydd");
  expect(both).toEqual({
    subject: `${welsh.subject} / ${inEnglish.subject}`,
    text: `Scroll down for English.\n\n${welsh.text}\n\n----------\n\n${inEnglish.text}`,
    language: "cy en",
  });
  // A council with no Welsh name is named in English in the Welsh letter too.
  expect(writeEmail({ language: "cy", council: null }, officerInvitation({ name: "Rhian Owen", council: { name: "Kent County Council", welshName: null }, link })).text).toContain(
    "Kent County Council",
  );
  expect(emailLanguages({ language: null, council: null })).toEqual(["en"]);
  expect(emailLanguages({ language: null, council: { nation: "england" } })).toEqual(["en"]);
  expect(emailLanguages({ language: "en", council: { nation: "wales" } })).toEqual(["en"]);
});

test("someone who has never chosen a language, at a council in Wales, gets every account email in Welsh and English", async () => {
  const council = await createCouncil({ nation: "wales", region: "Wales" });
  const user = await createUser({ councilId: council.id, confirmed: false });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).language).toBeNull();
  await resendEmailConfirmation({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  await requestPasswordReset({ email: user.email, appUrl: APP_URL }, { ip: freshIp() });
  await signUpCouncillor(
    { name: "Someone Else", email: user.email, password: "copper-heron-meadow-19", councilId: council.id, electedOn: new Date("2026-05-07"), language: "en" },
    { appUrl: APP_URL, origin: { ip: freshIp() } },
  );
  const subjects = (await db.emailMessage.findMany({ where: { to: user.email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((m) => m.subject);
  expect(subjects).toEqual([
    "Cadarnhewch eich cyfeiriad e-bost ar gyfer Hanfodion Arweinyddiaeth / Confirm your email address for Leadership Essentials",
    "Ailosod eich cyfrinair Hanfodion Arweinyddiaeth / Reset your Leadership Essentials password",
    "Mae rhywun wedi ceisio creu cyfrif Hanfodion Arweinyddiaeth gyda'ch cyfeiriad e-bost / Someone tried to create a Leadership Essentials account with your email address",
  ]);
});

test("each message records its languages, and the outbox can mark each part of a message in both with its own", async () => {
  const council = await db.council.findFirstOrThrow({ where: { nation: "wales" } });
  const message = writeEmail({ language: null, council }, (_, language) => ({ subject: `${language} subject`, text: `${language} text` }));
  expect(message.language).toBe("cy en");
  const parts = partsByLanguage(message);
  expect(parts.subject.map((part) => part.text).join("")).toBe(message.subject);
  expect(parts.text.map((part) => part.text).join("")).toBe(message.text);
  expect(parts.subject.map((part) => part.language)).toEqual(["cy", "en"]);
  // the opening line points English readers down, so it is English
  expect(parts.text.map((part) => [part.language, part.text.trim().split("\n").at(-1)])).toEqual([
    ["en", "Scroll down for English."],
    ["cy", "cy text"],
    ["en", "en text"],
  ]);
  expect(writeEmail({ language: "cy", council }, () => ({ subject: "s", text: "t" })).language).toBe("cy");
  expect(partsByLanguage({ subject: "s", text: "t", language: "cy" }).text).toEqual([{ language: "cy", text: "t" }]);
  expect(partsByLanguage({ subject: "s", text: "t", language: null }).subject).toEqual([{ language: null, text: "s" }]);
});
