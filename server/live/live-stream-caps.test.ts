import { describe, expect, it } from "vitest";
import { LiveStreamCaps } from "./live-stream-caps";

describe("LiveStreamCaps", () => {
  it("caps streams per address and in all, and frees a place once per release", () => {
    const caps = new LiveStreamCaps({ perAddress: 2, total: 3 });
    const a1 = caps.admit("a");
    const a2 = caps.admit("a");
    expect(typeof a1).toBe("function");
    expect(typeof a2).toBe("function");
    expect(caps.admit("a")).toEqual({ reason: "address", retryAfterSeconds: 30 });
    expect(typeof caps.admit("b")).toBe("function");
    expect(caps.admit("c")).toMatchObject({ reason: "total" });
    (a1 as () => void)();
    (a1 as () => void)(); // a second call (abort and cancel both fire) frees nothing more
    expect(caps.size).toBe(2);
    expect(typeof caps.admit("c")).toBe("function");
    expect(caps.admit("d")).toMatchObject({ reason: "total" });
  });
});
