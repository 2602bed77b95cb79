import { describe, expect, it } from "vitest";
import { DEFAULT_LOGIN_LIMITS, LoginLimiter } from "./login-limiter";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("LoginLimiter", () => {
  it("allows the free failures, then locks the pair with doubling waits", () => {
    const c = clock();
    const limiter = new LoginLimiter(DEFAULT_LOGIN_LIMITS, c.now);
    for (let i = 0; i < 5; i++) {
      expect(limiter.check("1.2.3.4", "ada@example.org").allowed).toBe(true);
      limiter.recordFailure("1.2.3.4", "ada@example.org");
    }
    expect(limiter.check("1.2.3.4", "ada@example.org").allowed).toBe(true);
    limiter.recordFailure("1.2.3.4", "ADA@example.org "); // same email, other spelling
    expect(limiter.check("1.2.3.4", "ada@example.org")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    c.advance(2_000);
    expect(limiter.check("1.2.3.4", "ada@example.org").allowed).toBe(true);
    limiter.recordFailure("1.2.3.4", "ada@example.org");
    expect(limiter.check("1.2.3.4", "ada@example.org").retryAfterSeconds).toBe(4);
    // Another address guessing the same email is not held back by this pair's lockout.
    expect(limiter.check("5.6.7.8", "ada@example.org").allowed).toBe(true);
  });

  it("a success clears the pair", () => {
    const c = clock();
    const limiter = new LoginLimiter(DEFAULT_LOGIN_LIMITS, c.now);
    for (let i = 0; i < 6; i++) limiter.recordFailure("a", "e@x.org");
    expect(limiter.check("a", "e@x.org").allowed).toBe(false);
    limiter.recordSuccess("a", "e@x.org");
    expect(limiter.check("a", "e@x.org").allowed).toBe(true);
  });

  it("locks an address that guesses many emails for the rest of the window", () => {
    const c = clock();
    const limiter = new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, perAddressFailures: 10 }, c.now);
    for (let i = 0; i < 10; i++) limiter.recordFailure("a", `user${i}@x.org`);
    const d = limiter.check("a", "someone-else@x.org");
    expect(d.allowed).toBe(false);
    expect(d.retryAfterSeconds).toBe(15 * 60);
    c.advance(15 * 60 * 1000 + 1);
    expect(limiter.check("a", "someone-else@x.org").allowed).toBe(true);
  });

  it("locks an email guessed from many addresses", () => {
    const limiter = new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, perEmailFailures: 20 }, clock().now);
    for (let i = 0; i < 20; i++) limiter.recordFailure(`10.0.0.${i}`, "target@x.org");
    expect(limiter.check("10.9.9.9", "target@x.org").allowed).toBe(false);
    expect(limiter.check("10.9.9.9", "other@x.org").allowed).toBe(true);
  });

  it("keeps at most maxEntries counters", () => {
    const limiter = new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, maxEntries: 100 }, clock().now);
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`addr${i}`, `e${i}@x.org`);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});

describe("LoginLimiter.attempt (counted before the password check)", () => {
  it("lets only the allowed number through when attempts overlap", () => {
    const limiter = new LoginLimiter(DEFAULT_LOGIN_LIMITS, clock().now);
    // 120 attempts decided before any of them finishes verifying: the old check-then-count allowed all.
    const allowed = Array.from({ length: 120 }, () => limiter.attempt("1.2.3.4", "ada@example.org")).filter(
      (d) => d.allowed,
    ).length;
    expect(allowed).toBe(DEFAULT_LOGIN_LIMITS.freeFailures + 1);
  });

  it("a success takes its attempt back from the address and email ceilings", () => {
    const limiter = new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, perAddressFailures: 3 }, clock().now);
    limiter.attempt("a", "one@x.org");
    limiter.attempt("a", "two@x.org");
    limiter.attempt("a", "three@x.org"); // the third attempt reaches the ceiling while it is being verified...
    expect(limiter.check("a", "four@x.org").allowed).toBe(false);
    limiter.recordSuccess("a", "three@x.org"); // ...and it was the right password: the address is not locked
    expect(limiter.check("a", "four@x.org").allowed).toBe(true);
  });
});
