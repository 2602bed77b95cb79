import net from "node:net";

const BLOCKED = new net.BlockList();
// IPv4: this network, private, CGNAT, loopback, link-local, IETF protocol assignments, documentation,
// benchmarking, multicast, reserved and broadcast.
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(prefix, bits, "ipv4");
}
// IPv6: unspecified, loopback and IPv4-compatible (::/96), discard, Teredo, documentation, unique-local,
// link-local, site-local, multicast. IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 inside.
for (const [prefix, bits] of [
  ["::", 96],
  ["100::", 64],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  BLOCKED.addSubnet(prefix, bits, "ipv6");
}

/**
 * True for an IP address on the public internet; false for loopback, private,
 * link-local, CGNAT, multicast, unique-local and other special-purpose ranges,
 * in IPv4, IPv6 and IPv4 embedded in IPv6 (mapped `::ffff:a.b.c.d`, NAT64,
 * 6to4), and for anything that is not an IP address. What the server may
 * connect to when a user asks it to fetch a URL.
 */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "");
  const version = net.isIP(ip);
  if (version === 4) return !BLOCKED.check(ip, "ipv4");
  if (version !== 6) return false;
  const groups = expandIPv6(ip);
  if (!groups) return false;
  const embedded = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return isPublicAddress(embedded(groups[6]!, groups[7]!)); // ::ffff:a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6))
    return isPublicAddress(embedded(groups[6]!, groups[7]!)); // NAT64
  if (groups[0] === 0x2002) return isPublicAddress(embedded(groups[1]!, groups[2]!)); // 6to4
  return !BLOCKED.check(ip, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (with "::" and a trailing dotted quad expanded), or null. */
function expandIPv6(ip: string): number[] | null {
  let text = ip.split("%")[0]!.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups =
    tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
