import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ConnectionAccess } from "./connection";

/** Limits applied to websocket upgrades before (and while) they are authorised. */
export interface UpgradeLimits {
  /** Sustained upgrades per second per address, and the burst above it. */
  upgradesPerSecond: number;
  upgradeBurst: number;
  /** Upgrades of one address being authorised at once. */
  pendingPerAddress: number;
  /** Upgrades being authorised at once, all addresses together. */
  pendingTotal: number;
  /** Open websocket connections per address (high: a venue may share one NAT address). */
  openPerAddress: number;
  /** Addresses tracked at most; the least recently seen are forgotten first. */
  maxAddresses: number;
}

export const DEFAULT_UPGRADE_LIMITS: UpgradeLimits = {
  upgradesPerSecond: 20,
  upgradeBurst: 60,
  pendingPerAddress: 32,
  pendingTotal: 1024,
  openPerAddress: 512,
  maxAddresses: 100_000,
};

interface AddressState {
  tokens: number;
  refilledAt: number;
  pending: number;
  open: number;
}

/** Decides how a request may join a room; null answers 404. May throw (answered 500). */
export type ResolveAccess = (req: IncomingMessage, sessionId: string) => Promise<ConnectionAccess | null>;

/**
 * The door in front of `/collab/<sessionId>`: per-address upgrade rate,
 * pending and open-connection caps (answered with HTTP 429 before any work),
 * then the asynchronous authorisation (cookie or `?token=`). Only an upgrade
 * it admitted reaches the collaboration server, whose synchronous `authorize`
 * hook reads the decision back with `granted(req)`; no sync message is ever
 * read before that.
 */
export class UpgradeGate {
  private readonly addresses = new Map<string, AddressState>();
  private readonly decisions = new WeakMap<IncomingMessage, ConnectionAccess>();
  private pendingTotal = 0;

  constructor(
    private readonly resolve: ResolveAccess,
    private readonly limits: UpgradeLimits = DEFAULT_UPGRADE_LIMITS,
    private readonly now: () => number = Date.now,
    /**
     * The upgrade rate shared by every instance (REDIS_URL: `RedisTokenBucket`
     * with the same rate and burst), taken on top of this process's own
     * bucket; null when unreachable (the process's bucket alone applies).
     */
    private readonly sharedRate: ((address: string) => Promise<boolean | null>) | null = null,
  ) {}

  /**
   * Authorises an upgrade. Resolves true when the caller should hand it to the
   * collaboration server; false when the gate already answered (429, 404, 500)
   * and destroyed the socket.
   */
  async admit(req: IncomingMessage, socket: Duplex, sessionId: string | null): Promise<boolean> {
    socket.on("error", () => socket.destroy());
    const address = req.socket.remoteAddress ?? "unknown";
    const state = this.state(address);
    const now = this.now();
    state.tokens = Math.min(
      this.limits.upgradeBurst,
      state.tokens + ((now - state.refilledAt) / 1000) * this.limits.upgradesPerSecond,
    );
    state.refilledAt = now;
    if (
      state.tokens < 1 ||
      state.pending >= this.limits.pendingPerAddress ||
      state.open >= this.limits.openPerAddress ||
      this.pendingTotal >= this.limits.pendingTotal
    ) {
      refuse(socket, 429, "Too Many Requests", "Retry-After: 1\r\n");
      return false;
    }
    state.tokens -= 1;
    if (this.sharedRate) {
      // Counted as pending while Redis answers, so the caps above hold meanwhile.
      state.pending += 1;
      this.pendingTotal += 1;
      let shared: boolean | null;
      try {
        shared = await this.sharedRate(address);
      } finally {
        state.pending -= 1;
        this.pendingTotal -= 1;
      }
      if (shared === false) {
        refuse(socket, 429, "Too Many Requests", "Retry-After: 1\r\n");
        return false;
      }
    }
    if (!sessionId) {
      refuse(socket, 400, "Bad Request");
      return false;
    }
    state.pending += 1;
    this.pendingTotal += 1;
    let access: ConnectionAccess | null;
    try {
      access = await this.resolve(req, sessionId);
    } catch (err) {
      console.error("[collab] authorisation failed", err);
      refuse(socket, 500, "Internal Server Error");
      return false;
    } finally {
      state.pending -= 1;
      this.pendingTotal -= 1;
    }
    if (socket.destroyed) return false;
    if (!access) {
      refuse(socket, 404, "Not Found");
      return false;
    }
    this.decisions.set(req, access);
    state.open += 1;
    socket.once("close", () => {
      state.open -= 1;
    });
    return true;
  }

  /** The access admit() granted this request (the collaboration server's `authorize` hook). */
  granted(req: IncomingMessage): ConnectionAccess | null {
    return this.decisions.get(req) ?? null;
  }

  /** Addresses tracked right now (for tests of the memory bound). */
  get trackedAddresses(): number {
    return this.addresses.size;
  }

  private state(address: string): AddressState {
    let s = this.addresses.get(address);
    if (s) {
      this.addresses.delete(address); // re-insert: Map order is recency
    } else {
      s = { tokens: this.limits.upgradeBurst, refilledAt: this.now(), pending: 0, open: 0 };
      if (this.addresses.size >= this.limits.maxAddresses) this.forgetIdle();
    }
    this.addresses.set(address, s);
    return s;
  }

  private forgetIdle(): void {
    for (const [address, s] of this.addresses) {
      if (this.addresses.size < this.limits.maxAddresses) return;
      // Only addresses with nothing pending or open may be forgotten; their counters stay exact.
      if (s.pending === 0 && s.open === 0) this.addresses.delete(address);
    }
  }
}

function refuse(socket: Duplex, status: number, text: string, extra = ""): void {
  if (!socket.destroyed)
    socket.write(`HTTP/1.1 ${status} ${text}\r\n${extra}Connection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
