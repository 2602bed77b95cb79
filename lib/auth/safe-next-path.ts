/** A same-site path to return to after signing in; anything else (absolute or protocol-relative URLs) becomes "/". */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  // Browsers drop tabs and newlines inside URLs, which would turn "/\n/evil.example" into "//evil.example".
  for (const ch of value) if (ch.charCodeAt(0) < 0x20 || ch === "\\") return "/";
  return value;
}
