// Reading the calendar files the service sends, with a real iCalendar parser (ical.js), as a mail program would.
import ICAL from "ical.js";
import { db } from "~/utils/db.server";

export type ReadInvite = { method: string; uid: string; sequence: number; status: string | null; summary: string; headerMethod: string | null };

export function readInvite(attachment: { contentType: string; content: string }): ReadInvite {
  const calendar = new ICAL.Component(ICAL.parse(attachment.content));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: (event.getFirstPropertyValue("status") as string | null) ?? null,
    summary: String(event.getFirstPropertyValue("summary")),
    headerMethod: /method=(\w+)/i.exec(attachment.contentType)?.[1] ?? null,
  };
}

/** Every calendar file emailed to an address, oldest first, read back. */
export async function invitesTo(email: string) {
  const messages = await db.emailMessage.findMany({ where: { to: email.toLowerCase(), attachments: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return messages.flatMap((message) =>
    (JSON.parse(message.attachments!) as { contentType: string; content: string }[]).filter((file) => file.contentType.startsWith("text/calendar")).map(readInvite),
  );
}
