import dns from "node:dns";
import type net from "node:net";
import { BlockedAddressError } from "./blocked-address-error";
import { isPublicAddress } from "./is-public-address";

/**
 * A DNS look-up for sockets the server opens on a user's behalf (schedule
 * import, publishing): it resolves, checks every address and hands the socket
 * only checked ones, so there is no second look-up a rebinding DNS server
 * could answer differently. `allowed`: the operator allowed this host at any
 * address. Address literals never reach a look-up: check them with
 * isPublicAddress before connecting.
 */
export function guardedLookup(allowed: boolean): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { all: true, family: lookupOptions.family, hints: lookupOptions.hints }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      // Every address must pass, not just the first: the socket may try any of them.
      if (!allowed && (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address)))) {
        return callback(new BlockedAddressError(hostname), "", 0);
      }
      if (lookupOptions.all) (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
