// A sentence with links in it, as a page shows it: the words around the links, each link where the
// language puts it, and nothing lost when a tag has no element or a value looks like markup.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { Sentence } from "./sentence";

/** A link as a page gives one: its words come from the sentence. */
const A = ({ href, children }: { href: string; children?: ReactNode }) => <a href={href}>{children}</a>;

const render = (text: string, components: Parameters<typeof Sentence>[0]["components"]) =>
  renderToStaticMarkup(<Sentence text={text} components={components} />);

test("each tagged part is shown inside its element, in the sentence's own order", () => {
  const components = { reset: <A href="/forgot-password" />, login: <A href="/login" /> };
  expect(render("You can <reset>ask for a new link</reset> or <login>sign in</login>.", components)).toBe(
    'You can <a href="/forgot-password">ask for a new link</a> or <a href="/login">sign in</a>.',
  );
  expect(render("<login>Mewngofnodwch</login> neu <reset>gofynnwch am ddolen newydd</reset>", components)).toBe(
    '<a href="/login">Mewngofnodwch</a> neu <a href="/forgot-password">gofynnwch am ddolen newydd</a>',
  );
});

test("an element keeps its own attributes and the sentence's words are escaped", () => {
  expect(render("Best score: <strong>7 of 8</strong> & passed", { strong: <strong className="score" /> })).toBe(
    'Best score: <strong class="score">7 of 8</strong> &amp; passed',
  );
});

test("a tag with no element given shows its words alone, and text that is not a pair of tags stays text", () => {
  expect(render("Read <module>Prevent</module> first", {})).toBe("Read Prevent first");
  expect(render("Use a < b and <b> alone", { b: <b /> })).toBe("Use a &lt; b and &lt;b&gt; alone");
});

test("a sentence with no tags is shown whole, and the same sentence twice gives the same page", () => {
  expect(render("Nothing to link here.", { login: <A href="/login" /> })).toBe("Nothing to link here.");
  const text = "Go to <verify>the check</verify>.";
  expect(render(text, { verify: <A href="/verify/ABC" /> })).toBe(render(text, { verify: <A href="/verify/ABC" /> }));
  expect(render(text, { verify: <A href="/verify/XYZ" /> })).toBe('Go to <a href="/verify/XYZ">the check</a>.');
});
