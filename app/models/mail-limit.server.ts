// Limits on the emails that anyone can make the service send (sign-up, confirmation, password reset),
// so it cannot be used to flood a mailbox or to send many people mail from one place.
// Counts live in the database, like sign-in throttling, so they hold across several app processes.
// A refusal is silent: the page answers exactly as if the email had gone.
import { db } from "~/utils/db.server";

/** At most this many emails to one address per window: enough to ask again when one goes astray. */
export const MAIL_PER_RECIPIENT = 5;
/**
 * At most this many emails asked for from one client address per window. Generous, because a whole
 * council may sign up from one network on an induction day; MAIL_PER_CLIENT_ADDRESS overrides it.
 */
export function mailPerClientAddress() {
  return Number(process.env.MAIL_PER_CLIENT_ADDRESS) || 50;
}
export const MAIL_WINDOW_MINUTES = 60;

/**
 * Counts one email to `recipient` asked for from `ip`, and says whether it may be sent.
 * The request is written first and counted after: each request sees at least every one written before
 * it, so however many arrive at once, no more than the limit are sent (a burst larger than the limit
 * may be refused whole). A refused request's row is removed again, so refusals do not hold up the
 * next request once the burst is over.
 */
export async function mayRequestMail({ recipient, ip }: { recipient: string; ip: string }): Promise<boolean> {
  const since = new Date(Date.now() - MAIL_WINDOW_MINUTES * 60_000);
  const row = await db.mailRequest.create({ data: { recipient, ip }, select: { id: true } });
  const [toRecipient, fromAddress] = await Promise.all([
    db.mailRequest.count({ where: { recipient, createdAt: { gt: since } } }),
    db.mailRequest.count({ where: { ip, createdAt: { gt: since } } }),
  ]);
  if (toRecipient <= MAIL_PER_RECIPIENT && fromAddress <= mailPerClientAddress()) {
    // Keep the table small: rows outside every window are no longer needed.
    if (Math.random() < 0.05) await db.mailRequest.deleteMany({ where: { createdAt: { lte: since } } });
    return true;
  }
  await db.mailRequest.delete({ where: { id: row.id } });
  return false;
}
