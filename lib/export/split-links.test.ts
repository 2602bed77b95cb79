import { describe, expect, it } from "vitest";
import { splitLinks } from "./split-links";

describe("splitLinks", () => {
  it("finds http(s) and mailto URLs and trims the punctuation around them", () => {
    expect(
      splitLinks(
        "(@tlossen: http://openstoragepod.org). See https://en.wikipedia.org/wiki/Foo_(bar), or mailto:a@b.org!",
      ),
    ).toEqual([
      { kind: "text", text: "(@tlossen: " },
      { kind: "link", url: "http://openstoragepod.org" },
      { kind: "text", text: "). See " },
      { kind: "link", url: "https://en.wikipedia.org/wiki/Foo_(bar)" },
      { kind: "text", text: ", or " },
      { kind: "link", url: "mailto:a@b.org" },
      { kind: "text", text: "!" },
    ]);
  });

  it("leaves other schemes and broken URLs as text", () => {
    for (const text of [
      "javascript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "http://",
      "ftp://x.org",
      "mailto:nobody",
    ]) {
      expect(splitLinks(text)).toEqual([{ kind: "text", text }]);
    }
  });

  it("stops a URL at quotes and angle brackets", () => {
    expect(splitLinks('http://x.org/"onmouseover="a')[0]).toEqual({ kind: "link", url: "http://x.org/" });
    expect(splitLinks("https://x.org/<script>")[0]).toEqual({ kind: "link", url: "https://x.org/" });
  });
});
