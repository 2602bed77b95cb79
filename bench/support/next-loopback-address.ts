const CONNECTIONS_PER_ADDRESS = 40;
let connections = 0;

/**
 * A loopback source address for the next client connection: 40 connections
 * per address across 127.0.x.y, as an audience arrives from many addresses.
 * The server's upgrade gate limits each address (20 upgrades/s, burst 60, 512
 * open), which a thousand connections from 127.0.0.1 alone would trip; Linux
 * routes all of 127.0.0.0/8 to loopback.
 */
export function nextLoopbackAddress(): string {
  const slot = Math.floor(connections++ / CONNECTIONS_PER_ADDRESS);
  return `127.0.${1 + Math.floor(slot / 250)}.${2 + (slot % 250)}`;
}
