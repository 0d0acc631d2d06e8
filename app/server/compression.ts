// Compressed responses, so a page costs a phone a fraction of its size. The fingerprinted files under
// /build are compressed once, at build time, at the highest settings (precompressAssets, run by
// `npm run build`) and served as they are; pages and data are compressed as they are sent, at a fast level
// (the `compression` package: brotli quality 4 where the browser accepts it, else gzip).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import type { RequestHandler } from "express";
import type { SendFileOptions } from "express-serve-static-core";

/** Text worth compressing: what browsers ask for under /build. */
const COMPRESSIBLE = /\.(js|css|map|json|svg|txt)$/;

const ENCODINGS = [
  { name: "br", extension: ".br" },
  { name: "gzip", extension: ".gz" },
] as const;

/** Writes `file.br` and `file.gz` beside every compressible file under `dir` that lacks them. Returns how many it wrote. */
export function precompressAssets(dir: string): number {
  let written = 0;
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    if (!COMPRESSIBLE.test(name) || !fs.statSync(file).isFile()) continue;
    const source = fs.readFileSync(file);
    if (source.length < 1024) continue; // smaller than the headers that would announce it
    for (const { extension } of ENCODINGS) {
      if (fs.existsSync(file + extension)) continue;
      const compressed =
        extension === ".br"
          ? zlib.brotliCompressSync(source, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            })
          : zlib.gzipSync(source, { level: zlib.constants.Z_BEST_COMPRESSION });
      fs.writeFileSync(file + extension, compressed);
      written++;
    }
  }
  return written;
}

/**
 * Serves `<file>.br` or `<file>.gz` from `dir` in place of `<file>` when the browser accepts that encoding
 * and the file exists, with the original's type; anything else falls through (to express.static).
 */
export function precompressedAssets(dir: string, options: SendFileOptions): RequestHandler {
  const root = path.resolve(dir);
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !COMPRESSIBLE.test(req.path)) return next();
    let file: string;
    try {
      file = path.join(root, path.normalize(decodeURIComponent(req.path)));
    } catch {
      return next(); // a malformed escape: express.static answers it
    }
    if (!file.startsWith(root + path.sep)) return next();
    res.vary("Accept-Encoding");
    // Ours is the choice among what the browser accepts: brotli first (browsers list gzip first, unweighted).
    const encoding = ENCODINGS.find((candidate) => req.acceptsEncodings(candidate.name) === candidate.name);
    if (!encoding || !fs.existsSync(file + encoding.extension)) return next();
    res.type(path.extname(file));
    res.setHeader("Content-Encoding", encoding.name);
    res.sendFile(file + encoding.extension, { ...options, dotfiles: "deny" }, (error) => {
      if (error) next(error);
    });
  };
}

/** Compresses pages, data and other text as it is sent (skips what already carries a Content-Encoding). */
export function compressResponses(): RequestHandler {
  return compression();
}
