// How every CSV download leaves the service: one place for its headers.

/**
 * A CSV file to download under `filename`. The reports and delegate lists carry personal data, so no cache
 * on the way keeps a copy ("private, no-store").
 */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
