// Worker thread of the durability scenario: watches the SQLite file the way a
// second process would (read-only connection, WAL) and notes when each edit
// marker first appears on disk, either in a NotesUpdate row or, if compaction
// folded its row away between two polls, in the session's snapshot.
// Plain JavaScript so the worker needs no TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, sessions, pollMs } = workerData;
const db = new Database(file, { readonly: true, fileMustExist: true });
const updatesAfter = db.prepare(`SELECT id, data FROM "NotesUpdate" WHERE id > ? ORDER BY id`);
const docs = db.prepare(
  `SELECT sessionId, snapshotUpTo FROM "NotesDocument" WHERE sessionId IN (SELECT value FROM json_each(?))`,
);
const snapshotOf = db.prepare(`SELECT snapshot FROM "NotesDocument" WHERE sessionId = ?`);
const watched = JSON.stringify(sessions);

const MARKER = /\[e(\d+)#(\d+)@(\d+)\]/g;
const seen = new Set();
const sent = [];
const durable = [];
let lastId = db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM "NotesUpdate"`).get().id;
let rows = 0;
let bytes = 0;
let polls = 0;
const snapshotUpTo = new Map();
let stopping = false;

const now = () => Number(process.hrtime.bigint() / 1000n);
const scan = (buf, at) => {
  for (const m of buf.toString("latin1").matchAll(MARKER)) {
    const key = `${m[1]}#${m[2]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sent.push(Number(m[3]));
    durable.push(at);
  }
};

const poll = () => {
  polls++;
  for (const row of updatesAfter.all(lastId)) {
    lastId = row.id;
    rows++;
    bytes += row.data.length;
    scan(row.data, now());
  }
  for (const d of docs.all(watched)) {
    if (d.snapshotUpTo === 0 || snapshotUpTo.get(d.sessionId) === d.snapshotUpTo) continue;
    snapshotUpTo.set(d.sessionId, d.snapshotUpTo);
    const snap = snapshotOf.get(d.sessionId)?.snapshot;
    if (snap) scan(snap, now());
  }
};

parentPort.on("message", (msg) => {
  if (msg === "stop") stopping = true;
});
const loop = () => {
  poll();
  if (stopping) {
    db.close();
    parentPort.postMessage({ sent: Float64Array.from(sent), durable: Float64Array.from(durable), rows, bytes, polls });
    return;
  }
  setTimeout(loop, pollMs);
};
parentPort.postMessage("ready");
loop();
