// React 18 streams whatever is rendered after the root <html> element after "</html>". Remix renders its
// single-fetch data scripts there (RemixServer's StreamTransfer), so every page ended in
// `</html><script>…` which no HTML parser accepts ("stray start tag script"). This stream holds the
// document's closing tags back and writes them last, which is what React 19 does itself.
//
// It also drops NUL bytes. React 18.3 encodes the page into 2048-byte buffers and, when a character of two
// or more bytes (an en dash, "ŵ") does not fit at the end of one, sends the whole buffer with its unwritten
// bytes as NULs (facebook/react#24985, fixed in React 19 by #26228). HTML never carries a NUL, and the Nu
// checker and some mail and crawler parsers stop at one.
import { Transform } from "node:stream";

const CLOSING_TAGS = Buffer.from("</body></html>");

/** The chunk without NUL bytes (a copy only when it has one). */
function withoutNuls(chunk: Buffer) {
  return chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk;
}

/**
 * A pass-through for a rendered document that moves its closing `</body></html>` to the end of the stream,
 * and drops the NUL bytes React 18 leaves at its buffers' ends.
 */
export function closingTagsLast(): Transform {
  let found = false;
  let held: Buffer = Buffer.alloc(0); // the tail of what came so far, in case the closing tags straddle two chunks
  return new Transform({
    transform(raw: Buffer, _encoding, done) {
      const chunk = withoutNuls(raw);
      if (found) return done(null, chunk);
      const data = held.length ? Buffer.concat([held, chunk]) : chunk;
      // React escapes "<" in text and Remix in its scripts, so the first "</body></html>" is the document's own.
      const at = data.indexOf(CLOSING_TAGS);
      if (at !== -1) {
        found = true;
        held = Buffer.alloc(0);
        return done(null, Buffer.concat([data.subarray(0, at), data.subarray(at + CLOSING_TAGS.length)]));
      }
      const keep = Math.min(data.length, CLOSING_TAGS.length - 1);
      held = data.subarray(data.length - keep);
      done(null, data.subarray(0, data.length - keep));
    },
    flush(done) {
      done(null, found ? CLOSING_TAGS : held);
    },
  });
}
