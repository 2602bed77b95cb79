import { describe, expect, it } from "vitest";
import { offersNewPerson } from "./offers-new-person";

describe("offersNewPerson", () => {
  it.each(["israel", "Yisrael", "Curtis Andrews", "Ana de la Torre", "Ludwig van Beethoven", "Zoë O'Neil"])(
    "offers %j",
    (typed) => {
      expect(offersNewPerson(typed)).toBe(true);
    },
  );

  it.each(["", "j", "jo said it", "Jo said it", "curtis andrews", "the Room"])("does not offer %j", (typed) => {
    expect(offersNewPerson(typed)).toBe(false);
  });
});
