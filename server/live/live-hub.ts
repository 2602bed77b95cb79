/** One reader's open stream. `write` must not throw; a closed reader unsubscribes itself. */
export interface LiveSubscriber {
  /** Sends bytes now; returns false when the reader is behind (the hub then sends it the latest frame later). */
  write(chunk: Uint8Array): boolean;
  /** Ends the stream: the session is no longer public (the reader was admitted while it was). */
  close?(): void;
}

/** Renders a session's current live frame (a complete SSE event), or null when the session is not public. */
export type BuildLiveFrame = (sessionId: string) => Promise<string | null>;

interface Channel {
  subscribers: Set<LiveSubscriber>;
  /** The last frame built, shared by every subscriber (one render per change burst). */
  frame: Uint8Array | null;
  /** Readers that were behind when the last frame went out. */
  behind: Set<LiveSubscriber>;
  building: boolean;
  /** A change arrived while a frame was being built: build again afterwards. */
  dirty: boolean;
}

const encoder = new TextEncoder();
const PING = encoder.encode(": ping\n\n");

/**
 * Fan-out of live session updates to public readers (Server-Sent Events).
 * Cheap with many readers: a change is rendered once per session, whatever
 * the number of readers, into one encoded frame that every stream gets the
 * same bytes of; a session nobody reads is never rendered; a slow reader is
 * skipped and later sent only the newest frame (each frame is the complete
 * notes, so nothing is lost by skipping). One timer pings every stream so
 * proxies keep idle connections open.
 */
export class LiveHub {
  private readonly channels = new Map<string, Channel>();
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    private readonly build: BuildLiveFrame,
    options: { pingMs?: number } = {},
  ) {
    this.pingTimer = setInterval(() => this.ping(), options.pingMs ?? 20_000);
    this.pingTimer.unref();
  }

  /** Adds a reader; it gets the current frame at once (built on demand), then every change. */
  subscribe(sessionId: string, subscriber: LiveSubscriber): () => void {
    let channel = this.channels.get(sessionId);
    if (!channel) {
      channel = { subscribers: new Set(), frame: null, behind: new Set(), building: false, dirty: false };
      this.channels.set(sessionId, channel);
    }
    channel.subscribers.add(subscriber);
    if (channel.frame) this.send(channel, subscriber, channel.frame);
    // The first frame is on its way (or being built): this reader gets it with the others.
    else if (!channel.building) this.rebuild(sessionId, channel);
    return () => {
      const current = this.channels.get(sessionId);
      if (!current) return;
      current.subscribers.delete(subscriber);
      current.behind.delete(subscriber);
      // Forget the session once nobody reads it: its next change costs nothing.
      if (current.subscribers.size === 0 && !current.building) this.channels.delete(sessionId);
    };
  }

  /** The session's notes changed: re-render once for all its readers (nothing when it has none). */
  changed(sessionId: string): void {
    const channel = this.channels.get(sessionId);
    if (channel) this.rebuild(sessionId, channel);
  }

  /** Every read session may have changed unseen (e.g. the bus between instances was down): re-render each once. */
  changedAll(): void {
    for (const [sessionId, channel] of this.channels) this.rebuild(sessionId, channel);
  }

  /** A reader that was behind can take more: send it the newest frame. */
  drained(sessionId: string, subscriber: LiveSubscriber): void {
    const channel = this.channels.get(sessionId);
    if (!channel?.frame || !channel.behind.delete(subscriber)) return;
    this.send(channel, subscriber, channel.frame);
  }

  /** How many readers a session has (for tests and benchmarks). */
  readers(sessionId: string): number {
    return this.channels.get(sessionId)?.subscribers.size ?? 0;
  }

  /** Stops the ping timer (server shutdown). */
  close(): void {
    clearInterval(this.pingTimer);
    this.channels.clear();
  }

  private rebuild(sessionId: string, channel: Channel): void {
    if (channel.building) {
      channel.dirty = true;
      return;
    }
    channel.building = true;
    channel.dirty = false;
    this.build(sessionId)
      .then((text) => {
        if (text === null) {
          // No longer public (e.g. back to draft): nothing more may reach readers admitted before.
          const readers = [...channel.subscribers];
          channel.subscribers.clear();
          channel.behind.clear();
          channel.frame = null;
          for (const subscriber of readers) subscriber.close?.();
          return;
        }
        const frame = encoder.encode(text);
        channel.frame = frame;
        channel.behind.clear();
        for (const subscriber of channel.subscribers) this.send(channel, subscriber, frame);
      })
      .catch((err) => console.error(`[live] rendering session ${sessionId} failed`, err))
      .finally(() => {
        channel.building = false;
        if (channel.subscribers.size === 0) {
          if (this.channels.get(sessionId) === channel) this.channels.delete(sessionId);
        } else if (channel.dirty) this.rebuild(sessionId, channel);
      });
  }

  private send(channel: Channel, subscriber: LiveSubscriber, frame: Uint8Array): void {
    if (!subscriber.write(frame)) channel.behind.add(subscriber);
  }

  private ping(): void {
    for (const channel of this.channels.values()) {
      for (const subscriber of channel.subscribers) subscriber.write(PING);
    }
  }
}
