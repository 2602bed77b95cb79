export interface SlugifyOptions {
  /** Longest slug returned, cut at a hyphen where possible. Default 80. */
  maxLength?: number;
  /** Returned when nothing slug-worthy is left. Default "untitled". */
  fallback?: string;
}

/**
 * Turns a title into a URL- and file-name-safe slug: lowercase ASCII letters,
 * digits and single hyphens, never empty, never starting or ending with a
 * hyphen. Accents are folded ("Café" -> "cafe"); everything else (dots,
 * slashes, quotes, control and bidi characters) becomes a separator, so a
 * slug can never spell `..` or a path.
 */
export function slugify(text: string, options: SlugifyOptions = {}): string {
  const maxLength = Math.max(1, options.maxLength ?? 80);
  const fallback = options.fallback ?? "untitled";
  let slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    const lastHyphen = cut.lastIndexOf("-");
    slug = (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
  }
  return slug || fallback;
}
