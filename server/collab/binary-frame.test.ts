import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { binaryFrame } from "./binary-frame";
import { send } from "./room";

describe("binaryFrame, written by the room's send", () => {
  it("reaches a real ws client as the same messages, in order, across the three length encodings", async () => {
    const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    const messages = sizes.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff));
    server.on("connection", (conn) => {
      // Framed once and written raw, or by ws (every other one), interleaved: order and bytes must hold.
      messages.forEach((m, i) => send(conn, m, undefined, i % 2 === 0 ? binaryFrame(m) : undefined));
    });
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: Buffer[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        client.on("message", (data: Buffer, isBinary: boolean) => {
          expect(isBinary).toBe(true);
          received.push(data);
          if (received.length === messages.length) resolve();
        });
        client.on("error", reject);
      });
    } finally {
      client.close();
      server.close();
    }
    expect(received.map((b) => b.length)).toEqual(sizes);
    received.forEach((b, i) => expect(new Uint8Array(b)).toEqual(messages[i]));
  });
});
