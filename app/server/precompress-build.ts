// `npm run build` runs this after `remix build`: brotli and gzip copies of the browser assets, served by
// precompressedAssets (see compression.ts).
import { precompressAssets } from "./compression";

const started = performance.now();
const written = precompressAssets("public/build");
console.log(`Precompressed ${written} asset files in public/build (${Math.round(performance.now() - started)} ms)`);
