/** Limits of the collaboration protocol, shared by server and editor. */
export const COLLAB_LIMITS = {
  /** Largest single websocket frame accepted (bytes). */
  maxMessageBytes: 1024 * 1024,
  /** Largest stored document (snapshot + update log, bytes). */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messagesPerSecond: 200,
  messageBurst: 600,
  /**
   * Bytes that may wait to be sent to one connection beyond the sync reply being written to it
   * (a reply is the document, up to maxDocumentBytes); past this the connection is closed (Behind).
   */
  maxBufferedBytes: 4 * 1024 * 1024,
  /** Presence (awareness) states one room relays at most; one per connection. */
  maxPresencePerRoom: 256,
  /** Largest awareness state accepted from a connection (JSON bytes: name, colour, caret). */
  maxPresenceStateBytes: 4096,
  /** How far a connection's awareness clock may advance in one update (each change adds 1). */
  maxPresenceClockStep: 64,
} as const;
