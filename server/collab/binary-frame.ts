/**
 * A complete, unmasked, uncompressed WebSocket binary frame (RFC 6455 §5.2:
 * FIN + opcode 2, then the payload length) holding `message`, as one Buffer.
 * A broadcast builds it once and writes the same bytes to every socket, where
 * `ws` would frame the message again for each socket and write it in two
 * parts (see room.ts `send`).
 */
export function binaryFrame(message: Uint8Array): Buffer {
  const length = message.byteLength;
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(message, headerBytes);
  return frame;
}
