// A sentence from the catalogue with a link or emphasis inside it: in the words, `<login>sign in</login>`
// marks the part that becomes the element given for `login`, so each language puts the link where its own
// grammar wants it. react-i18next's <Trans> does this by parsing the sentence as HTML on every render (a
// tenth of a millisecond a sentence, on every page served); the catalogues use only flat, named tags, so a
// sentence is read once and what was read is kept.
import { cloneElement, type ReactElement } from "react";

type Part = string | { tag: string; text: string };

const TAGGED = /<([a-zA-Z][\w-]*)>(.*?)<\/\1>/gs;
/** Sentences already read; forgotten all at once past this many, so memory stays bounded. */
const READ_AT_MOST = 2_000;
const read = new Map<string, Part[]>();

/** The sentence as plain text and tagged parts, in order. */
export function partsOf(sentence: string): Part[] {
  const known = read.get(sentence);
  if (known) return known;
  const parts: Part[] = [];
  let from = 0;
  for (const match of sentence.matchAll(TAGGED)) {
    if (match.index > from) parts.push(sentence.slice(from, match.index));
    parts.push({ tag: match[1], text: match[2] });
    from = match.index + match[0].length;
  }
  if (from < sentence.length) parts.push(sentence.slice(from));
  if (read.size >= READ_AT_MOST) read.clear();
  read.set(sentence, parts);
  return parts;
}

/**
 * `<Sentence text={t("login.newHereText")} components={{ signup: <Link to="/signup" /> }} />`: each tagged
 * part is shown inside its element; a tag with no element given shows its text alone.
 */
export function Sentence({
  text,
  components,
}: {
  text: string;
  components: Record<string, ReactElement>;
}) {
  return (
    <>
      {partsOf(text).map((part, index) => {
        if (typeof part === "string") return part;
        const element = components[part.tag];
        return element
          ? cloneElement(element, { key: index }, part.text)
          : part.text;
      })}
    </>
  );
}
