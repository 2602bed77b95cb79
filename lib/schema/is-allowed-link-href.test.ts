import { describe, expect, it } from "vitest";
import { isAllowedLinkHref } from "./is-allowed-link-href";

describe("isAllowedLinkHref", () => {
  it.each([
    "https://example.org",
    "http://example.org/x?y#z",
    "HTTPS://EXAMPLE.ORG",
    "mailto:jo@example.org",
    "example.org",
    "/talks/1",
    "#intro",
  ])("allows %j", (href) => {
    expect(isAllowedLinkHref(href)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "ftp://example.org",
    "",
    "   ",
  ])("refuses %j", (href) => {
    expect(isAllowedLinkHref(href)).toBe(false);
  });
});
