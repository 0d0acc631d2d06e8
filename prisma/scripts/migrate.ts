// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (SQLite file or PostgreSQL).
import { databaseUrl } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";

const applied = await migrate(databaseUrl());
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
