import { describe, expect, it } from "vitest";
import { parseTalkHeader } from "./parse-talk-header";

const read = (text: string, known: string[] = []) => {
  const h = parseTalkHeader(text, (n) => known.includes(n));
  return [h.title, h.speakers.map((s) => [s.name, s.affiliation, s.handle])];
};

describe("parseTalkHeader", () => {
  it("reads the shapes of real Ignite notes", () => {
    expect(read("Petascale storage: DIY! (@tlossen: http://openstoragepod.org)")).toEqual([
      "Petascale storage: DIY! (http://openstoragepod.org)",
      [["@tlossen", null, "@tlossen"]],
    ]);
    expect(read("Erik Sowa, Lyris: Latent Code: Lessons Learned Implementing Feature Bits (@eriksowa)")).toEqual([
      "Latent Code: Lessons Learned Implementing Feature Bits",
      [["Erik Sowa", "Lyris", "@eriksowa"]],
    ]);
    expect(read("Scaling Chef - Mia Chen, Opscode")).toEqual(["Scaling Chef", [["Mia Chen", "Opscode", null]]]);
    expect(read("Scaling Chef — Mia Chen (Opscode)")).toEqual(["Scaling Chef", [["Mia Chen", "Opscode", null]]]);
    expect(read("Scaling Chef by Mia Chen")).toEqual(["Scaling Chef", [["Mia Chen", null, null]]]);
    expect(read("Mia Chen: Scaling Chef", ["Mia Chen"])).toEqual(["Scaling Chef", [["Mia Chen", null, null]]]);
  });

  it("does not invent speakers from titles that merely look like names", () => {
    expect(read("Netomata: like puppet for network equipment")).toEqual([
      "Netomata: like puppet for network equipment",
      [],
    ]);
    expect(read("Continuous Delivery: why it matters")).toEqual(["Continuous Delivery: why it matters", []]);
    expect(read("Chef - The Easy Way")).toEqual(["Chef - The Easy Way", []]);
    expect(read("Systems thinking & Value stream mapping: ")).toEqual(["Systems thinking & Value stream mapping", []]);
    expect(read("Ops at Scale (Part Two)")).toEqual(["Ops at Scale (Part Two)", []]);
  });
});

describe("parseTalkHeader by parts", () => {
  const full = (text: string) => {
    const h = parseTalkHeader(text);
    return [h.title, h.speakers.map((s) => [s.name, s.affiliation, s.handle, s.note])];
  };
  it("reads title, name, company, handle, url and email in any order", () => {
    expect(full("Erik Sowa, Lyris: Latent Code: http://example.org")).toEqual([
      "Latent Code: http://example.org",
      [["Erik Sowa", "Lyris", null, null]],
    ]);
    expect(full("Immutable Servers: Maya Chen from Heroku")).toEqual([
      "Immutable Servers",
      [["Maya Chen", "Heroku", null, null]],
    ]);
    expect(full("Dashboards That Lie, Raj Patel, Etsy team: http://etsy.example/d: raj@etsy.example")).toEqual([
      "Dashboards That Lie: http://etsy.example/d",
      [["Raj Patel", "Etsy", null, "raj@etsy.example"]],
    ]);
    expect(full("Ten Years Of Pagers: Lena Berg, lena@berg.example")).toEqual([
      "Ten Years Of Pagers",
      [["Lena Berg", null, null, "lena@berg.example"]],
    ]);
    expect(full("Sam Lee (@samlee): Build Speed Matters")).toEqual([
      "Build Speed Matters",
      [["Sam Lee", null, "@samlee", null]],
    ]);
    expect(full("Why Bazel — Sam Lee (@samlee)")).toEqual(["Why Bazel", [["Sam Lee", null, "@samlee", null]]]);
    expect(full("王小明 (Tencent): Scaling Chat")).toEqual(["Scaling Chat", [["王小明", "Tencent", null, null]]]);
  });
  it("needs evidence before a name-shaped part becomes a speaker", () => {
    expect(full("Continuous Delivery: Why It Matters (@jez)")).toEqual([
      "Continuous Delivery: Why It Matters",
      [["@jez", null, "@jez", null]],
    ]);
    expect(full("Immutable Servers: Maya Chen")).toEqual(["Immutable Servers: Maya Chen", []]);
  });
});
