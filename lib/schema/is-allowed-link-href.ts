const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * Whether `href` may be stored and rendered as a link: `http:`, `https:` and
 * `mailto:` URLs, or scheme-less ones (autolinked `example.com`, which the
 * link extension completes with https). Everything else (`javascript:`,
 * `data:`, `vbscript:`, `file:` …) is refused. Whitespace and control
 * characters are removed first, as browsers do before reading the scheme, so
 * `java\tscript:` is caught too. Exporters should use the same check.
 */
export function isAllowedLinkHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (cleaned === "") return false;
  const schemeEnd = cleaned.search(/[:/?#]/);
  if (schemeEnd === -1 || cleaned[schemeEnd] !== ":") return true;
  const scheme = cleaned.slice(0, schemeEnd).toLowerCase();
  return ALLOWED_SCHEMES.has(scheme);
}
