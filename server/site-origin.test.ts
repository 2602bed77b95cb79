import { describe, expect, it } from "vitest";
import { siteOrigin } from "./site-origin";

describe("siteOrigin", () => {
  const forged = new Headers({
    host: "notes.local:3000",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  });

  it("ignores X-Forwarded-* unless a proxy is trusted", () => {
    expect(siteOrigin(forged, { publicUrl: null, trustProxy: false })).toBe("http://notes.local:3000");
    expect(siteOrigin(forged, { publicUrl: null, trustProxy: true })).toBe("https://evil.example");
  });

  it("PUBLIC_URL wins over every header", () => {
    expect(siteOrigin(forged, { publicUrl: "https://notes.example.org", trustProxy: true })).toBe(
      "https://notes.example.org",
    );
  });

  it("never lets a header inject a path or markup", () => {
    const h = new Headers({ host: "a.example/<script>" });
    expect(siteOrigin(h, { publicUrl: null, trustProxy: false })).toBe("http://localhost");
  });
});
