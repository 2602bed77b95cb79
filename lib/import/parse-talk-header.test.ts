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
    expect(read("Netomata: like puppet for network equipment")).toEqual(["Netomata: like puppet for network equipment", []]);
    expect(read("Continuous Delivery: why it matters")).toEqual(["Continuous Delivery: why it matters", []]);
    expect(read("Chef - The Easy Way")).toEqual(["Chef - The Easy Way", []]);
    expect(read("Systems thinking & Value stream mapping: ")).toEqual(["Systems thinking & Value stream mapping", []]);
    expect(read("Ops at Scale (Part Two)")).toEqual(["Ops at Scale (Part Two)", []]);
  });
});
