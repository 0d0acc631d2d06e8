const DEFAULT_REDIRECT = "/";

/** Only paths on this site: never `//evil.example`, `/\evil.example` or a full URL. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string") return fallback;
  // eslint-disable-next-line no-control-regex -- a control character in a path is exactly what this refuses
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || /[\u0000-\u001f]/.test(to)) return fallback;
  return to;
}
