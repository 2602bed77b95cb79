import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ConnectionAccess } from "./connection";
import { DEFAULT_UPGRADE_LIMITS, UpgradeGate } from "./upgrade-gate";

const reader: ConnectionAccess = {
  readOnly: true,
  role: "public",
  conferenceId: "c",
  userId: null,
  admin: false,
  name: null,
  sessionCredential: null,
  tokenCredential: null,
  expiresAt: null,
};

class FakeSocket extends EventEmitter {
  written = "";
  destroyed = false;
  write(text: string) {
    this.written += text;
    return true;
  }
  destroy() {
    this.destroyed = true;
    this.emit("close");
  }
}

function request(address: string): IncomingMessage {
  return { socket: { remoteAddress: address }, headers: {}, url: "/collab/s" } as unknown as IncomingMessage;
}

describe("UpgradeGate", () => {
  it("answers 429 past the burst, before calling the authoriser", async () => {
    let calls = 0;
    const gate = new UpgradeGate(
      async () => (calls++, null),
      { ...DEFAULT_UPGRADE_LIMITS, upgradeBurst: 3, upgradesPerSecond: 1 },
      () => 1000,
    );
    const sockets = Array.from({ length: 5 }, () => new FakeSocket());
    const results = await Promise.all(sockets.map((s) => gate.admit(request("1.1.1.1"), s as unknown as Duplex, "s")));
    expect(results).toEqual([false, false, false, false, false]);
    expect(sockets.map((s) => s.written.split("\r\n")[0])).toEqual([
      "HTTP/1.1 404 Not Found",
      "HTTP/1.1 404 Not Found",
      "HTTP/1.1 404 Not Found",
      "HTTP/1.1 429 Too Many Requests",
      "HTTP/1.1 429 Too Many Requests",
    ]);
    expect(calls).toBe(3);
    // Another address has its own bucket.
    expect(await gate.admit(request("2.2.2.2"), new FakeSocket() as unknown as Duplex, "s")).toBe(false);
    expect(calls).toBe(4);
  });

  it("grants what the authoriser decided and caps open connections per address", async () => {
    const gate = new UpgradeGate(async () => reader, { ...DEFAULT_UPGRADE_LIMITS, openPerAddress: 2 });
    const open = [new FakeSocket(), new FakeSocket()];
    const reqs = [request("3.3.3.3"), request("3.3.3.3")];
    expect(await gate.admit(reqs[0]!, open[0] as unknown as Duplex, "s")).toBe(true);
    expect(await gate.admit(reqs[1]!, open[1] as unknown as Duplex, "s")).toBe(true);
    expect(gate.granted(reqs[0]!)).toEqual(reader);
    const third = new FakeSocket();
    expect(await gate.admit(request("3.3.3.3"), third as unknown as Duplex, "s")).toBe(false);
    expect(third.written).toContain("429");
    open[0]!.destroy();
    expect(await gate.admit(request("3.3.3.3"), new FakeSocket() as unknown as Duplex, "s")).toBe(true);
  });

  it("forgets idle addresses so a flood of addresses cannot grow memory without bound", async () => {
    const gate = new UpgradeGate(async () => null, { ...DEFAULT_UPGRADE_LIMITS, maxAddresses: 50 });
    for (let i = 0; i < 1000; i++)
      await gate.admit(request(`10.0.${i >> 8}.${i & 255}`), new FakeSocket() as unknown as Duplex, "s");
    expect(gate.trackedAddresses).toBeLessThanOrEqual(50);
  });
});
