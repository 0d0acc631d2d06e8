// Prisma's CLI runs offline here only with its JS/WASM engines (see docs/decisions/001).
// The CLI is used for `generate` and `migrate diff`; migrations are applied by app/utils/migrate.server.ts.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: ":memory:" }) // the CLI only diffs schemas; it never opens the app database;
  },
});
