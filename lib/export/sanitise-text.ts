/**
 * Characters removed from user text before any rendering: C0/C1 controls
 * (except tab and newline) and the bidi embedding/override/isolate controls,
 * which can make rendered or copied text read differently from what it is
 * ("Trojan Source"). Plain marks (U+200E/U+200F) stay: they cannot leak.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops invisible control characters from user text and repairs broken UTF-16, keeping everything readable. */
export function sanitiseText(text: string): string {
  return text.replace(UNSAFE_CONTROLS, "").replace(LONE_SURROGATE, "\uFFFD");
}
