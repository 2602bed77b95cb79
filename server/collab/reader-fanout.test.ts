import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ReaderFanout } from "./reader-fanout";

/** A real Yjs update inserting `text` at the end of a shared doc's "t". */
function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let n = 0; n < count; n++) doc.getText("t").insert(doc.getText("t").length, `<${n}>`);
  return updates;
}

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe("ReaderFanout", () => {
  it("sends at once while fanning out is cheap, merges while the last fan-out's pause lasts, and loses nothing", async () => {
    const sent: Uint8Array[] = [];
    let costMs = 0;
    const fanout = new ReaderFanout(
      (message) => {
        sent.push(message);
        busyFor(costMs);
      },
      (update) => ({ message: update, frame: Buffer.from(update) }),
      { minDelayMs: 0, maxDelayMs: 50, busyFactor: 3 },
    );
    const updates = edits(6);
    fanout.push(updates[0]!);
    expect(sent).toHaveLength(1); // cheap: out at once
    costMs = 10; // the next fan-out takes 10 ms: 30 ms of pause after it
    await new Promise((r) => setTimeout(r, 5));
    fanout.push(updates[1]!);
    expect(sent).toHaveLength(2);
    for (const u of updates.slice(2)) fanout.push(u);
    expect(sent).toHaveLength(2); // waiting out the pause
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toHaveLength(3); // the four merged into one
    const reader = new Y.Doc();
    for (const m of sent) Y.applyUpdate(reader, m);
    expect(reader.getText("t").toString()).toBe("<0><1><2><3><4><5>");
  });

  it("close drops what waits", async () => {
    const sent: Uint8Array[] = [];
    const fanout = new ReaderFanout(
      (message) => sent.push(message),
      (update) => ({ message: update, frame: Buffer.from(update) }),
      { minDelayMs: 20, maxDelayMs: 50, busyFactor: 3 },
    );
    const [a, b] = edits(2);
    fanout.push(a!);
    fanout.push(b!);
    fanout.close();
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toHaveLength(1);
  });

  it("sends a moving caret once per fan-out, with its latest position, after the document", async () => {
    const sent: string[] = [];
    const carets = new Map<number, number>();
    const fanout = new ReaderFanout(
      (message) => sent.push(Buffer.from(message).toString()),
      () => ({ message: Buffer.from("doc"), frame: Buffer.from("doc") }),
      { minDelayMs: 30, maxDelayMs: 50, busyFactor: 3 },
      (ids) => {
        const text = ids
          .filter((id) => carets.has(id))
          .sort()
          .map((id) => `${id}@${carets.get(id)}`)
          .join(",");
        return text ? { message: Buffer.from(text), frame: Buffer.from(text) } : null;
      },
    );
    carets.set(1, 0);
    fanout.pushPresence([1]);
    expect(sent).toEqual(["1@0"]); // nothing waits: out at once
    for (let pos = 1; pos <= 10; pos++) {
      carets.set(1, pos);
      fanout.pushPresence([1]);
    }
    carets.set(2, 7);
    fanout.pushPresence([2]);
    fanout.push(edits(1)[0]!);
    fanout.pushPresence([99]); // a client the room no longer knows: nothing to send for it
    expect(sent).toEqual(["1@0"]); // the pause after the first fan-out
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toEqual(["1@0", "doc", "1@10,2@7"]);
  });
});
