/**
 * Characters JSON.stringify leaves raw but that YAML or TOML readers treat as
 * non-printable or as line breaks (YAML 1.1 breaks lines on U+0085/U+2028/U+2029),
 * plus braces, so no template engine that might ever look at front matter or
 * site config (Liquid, Go templates) finds `{{` or `{%` in user values.
 */
const NEEDS_ESCAPE = /[{}\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;

/**
 * Quotes a value as one double-quoted string that reads back identically as
 * a JSON string, a YAML (1.1 and 1.2) double-quoted scalar and a TOML basic
 * string. Newlines, quotes, `---`, `#`, `:` and the like stay inside the
 * quotes, so front matter cannot be broken out of.
 */
export function quoteString(value: string): string {
  return JSON.stringify(value).replace(
    NEEDS_ESCAPE,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}
