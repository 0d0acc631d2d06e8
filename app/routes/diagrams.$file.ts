import type { LoaderFunctionArgs } from "@remix-run/node";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentRoot } from "~/content/content.server";

// public: course diagrams hold no personal data, and an <img> cannot send anything but cookies anyway
export async function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.svg$/.exec(params.file ?? "");
  const file = match && path.join(contentRoot(), "diagrams", `${match[1]}.svg`);
  if (!file || !existsSync(file)) return new Response("Not found", { status: 404 });
  return new Response(readFileSync(file), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
