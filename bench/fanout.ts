/**
 * Scenario 8, broadcast fan-out CPU (BENCHMARKS.md): the server-side cost of one
 * merged broadcast to many reader sockets, the two ways `room.ts` can send it —
 * `ws` framing each copy (`send(conn, message)`) and the frame built once and
 * the same Buffer written to every socket (`send(conn, message, _, binaryFrame(message))`).
 * Readers run in a child process (bench/support/fanout-readers.mjs), so this
 * process's CPU time (user + system, process.cpuUsage) around the send loop is the
 * server's alone; CPU time moves far less with other people's load than the
 * live panel's wall-clock latencies. The two ways alternate, round by round.
 */
import { type ChildProcess, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as encoding from "lib0/encoding";
import { WebSocketServer, type WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import { MESSAGE_SYNC } from "../lib/collab/message-types";
import { binaryFrame } from "../server/collab/binary-frame";
import { send } from "../server/collab/room";
import type { BenchContext } from "./support/bench-context";
import { fmt } from "./support/format";
import { markdownTable } from "./support/markdown-table";
import type { ScenarioResult } from "./support/scenario-result";

const MESSAGE_BYTES = 120; // a merged broadcast of a few keystrokes with their markers

function readLine(child: ChildProcess, expected: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (d: Buffer) => {
      buffered += d.toString();
      const line = buffered.split("\n").find((l) => expected.test(l));
      if (line) {
        child.stdout!.off("data", onData);
        resolve(line);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`fanout readers exited with ${code}`)));
  });
}

export async function runFanoutBench(ctx: BenchContext): Promise<ScenarioResult> {
  const readers = ctx.quick ? 50 : 1000;
  const broadcastsPerRound = ctx.quick ? 20 : 100;
  const rounds = ctx.quick ? 1 : 5;
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const conns: WebSocket[] = [];
  server.on("connection", (c) => conns.push(c));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, "support/fanout-readers.mjs"), url, String(readers)],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  try {
    await readLine(child, /^ready$/);
    while (conns.length < readers) await new Promise((r) => setTimeout(r, 10));
    const cpuUs = { ws: 0, frameOnce: 0 };
    let sent = 0;
    for (let round = 0; round < rounds; round++) {
      for (const way of ["ws", "frameOnce"] as const) {
        for (let b = 0; b < broadcastsPerRound; b++) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
          encoding.writeVarUint8Array(encoder, new Uint8Array(MESSAGE_BYTES).fill(b & 0xff));
          const message = encoding.toUint8Array(encoder);
          const before = process.cpuUsage();
          const frame = way === "frameOnce" ? binaryFrame(message) : undefined;
          for (const conn of conns) send(conn, message, undefined, frame);
          const used = process.cpuUsage(before);
          cpuUs[way] += used.user + used.system;
          sent += conns.length;
          // One broadcast per event-loop turn, as the room sends them; let the sockets drain now and then.
          await new Promise((r) => setImmediate(r));
          if (b % 20 === 19) while (conns.some((c) => c.bufferedAmount > 0)) await new Promise((r) => setTimeout(r, 5));
        }
      }
    }
    // Every copy arrived: both ways deliver the same messages.
    let got = 0;
    for (let i = 0; i < 200 && got < sent; i++) {
      child.stdin!.write("?\n");
      got = Number((await readLine(child, /^got \d+$/)).slice(4));
      if (got < sent) await new Promise((r) => setTimeout(r, 50));
    }
    const perCopy = (us: number) => (us * 1000) / (rounds * broadcastsPerRound * readers);
    const ratio = cpuUs.frameOnce / Math.max(1, cpuUs.ws);
    ctx.log(`fanout: ws ${fmt.ms(perCopy(cpuUs.ws))} ns/copy, frame once ${fmt.ms(perCopy(cpuUs.frameOnce))} ns/copy`);
    const markdown = [
      `### 8. Broadcast fan-out CPU (${readers} reader sockets, ${rounds} x ${broadcastsPerRound} broadcasts of ${MESSAGE_BYTES} bytes each way${ctx.quick ? ", quick" : ""})`,
      "",
      markdownTable(
        ["way", "server CPU per copy (ns):", "server CPU per broadcast to all (ms):"],
        [
          [
            "ws frames each copy (`conn.send`)",
            fmt.int(perCopy(cpuUs.ws)),
            fmt.ms((perCopy(cpuUs.ws) * readers) / 1e6),
          ],
          [
            "framed once, same Buffer, one write per socket",
            fmt.int(perCopy(cpuUs.frameOnce)),
            fmt.ms((perCopy(cpuUs.frameOnce) * readers) / 1e6),
          ],
        ],
      ),
      "",
      `Delivered: ${fmt.int(got)} of ${fmt.int(sent)} copies. CPU is this process's user + system time around the send loop ` +
        "(the synchronous part of a broadcast: framing and the socket writes, which go straight to the kernel when the socket is not backed up).",
    ].join("\n");
    return {
      markdown,
      goals: [
        {
          scenario: "8 fan-out",
          goal: "server CPU per broadcast copy, framed once vs by ws (no target set)",
          measured: `${fmt.int(perCopy(cpuUs.frameOnce))} ns vs ${fmt.int(perCopy(cpuUs.ws))} ns (${fmt.x(ratio)})`,
          result: ctx.quick ? "n/a" : got === sent ? "reported" : "missed",
          reason:
            got === sent
              ? "every copy arrived; the difference is ws's per-copy framing and its two-part (corked) write"
              : `${fmt.int(sent - got)} copies not delivered`,
        },
      ],
    };
  } finally {
    child.stdin!.end();
    child.kill();
    for (const c of conns) c.terminate();
    server.close();
  }
}
