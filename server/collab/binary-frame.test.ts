import { Receiver } from "ws";
import { describe, expect, it } from "vitest";
import { binaryFrame } from "./binary-frame";

describe("binaryFrame", () => {
  it("builds frames that ws's own receiver reads back, across the three length encodings", () => {
    const received: Buffer[] = [];
    const receiver = new Receiver({ isServer: false, maxPayload: 0 });
    receiver.on("message", (data: Buffer, isBinary: boolean) => {
      expect(isBinary).toBe(true);
      received.push(data);
    });
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    const messages = sizes.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff));
    // Written as one stream, split at odd places, as a socket delivers it.
    const stream = Buffer.concat(messages.map(binaryFrame));
    for (let at = 0; at < stream.length; at += 7_919) receiver.write(stream.subarray(at, at + 7_919));
    expect(received.map((b) => b.length)).toEqual(sizes);
    received.forEach((b, i) => expect(new Uint8Array(b)).toEqual(messages[i]));
  });
});
