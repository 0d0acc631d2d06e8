// The emails about accounts, in the language of the person they go to (docs/decisions/012-bilingual-service.md):
// their saved language, or, for someone who has never chosen one (an officer staff invited), both languages
// in one message when a council they work for or sit on is in Wales, Welsh first, as the Welsh Language Standards ask.
import type { TFunction } from "i18next";
import { isLanguage, type Language } from "~/i18n/config";
import { wordsOf } from "~/i18n/i18n.server";
import { TOKEN_LIFETIME_MINUTES } from "./user-token.server";

/** Who an email goes to, as far as its language is concerned: an officer's council, a member's councils. */
export type Recipient = {
  language: string | null;
  council: { nation: string } | null;
  memberships?: { council: { nation: string } }[];
};

/** What to read of a person to write to them (RECIPIENT in a `select`). */
export const RECIPIENT = {
  language: true,
  council: { select: { nation: true } },
  memberships: { where: { leftOfficeOn: null }, select: { council: { select: { nation: true } } } },
} as const;

/** The languages a message to this person is written in, in the order they come. */
export function emailLanguages(recipient: Recipient): Language[] {
  if (isLanguage(recipient.language)) return [recipient.language];
  const councils = [recipient.council, ...(recipient.memberships ?? []).map((membership) => membership.council)];
  return councils.some((council) => council?.nation === "wales") ? ["cy", "en"] : ["en"];
}

/** `language`: the languages it is written in, in order, space-separated ("cy en" for one in both). */
type Message = { subject: string; text: string; language: string };
/** Writes one message in one language. */
export type Letter = (t: EmailWords, language: Language) => Omit<Message, "language">;
type EmailWords = TFunction<"email">;

/** The email catalogue's words in one language, keys without the "email:" prefix. */
function emailWords(language: Language): EmailWords {
  return wordsOf(language, "email");
}

export const BETWEEN_LANGUAGES = "\n\n----------\n\n";

/** The subject and text of a letter to this person: in one language, or in both, one after the other. */
export function writeEmail(recipient: Recipient, letter: Letter): Message {
  const languages = emailLanguages(recipient);
  const messages = languages.map((language) => letter(emailWords(language), language));
  if (messages.length === 1) return { ...messages[0], language: languages[0] };
  // A line in the second language at the top tells its readers where their words start.
  const pointer = emailWords(languages[1])("bilingual.otherLanguageBelow");
  return {
    subject: messages.map((message) => message.subject).join(" / "),
    text: `${pointer}\n\n${messages.map((message) => message.text).join(BETWEEN_LANGUAGES)}`,
    language: languages.join(" "),
  };
}

/** A link that opens the service's page in this language: the letter's, whatever the browser's. */
export function inLanguage(link: string, language: Language) {
  return language === "en" ? link : `${link}?lng=${language}`;
}

/** To the holder of an address someone tried to sign up with: no link to use, only where to go. */
export function existingAccountNotice({ appUrl }: { appUrl: string }): Letter {
  return (t, language) => ({
    subject: t("existingAccount.subject"),
    text: [
      t("existingAccount.greeting"),
      "",
      t("existingAccount.noNewAccount"),
      "",
      t("existingAccount.ifItWasYou", {
        signInLink: inLanguage(`${appUrl}/login`, language),
        resetLink: inLanguage(`${appUrl}/forgot-password`, language),
      }),
      "",
      t("existingAccount.ifItWasNotYou"),
    ].join("\n"),
  });
}

export function emailConfirmation({ name, link }: { name: string; link: string }): Letter {
  return (t, language) => ({
    subject: t("confirmEmail.subject"),
    text: [
      t("greeting", { name }),
      "",
      t("confirmEmail.openLink"),
      "",
      inLanguage(link, language),
      "",
      t("confirmEmail.expires", { count: TOKEN_LIFETIME_MINUTES["confirm-email"] / 60 }),
      t("confirmEmail.notYou"),
    ].join("\n"),
  });
}

export function passwordReset({ name, link }: { name: string; link: string }): Letter {
  return (t, language) => ({
    subject: t("resetPassword.subject"),
    text: [
      t("greeting", { name }),
      "",
      t("resetPassword.openLink"),
      "",
      inLanguage(link, language),
      "",
      t("resetPassword.expires", { count: TOKEN_LIFETIME_MINUTES["reset-password"] / 60 }),
    ].join("\n"),
  });
}

/** An officer's invitation to set a password; the council is named as it is in the letter's language. */
export function officerInvitation({
  name,
  council,
  link,
}: {
  name: string;
  council: { name: string; welshName: string | null } | null;
  link: string;
}): Letter {
  return (t, language) => ({
    subject: t("invitation.subject"),
    text: [
      t("greeting", { name }),
      "",
      council
        ? t("invitation.createdForCouncil", { council: (language === "cy" && council.welshName) || council.name })
        : t("invitation.created"),
      t("invitation.openLink"),
      "",
      inLanguage(link, language),
      "",
      t("invitation.expires", { count: TOKEN_LIFETIME_MINUTES.invitation / (24 * 60) }),
    ].join("\n"),
  });
}

/**
 * To a member their council's officer put on the council's member list: an account was made for them, and the link
 * sets its password. The council is named as it is in the letter's language.
 */
export function memberInvitation({ name, council, link }: { name: string; council: { name: string; welshName: string | null }; link: string }): Letter {
  return (t, language) => ({
    subject: t("memberInvitation.subject"),
    text: [
      t("greeting", { name }),
      "",
      t("memberInvitation.addedByCouncil", { council: (language === "cy" && council.welshName) || council.name }),
      t("memberInvitation.openLink"),
      "",
      inLanguage(link, language),
      "",
      t("invitation.expires", { count: TOKEN_LIFETIME_MINUTES.invitation / (24 * 60) }),
    ].join("\n"),
  });
}

/** To the new address an officer gave a member's account: the account moves to it when the member opens the link. */
export function emailChangeConfirmation({ name, council, link }: { name: string; council: { name: string; welshName: string | null }; link: string }): Letter {
  return (t, language) => ({
    subject: t("emailChange.subject"),
    text: [
      t("greeting", { name }),
      "",
      t("emailChange.askedBy", { council: (language === "cy" && council.welshName) || council.name }),
      t("emailChange.openLink"),
      "",
      inLanguage(link, language),
      "",
      t("confirmEmail.expires", { count: TOKEN_LIFETIME_MINUTES["change-email"] / 60 }),
      t("emailChange.notYou"),
    ].join("\n"),
  });
}

type Part = { language: Language | null; text: string };

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}

/**
 * A message's subject and text cut into the parts written in each language, so the outbox can mark each
 * with its `lang`. A message in both opens with a line in its second language (see writeEmail).
 */
export function partsByLanguage({ subject, text, language }: { subject: string; text: string; language: string | null }): {
  subject: Part[];
  text: Part[];
} {
  const languages = (language ?? "").split(" ").filter(isLanguage);
  if (languages.length !== 2) return { subject: [{ language: languages[0] ?? null, text: subject }], text: [{ language: languages[0] ?? null, text }] };
  const [first, second] = languages as [Language, Language];
  const [firstSubject, secondSubject] = splitOnce(subject, " / ");
  const [pointer, body] = splitOnce(text, "\n\n");
  const [firstText, secondText] = splitOnce(body, BETWEEN_LANGUAGES);
  return {
    subject: [
      { language: first, text: firstSubject },
      { language: second, text: ` / ${secondSubject}` },
    ],
    text: [
      { language: second, text: `${pointer}\n\n` },
      { language: first, text: firstText },
      { language: second, text: `${BETWEEN_LANGUAGES}${secondText}` },
    ],
  };
}
