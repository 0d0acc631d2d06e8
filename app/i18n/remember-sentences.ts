// Every sentence an i18next instance works out, kept. See rememberSentences.
import type { i18n } from "i18next";
import { keptAnswers } from "~/utils/kept";

/** How many sentences each `t` keeps: past it, it forgets the oldest (memory stays bounded). */
const REMEMBERED_AT_MOST = 5_000;

/** The memory's key for a call whose values are all plain (text, numbers, yes/no); none for any other call. */
function callKey(key: unknown, rest: unknown[]): string | undefined {
  if (typeof key !== "string" || rest.length > 1) return undefined;
  const options = rest[0];
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null) return undefined;
  let values = "";
  for (const [name, value] of Object.entries(options)) {
    const plain = value === undefined || value === null || ["string", "number", "boolean"].includes(typeof value);
    if (!plain) return undefined;
    values += `\u0000${name}\u0000${String(value)}`;
  }
  return `${key}${values}`;
}

/**
 * i18next works each sentence out afresh on every call (ten microseconds or so with values and plurals,
 * dozens of calls a page). The server's words never change once read, and the same key with the same
 * plain values always gives the same sentence, so every `t` this instance gives out keeps what it has
 * worked out: pages then cost no more to serve than they did in one language.
 *
 * Only for an instance whose words are all in place once it is made (the server's, the page titles'): one
 * that loads words later (the browser's page words) would keep the key it answered before they came.
 */
export function rememberSentences(instance: i18n) {
  type FixedT = ((key: unknown, ...rest: unknown[]) => unknown) & Record<"lng" | "lngs" | "ns" | "keyPrefix", unknown>;
  const getFixedT = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => FixedT;
  // One memory per language, namespace and key prefix a `t` is given out for: a handful in all.
  const memories = keptAnswers<ReturnType<typeof keptAnswers<unknown>>>(1_000);
  instance.getFixedT = ((...args: unknown[]) => {
    const fixedT = getFixedT(...args);
    const sentences = memories(args.map(String).join(" "), () => keptAnswers<unknown>(REMEMBERED_AT_MOST));
    const rememberingT = (key: unknown, ...rest: unknown[]) => {
      const asked = callKey(key, rest);
      return asked === undefined ? fixedT(key, ...rest) : sentences(asked, () => fixedT(key, ...rest));
    };
    return Object.assign(rememberingT, { lng: fixedT.lng, lngs: fixedT.lngs, ns: fixedT.ns, keyPrefix: fixedT.keyPrefix });
  }) as unknown as i18n["getFixedT"];
}
