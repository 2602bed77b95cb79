/** Limits of the collaboration protocol, shared by server and editor. */
export const COLLAB_LIMITS = {
  /** Largest single websocket frame accepted (bytes). */
  maxMessageBytes: 1024 * 1024,
  /** Largest stored document (snapshot + update log, bytes). */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messagesPerSecond: 200,
  messageBurst: 600,
} as const;
