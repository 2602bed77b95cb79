import { describe, expect, it } from "vitest";
import { AUTO_PUBLISH_MAX_ATTEMPTS, autoPublishRetryDelay } from "./auto-publish-retry-delay";

describe("autoPublishRetryDelay", () => {
  it("waits fourfold longer after each failure, from the first delay", () => {
    expect([1, 2, 3, 4, 5].map((n) => autoPublishRetryDelay(n, 30_000))).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 7_680_000,
    ]);
  });

  it("gives up after the last attempt", () => {
    expect(autoPublishRetryDelay(AUTO_PUBLISH_MAX_ATTEMPTS, 30_000)).toBeNull();
    expect(autoPublishRetryDelay(AUTO_PUBLISH_MAX_ATTEMPTS - 1, 30_000)).not.toBeNull();
  });
});
