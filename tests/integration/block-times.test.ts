import { Editor } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { Block, TalkNotesDocument } from "../../lib/interchange/types";
import { createNotesExtensions } from "../../lib/schema/create-notes-extensions";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { seedYDocFromNotes } from "../../lib/schema/seed-ydoc-from-notes";
import { measureClockOffset } from "../../lib/time/measure-clock-offset";
import { ROOT, type RunningServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { connectClient, synced, type TestClient, waitFor } from "../support/yclient";

/*
 * Time-coded notes (ARCHITECTURE.md): two co-editors whose laptops' clocks are wrong (one two hours
 * fast, one 3 h 20 min slow) write blocks through real y-websocket clients.
 * Each measures its offset against the server's /api/time the way the
 * browser does, and its editor (the same extensions as the browser's, headless)
 * stamps the blocks it writes. The times stored in SQLite must be the
 * server's, within 1 s, and survive the other co-editor's concurrent edits.
 */

let db: SeededServer["db"];
let server: RunningServer;
let sessionId: string;
let token: string;

beforeAll(async () => {
  // Tiptap's keymap reads `navigator` (absent in Node 20).
  vi.stubGlobal("navigator", { platform: "Linux x86_64", userAgent: "node", maxTouchPoints: 0 });
  ({ server, sessionId, token, db } = await startSeededServer({ prefix: "talknotes-block-times-" }));
});

afterAll(async () => {
  await server?.stop();
  vi.unstubAllGlobals();
});

const FROM_Y = "test:from-yjs";

/** A co-editor: a real y-websocket client, and a headless editor stamping with its corrected, skewed clock. */
async function coEditor(skewMs: number): Promise<{ client: TestClient; editor: Editor; offset: number }> {
  const localNow = () => Date.now() + skewMs;
  const offset = await measureClockOffset(
    async () => ((await (await fetch(`${server.url}/api/time`)).json()) as { now: number }).now,
    localNow,
  );
  expect(offset).not.toBeNull();
  const client = connectClient(server.wsUrl, sessionId, { token });
  await synced(client);
  const editor = new Editor({
    extensions: createNotesExtensions({
      blockTimes: { now: () => localNow() + offset!, isRemote: (tr: Transaction) => tr.getMeta(FROM_Y) === true },
    }),
    content: notesFromYDoc(client.doc).toJSON(),
  });
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
  return { client, editor, offset: offset! };
}

/** Reads the shared document into the editor, as the binding does for a co-editor's changes. */
function pull({ client, editor }: { client: TestClient; editor: Editor }): void {
  // Through JSON: the editor's schema is its own instance.
  const doc = editor.schema.nodeFromJSON(notesFromYDoc(client.doc).toJSON());
  editor.view.dispatch(
    editor.state.tr.replaceWith(0, editor.state.doc.content.size, doc.content).setMeta(FROM_Y, true),
  );
}

/** Types a new block at the end (Enter, then the text) and sends the change, as the binding would. */
function typeBlock({ client, editor }: { client: TestClient; editor: Editor }, text: string): number {
  editor.commands.setTextSelection(editor.state.doc.content.size - 2);
  if (editor.state.doc.textContent !== "") editor.commands.splitNotesBlock();
  const typedAt = Date.now(); // the server's clock: same machine
  for (const char of text) {
    const { from, to } = editor.state.selection;
    editor.view.dispatch(editor.state.tr.insertText(char, from, to));
  }
  seedYDocFromNotes(client.doc, editor.getJSON());
  return typedAt;
}

function storedBlocks(): Block[] {
  const sqlite = new Database(db.file, { readonly: true });
  try {
    const row = sqlite.prepare(`SELECT contentJson FROM "NotesDocument" WHERE sessionId = ?`).get(sessionId) as
      { contentJson: string } | undefined;
    return row?.contentJson ? (JSON.parse(row.contentJson) as TalkNotesDocument).blocks : [];
  } finally {
    sqlite.close();
  }
}

describe("block times with skewed clocks", () => {
  it("stores the server's time for each co-editor's blocks, kept through concurrent edits", async () => {
    const fast = await coEditor(2 * 3600_000);
    const slow = await coEditor(-(3 * 3600_000 + 20 * 60_000));
    // Each found its laptop's error to well within a second.
    expect(Math.abs(fast.offset + 2 * 3600_000)).toBeLessThan(1000);
    expect(Math.abs(slow.offset - (3 * 3600_000 + 20 * 60_000))).toBeLessThan(1000);

    const typed = new Map<string, number>();
    typed.set("Fast writes first", typeBlock(fast, "Fast writes first"));
    await waitFor(
      () => slow.client.doc.getXmlFragment("notes").toString().includes("Fast writes first"),
      10_000,
      "slow sees fast",
    );
    pull(slow);
    await new Promise((r) => setTimeout(r, 1100)); // the second block is written a second later
    typed.set("Slow answers", typeBlock(slow, "Slow answers"));
    await waitFor(
      () => fast.client.doc.getXmlFragment("notes").toString().includes("Slow answers"),
      10_000,
      "fast sees slow",
    );
    pull(fast);

    // Both edit the first block's text at the same time: the time stays (it is an attribute, the edits are text).
    const firstText = (client: TestClient) =>
      ((client.doc.getXmlFragment("notes").get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    firstText(fast.client).insert(0, "[fast] ");
    firstText(slow.client).insert(firstText(slow.client).length, " [slow]");
    // A block written later by the fast editor, to be sure its own blocks keep getting stamped after a pull.
    await waitFor(
      () =>
        firstText(fast.client).toString().includes("[slow]") && firstText(slow.client).toString().includes("[fast]"),
      10_000,
      "concurrent edits merged",
    );
    pull(fast);
    typed.set("Fast again", typeBlock(fast, "Fast again"));

    await waitFor(
      () => storedBlocks().length === 3 && JSON.stringify(storedBlocks()).includes("[slow]"),
      15_000,
      "the readers' copy with all three blocks",
    ).catch((err: Error) => {
      throw new Error(
        `${err.message}: ${JSON.stringify(storedBlocks())} / ${fast.client.doc.getXmlFragment("notes").toString()}`,
      );
    });
    const stored = storedBlocks();
    expect(stored.map((b) => (b.type === "talk" ? b.title : b.type === "image" ? b.alt : b.text))).toEqual([
      "[fast] Fast writes first [slow]",
      "Slow answers",
      "Fast again",
    ]);
    for (const [block, text] of stored.map((b, i) => [b, [...typed.keys()][i]!] as const)) {
      expect(block.at, text).toBeTruthy();
      expect(Math.abs(Date.parse(block.at!) - typed.get(text)!), `${text}: stored ${block.at}`).toBeLessThan(1000);
    }
    // Neither laptop's clock leaked in: two hours off would be 7 200 000 ms.
    expect(Date.parse(stored[1]!.at!) - Date.parse(stored[0]!.at!)).toBeGreaterThanOrEqual(1000);
    expect(Date.parse(stored[1]!.at!) - Date.parse(stored[0]!.at!)).toBeLessThan(10_000);

    for (const e of [fast, slow]) {
      e.editor.destroy();
      e.client.destroy();
    }
  });

  it("the JSON API carries the recording and the times; exports link them", async () => {
    const sqlite = new Database(db.file, { readonly: true });
    const { conference, session } = sqlite
      .prepare(
        `SELECT c.slug AS conference, s.slug AS session FROM "Session" s JOIN "Conference" c ON c.id = s.conferenceId WHERE s.id = ?`,
      )
      .get(sessionId) as { conference: string; session: string };
    sqlite.close();
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/v1/conferences/${conference}/sessions/${session}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });
    const first = storedBlocks()[0]!;
    const startsAt = new Date(Date.parse(first.at!) - 90_000).toISOString();

    const refused = await api("", {
      method: "PATCH",
      body: JSON.stringify({ recording: { url: "https://example.org/video.mp4" } }),
    });
    expect(refused.status).toBe(400);
    const patched = await api("", {
      method: "PATCH",
      body: JSON.stringify({ recording: { url: "https://vimeo.com/76979871", startsAt } }),
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(((await patched.json()) as { session: { recording: unknown } }).session.recording).toEqual({
      url: "https://vimeo.com/76979871",
      startsAt,
    });

    const json = (await (await api("/export/json")).json()) as TalkNotesDocument;
    expect(json.session.recording).toEqual({ url: "https://vimeo.com/76979871", startsAt });
    expect(json.blocks.map((b) => b.at)).toEqual(storedBlocks().map((b) => b.at));
    const md = await (await api("/export/md?times=link")).text();
    expect(md).toContain("(<https://vimeo.com/76979871#t=90s>) \\[fast\\] Fast writes first \\[slow\\]");
    expect((await api("/export/md?times=sometimes")).status).toBe(400);

    // The CLI's export says the same.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-times-"));
    // Async: a blocked event loop would let the server close this process's idle keep-alive socket
    // unnoticed, and the next request would fail on it ("other side closed").
    const run = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, "bin/talknotes.mjs"),
        "export",
        "--conference",
        conference,
        "--session",
        session,
        "--to",
        "md",
        "--times",
        "link",
        "--out",
        out,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(fs.readFileSync(run.stdout.trim(), "utf8")).toContain("(<https://vimeo.com/76979871#t=90s>)");

    const removed = await api("", { method: "PATCH", body: JSON.stringify({ recording: null }) });
    expect(((await removed.json()) as { session: { recording: unknown } }).session.recording).toBeNull();
  });
});
