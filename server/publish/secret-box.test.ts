import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const SECRET = "a".repeat(64);

describe("secret box", () => {
  it("round-trips, with a fresh nonce each time and no plaintext in the sealed value", () => {
    const a = sealSecret("xxxx yyyy zzzz", SECRET, "conf:wordpress");
    const b = sealSecret("xxxx yyyy zzzz", SECRET, "conf:wordpress");
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("xxxx");
    expect(openSecret(a, SECRET, "conf:wordpress")).toBe("xxxx yyyy zzzz");
  });

  it("does not open under another instance secret, another context or after tampering", () => {
    const sealed = sealSecret("token", SECRET, "conf:git");
    expect(() => openSecret(sealed, "b".repeat(64), "conf:git")).toThrow(/cannot be read/);
    expect(() => openSecret(sealed, SECRET, "other:git")).toThrow(/cannot be read/);
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(`v1:${raw.toString("base64url")}`, SECRET, "conf:git")).toThrow(/cannot be read/);
    expect(() => openSecret("garbage", SECRET, "conf:git")).toThrow(/cannot be read/);
  });
});
