/**
 * WebSocket close codes used by the collaboration server and understood by the
 * editor, so that a note-taker sees why a connection ended (shared across the
 * boundary, like Outline's CloseEvents). 4000-4999 are free for applications.
 * y-websocket gives up for good on 4400-4499 and reconnects on every other
 * code: the 40xx codes below ask the client to come back at once and resync.
 */
export const CloseCode = {
  /**
   * Why this connection was admitted no longer holds (status back to draft, role changed or
   * removed, token revoked or expired, signed out): reconnect, and be admitted as what you are now.
   */
  AccessChanged: 4001,
  /**
   * The client stopped reading: more than COLLAB_LIMITS.maxBufferedBytes waited to be sent to it.
   * Reconnect and resync (the sync step 1/2 exchange brings everything it missed).
   */
  Behind: 4002,
  /** A frame was not a valid y-websocket message; only that connection is closed. */
  Malformed: 4400,
  /** The session does not exist, or the caller may not see it. */
  NotFound: 4404,
  /** A read-only connection kept sending edits. */
  ReadOnly: 4403,
  /** The local copy belongs to an older incarnation of the document. */
  StaleGeneration: 4409,
  /** A message or the document grew past its size limit. */
  TooLarge: 4413,
  /** Too many messages per second from this connection. */
  RateLimited: 4429,
  /** The server is shutting down; reconnect later. */
  ServerShutdown: 4503,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** A sentence for a person, for each close code (shown in the sync status). */
export function describeCloseCode(code: number): string | null {
  switch (code) {
    case CloseCode.AccessChanged:
      return "Your access to this session changed; reconnecting.";
    case CloseCode.Behind:
      return "This tab fell behind the server; catching up.";
    case CloseCode.Malformed:
      return "The server could not read a message from this tab.";
    case CloseCode.NotFound:
      return "This session no longer exists or you lost access to it.";
    case CloseCode.ReadOnly:
      return "You can read this session but not edit it.";
    case CloseCode.StaleGeneration:
      return "This session was re-created; your old local copy was discarded.";
    case CloseCode.TooLarge:
    case 1009: // RFC 6455 "message too big": a frame over the server's size limit
      return "That change is too large to save (paste less at once).";
    case CloseCode.RateLimited:
      return "Too many changes at once; reconnecting shortly.";
    case CloseCode.ServerShutdown:
      return "The server is restarting; reconnecting shortly.";
    default:
      return null;
  }
}
