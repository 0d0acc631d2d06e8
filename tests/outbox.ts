// Reading the outbox in tests: it stands in for the person's mailbox.
import { db } from "~/utils/db.server";

/** Every token sent to an address in links like `${appUrl}/<path>/<token>` (then `?lng=cy` in Welsh), oldest message first. */
export async function emailedTokens({ to, appUrl, path }: { to: string; appUrl: string; path: string }) {
  const messages = await db.emailMessage.findMany({ where: { to }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const pattern = new RegExp(`${appUrl}/${path}/([\\w-]+)`);
  return messages.flatMap((message) => {
    const match = pattern.exec(message.text);
    return match ? [match[1]] : [];
  });
}
