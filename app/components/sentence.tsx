// A sentence from the catalogue with a link or emphasis inside it: in the words, `<login>sign in</login>`
// marks the part that becomes the element given for `login`, so each language puts the link where its own
// grammar wants it. react-i18next's <Trans> does this by parsing the sentence as HTML on every render (a
// tenth of a millisecond a sentence, on every page served); the catalogues use only flat, named tags, so a
// sentence is read once and what was read is kept.
import { cloneElement, type ReactElement } from "react";
import { keptAnswers } from "~/utils/kept";

type Part = string | { tag: string; text: string };

const TAGGED = /<([a-zA-Z][\w-]*)>(.*?)<\/\1>/gs;
const read = keptAnswers<Part[]>(2_000);

/** The sentence as plain text and tagged parts, in order. */
function partsOf(sentence: string): Part[] {
  return read(sentence, () => {
    const parts: Part[] = [];
    let from = 0;
    for (const match of sentence.matchAll(TAGGED)) {
      if (match.index > from) parts.push(sentence.slice(from, match.index));
      parts.push({ tag: match[1], text: match[2] });
      from = match.index + match[0].length;
    }
    if (from < sentence.length) parts.push(sentence.slice(from));
    return parts;
  });
}

/**
 * `<Sentence text={t("login.newHereText")} components={{ signup: <Link to="/signup" /> }} />`: each tagged
 * part is shown inside its element; a tag with no element given shows its text alone.
 */
export function Sentence({ text, components }: { text: string; components: Record<string, ReactElement> }) {
  return (
    <>
      {partsOf(text).map((part, index) => {
        if (typeof part === "string") return part;
        const element = components[part.tag];
        return element ? cloneElement(element, { key: index }, part.text) : part.text;
      })}
    </>
  );
}
