import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { expect, test } from "vitest";
import { closingTagsLast } from "./document-stream.server";

const streamed = (chunks: (string | Buffer)[]) => text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(closingTagsLast()));

test("what React writes after </html> ends up inside the body, however the stream is cut into chunks", async () => {
  const document = "<!DOCTYPE html><html><body><p>Café</p><script>a()</script></body></html><!--$--><script>b()</script><!--/$-->";
  const expected = "<!DOCTYPE html><html><body><p>Café</p><script>a()</script><!--$--><script>b()</script><!--/$--></body></html>";
  expect(await streamed([document])).toBe(expected);
  const bytes = Buffer.from(document);
  for (let cut = 0; cut <= bytes.length; cut++) {
    expect(await streamed([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at byte ${cut}`).toBe(expected);
  }
  expect(await streamed([...bytes].map((byte) => Buffer.from([byte])))).toBe(expected); // one byte at a time
});

test("a document without closing tags passes through unchanged", async () => {
  expect(await streamed(["<p>Not a whole ", "document</p>"])).toBe("<p>Not a whole document</p>");
  expect(await streamed(["</body>"])).toBe("</body>");
});

test("the NUL bytes React 18 leaves where a character did not fit at a buffer's end are dropped", async () => {
  // As React 18.3 sends them: a 2048-byte buffer whose last two bytes were never written, then the en dash.
  const first = Buffer.alloc(2048, "a".charCodeAt(0));
  first[2046] = 0;
  first[2047] = 0;
  const out = await streamed([first, Buffer.from("–</td></body></html>")]);
  expect(out).not.toContain("\u0000");
  expect(out).toBe(`${"a".repeat(2046)}–</td></body></html>`);
});
