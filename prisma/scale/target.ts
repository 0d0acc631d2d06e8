// Which database `npm run seed:scale` fills. The app's Prisma client (app/utils/db.server.ts) reads DATABASE_URL
// once, when it is first imported, so this is decided before: prisma/seed-scale.ts imports this module first.
// Run as the script without DATABASE_URL, the national set goes to its own SQLite file, never the demo's
// data/app.db; imported (by a test), nothing changes.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SCALE_DEFAULT_URL = "file:./data/scale.db";

export const runAsScript = !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(new URL("../seed-scale.ts", import.meta.url));

if (runAsScript && !process.env.DATABASE_URL) process.env.DATABASE_URL = SCALE_DEFAULT_URL;
