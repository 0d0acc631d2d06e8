// public: the floor for `npm run bench`, the cheapest answer the Remix server can give
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
