/** Thrown by the guarded DNS look-up when a host resolves to an address the server must not connect to. */
export class BlockedAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host} is a private or local address`);
  }
}
