import { describe, expect, it } from "vitest";
import { disambiguateNames } from "./disambiguate-names";

describe("disambiguateNames", () => {
  it("uses the bare first name when it is unique", () => {
    const labels = disambiguateNames([
      { id: "jay", name: "Jay Lyman" },
      { id: "kurt", name: "Kurt Milne" },
      { id: "rolf", name: "Rolf Andrew Russell" },
    ]);
    expect(labels.get("jay")).toEqual({ label: "Jay", disambiguated: false });
    expect(labels.get("rolf")).toEqual({ label: "Rolf", disambiguated: false });
  });

  it("adds the last initial when first names collide", () => {
    const labels = disambiguateNames([
      { id: "jody", name: "Jody Mulkey" },
      { id: "jodys", name: "Jody Smith" },
      { id: "john-w", name: "John Willis" },
      { id: "john-a", name: "John Allspaw" },
      { id: "damon", name: "Damon Edwards" },
    ]);
    expect(labels.get("jody")).toEqual({ label: "Jody M.", disambiguated: true });
    expect(labels.get("jodys")).toEqual({ label: "Jody S.", disambiguated: true });
    expect(labels.get("john-w")?.label).toBe("John W.");
    expect(labels.get("john-a")?.label).toBe("John A.");
    expect(labels.get("damon")).toEqual({ label: "Damon", disambiguated: false });
  });

  it("falls back to the full name when initials collide too", () => {
    const labels = disambiguateNames([
      { id: "a", name: "Jody Mulkey" },
      { id: "b", name: "Jody Mills" },
      { id: "c", name: "Jody Smith" },
    ]);
    expect(labels.get("a")?.label).toBe("Jody Mulkey");
    expect(labels.get("b")?.label).toBe("Jody Mills");
    expect(labels.get("c")).toEqual({ label: "Jody S.", disambiguated: true });
  });

  it("treats accents and case as the same name", () => {
    const labels = disambiguateNames([
      { id: "a", name: "José Núñez" },
      { id: "b", name: "jose Ortega" },
    ]);
    expect(labels.get("a")?.label).toBe("José N.");
    expect(labels.get("b")?.label).toBe("jose O.");
  });

  it("adds the affiliation when whole names collide", () => {
    const labels = disambiguateNames([
      { id: "a", name: "John Smith", affiliation: "Etsy" },
      { id: "b", name: "John Smith", affiliation: "Opscode" },
      { id: "c", name: "Cher" },
    ]);
    expect(labels.get("a")?.label).toBe("John Smith (Etsy)");
    expect(labels.get("b")?.label).toBe("John Smith (Opscode)");
    expect(labels.get("c")).toEqual({ label: "Cher", disambiguated: false });
  });
});
