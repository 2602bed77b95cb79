/**
 * A URL-safe id from a name: lowercase ASCII letters and digits joined by
 * single hyphens ("Jody Mulkey" -> "jody-mulkey", "@tlossen" -> "tlossen",
 * "José Ñúñez" -> "jose-nunez"). Returns "" when nothing usable is left.
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
