import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Room } from "./room";

/** Kinds of bus message, each followed by the sender's instance id and a payload. */
const UPDATE = 0;
const AWARENESS = 1;
/** "Here is my state vector: send me what I lack, and ask me for what you lack." */
const SYNC_ASK = 2;
/** "Here is my state vector: send me what I lack" (the answer to SYNC_ASK; not answered with a question). */
const SYNC_ANSWER = 3;

const channelOf = (sessionId: string) => `talknotes:room:${sessionId}`;
/** "The readers' copy of this session was just written": live readers on every instance get the new render. */
const RENDERED_CHANNEL = "talknotes:rendered";
/** People changed in the Person tables: every instance pushes them into its loaded rooms (`PeopleNotice`). */
const PEOPLE_CHANNEL = "talknotes:people";

/**
 * What an instance tells the others about the people tables: these people
 * were changed from `fromSessionId`'s document (re-read them into every other
 * loaded session that shows them), or these sessions' people were changed on
 * the server (re-read them whole).
 */
export type PeopleNotice =
  { kind: "people"; fromSessionId: string; personIds: string[] } | { kind: "resync"; sessionIds: string[] };

/**
 * The bus between instances (multi-instance mode, REDIS_URL): every loaded
 * room publishes its document updates and presence on its session's channel
 * and applies what the other instances publish there. Redis holds nothing:
 * PostgreSQL is the only durable store, and every instance stores what it
 * applies (Yjs updates are idempotent, so a duplicate costs bytes, never
 * content; compaction folds them away). That is what makes "saved" true on
 * whichever instance a client reconnects to: an update an instance received
 * from the bus and acknowledged is in PostgreSQL through that instance too.
 *
 * A pub/sub message can be lost (Redis restarts, a connection drops). It is
 * repaired by a state-vector exchange whenever a room subscribes and whenever
 * the subscriber reconnects, after re-reading the room from the store (what
 * other instances stored while the bus was down).
 */
export class RedisRoomBus {
  readonly instanceId = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly rooms = new Map<string, Room>();
  private readonly renderedListeners: Array<(sessionId: string) => void> = [];
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly peopleListeners: Array<(notice: PeopleNotice) => void> = [];
  /** Origin of what the bus applies: never published back. */
  private readonly origin = { bus: true };

  constructor(
    redisUrl: string,
    /** Reads the stored state of a session (for the resync after the bus was down). */
    private readonly loadStored: (sessionId: string) => Promise<Uint8Array | null>,
  ) {
    // No offline queue for publishing: while Redis is down a publish fails at once (the resync on
    // reconnect repairs it) instead of piling up in memory for an outage of unknown length.
    const options = {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (n: number) => Math.min(50 * n, 1000),
    };
    this.pub = new Redis(redisUrl, options);
    this.sub = new Redis(redisUrl, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const client of [this.pub, this.sub]) client.on("error", () => {}); // reconnects on its own; state is logged below
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    // After an outage, act once both connections are back (ioredis reconnects them independently, and
    // re-subscribes by itself): what was published meanwhile is lost, in both directions.
    let everReady = false;
    let wasDown = false;
    const onReady = () => {
      if (!this.connected) return;
      if (!everReady) everReady = true;
      else if (wasDown) {
        wasDown = false;
        console.log("[bus] Redis is back: resyncing loaded rooms");
        for (const room of this.rooms.values()) {
          void this.resync(room, true);
          // Renders this instance announced while Redis was down were lost: announce its rooms again.
          this.publishRendered(room.sessionId);
        }
        for (const listener of this.reconnectListeners) listener();
      }
    };
    for (const client of [this.pub, this.sub]) {
      client.on("ready", onReady);
      client.on("close", () => {
        if (everReady) wasDown = true;
      });
    }
    this.sub.on("end", () => console.error("[bus] Redis connection ended"));
  }

  /** True when both connections to Redis are up (for /api/health). */
  get connected(): boolean {
    return this.pub.status === "ready" && this.sub.status === "ready";
  }

  /** Puts a loaded room on the bus (call from the room's onLoad); it leaves when its document is destroyed. */
  bind(room: Room): void {
    const { sessionId } = room;
    this.rooms.set(sessionId, room);
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== this.origin) this.publish(sessionId, UPDATE, update);
    };
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin === this.origin) return;
      const changed = added.concat(updated, removed);
      if (changed.length > 0)
        this.publish(sessionId, AWARENESS, awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed));
    };
    room.doc.on("update", onUpdate);
    room.awareness.on("update", onAwareness);
    room.doc.once("destroy", () => {
      if (this.rooms.get(sessionId) === room) this.rooms.delete(sessionId);
      // Unsubscribed when the room unloads, so an instance's subscriptions follow its loaded rooms.
      if (!this.rooms.has(sessionId)) this.sub.unsubscribe(channelOf(sessionId)).catch(() => {});
    });
    this.sub.subscribe(channelOf(sessionId)).then(
      () => void this.resync(room, false),
      (err: unknown) => console.error(`[bus] subscribing to ${sessionId} failed`, err),
    );
  }

  /** Asks the other instances for what this room lacks (and offers what they lack); optionally re-reads the store first. */
  private async resync(room: Room, fromStore: boolean): Promise<void> {
    if (fromStore) {
      try {
        const stored = await this.loadStored(room.sessionId);
        if (stored && this.rooms.get(room.sessionId) === room) Y.applyUpdate(room.doc, stored, this.origin);
      } catch (err) {
        console.error(`[bus] re-reading ${room.sessionId} failed`, err);
      }
    }
    if (this.rooms.get(room.sessionId) === room) this.publish(room.sessionId, SYNC_ASK, Y.encodeStateVector(room.doc));
  }

  private publish(sessionId: string, kind: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint8Array(encoder, payload);
    this.pub.publish(channelOf(sessionId), Buffer.from(encoding.toUint8Array(encoder))).catch(() => {
      // Redis is down: the resync when it is back repairs what this message would have carried.
    });
  }

  /** Tells every other instance that the readers' copy of `sessionId` was written (they push it to their live readers). */
  publishRendered(sessionId: string): void {
    this.pub.publish(RENDERED_CHANNEL, `${this.instanceId} ${sessionId}`).catch(() => {
      // Redis is down: readers elsewhere get the next render (their streams also poll nothing; see ARCHITECTURE.md).
    });
  }

  /** Calls `listener` when another instance wrote a readers' copy. */
  onRendered(listener: (sessionId: string) => void): void {
    if (this.renderedListeners.push(listener) === 1) {
      this.sub
        .subscribe(RENDERED_CHANNEL)
        .catch((err: unknown) => console.error("[bus] subscribing to renders failed", err));
    }
  }

  /** Tells every other instance that people changed (see `PeopleNotice`). */
  publishPeople(notice: PeopleNotice): void {
    this.pub.publish(PEOPLE_CHANNEL, JSON.stringify({ from: this.instanceId, notice })).catch(() => {
      // Redis is down: rooms elsewhere show the change when they load next (reconcile on load).
    });
  }

  /** Calls `listener` when another instance changed people. */
  onPeople(listener: (notice: PeopleNotice) => void): void {
    if (this.peopleListeners.push(listener) === 1) {
      this.sub
        .subscribe(PEOPLE_CHANNEL)
        .catch((err: unknown) => console.error("[bus] subscribing to people failed", err));
    }
  }

  /** Calls `listener` whenever the bus comes back after Redis was unreachable (what was published meanwhile is lost). */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === RENDERED_CHANNEL) {
      const [sender, sessionId] = message.toString().split(" ");
      if (sender !== this.instanceId && sessionId) for (const listener of this.renderedListeners) listener(sessionId);
      return;
    }
    if (channel === PEOPLE_CHANNEL) {
      try {
        const { from, notice } = JSON.parse(message.toString()) as { from: string; notice: PeopleNotice };
        if (from !== this.instanceId) for (const listener of this.peopleListeners) listener(notice);
      } catch (err) {
        console.error("[bus] unreadable people notice", err);
      }
      return;
    }
    const sessionId = channel.slice(channelOf("").length);
    const room = this.rooms.get(sessionId);
    if (!room) return;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      const kind = decoding.readVarUint(decoder);
      if (decoding.readVarString(decoder) === this.instanceId) return;
      const payload = decoding.readVarUint8Array(decoder);
      if (kind === UPDATE) Y.applyUpdate(room.doc, payload, this.origin);
      else if (kind === AWARENESS) awarenessProtocol.applyAwarenessUpdate(room.awareness, payload, this.origin);
      else if (kind === SYNC_ASK || kind === SYNC_ANSWER) {
        const missing = Y.encodeStateAsUpdate(room.doc, payload);
        // An update with no structs and no deletions is two bytes: nothing to send.
        if (missing.byteLength > 2) this.publish(sessionId, UPDATE, missing);
        if (kind === SYNC_ASK) this.publish(sessionId, SYNC_ANSWER, Y.encodeStateVector(room.doc));
      }
    } catch (err) {
      console.error(`[bus] unreadable message on ${channel}`, err);
    }
  }

  async close(): Promise<void> {
    this.rooms.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
