import { isIP } from 'node:net';

/**
 * Where a webhook may be delivered (issue #13.6, ADR 0036): public unicast addresses only. A
 * partner's URL must never make Kindling reach into its own network — the instance metadata
 * service, a VPC neighbour, localhost — in any spelling: decimal, octal or hex IPv4 (the URL parser
 * turns them into dotted quads), IPv6, and IPv4 inside IPv6 (mapped, compatible, NAT64, 6to4).
 *
 * `loopback` is a class of its own so a local run can allow it explicitly (and only it).
 */
export type AddressClass = 'public' | 'loopback' | 'internal';

type Bytes = number[];

function ipv4Bytes(text: string): Bytes | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function ipv6Bytes(input: string): Bytes | null {
  let text = input.replace(/^\[|\]$/g, '');
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  // A trailing dotted quad stands for the last two groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: Bytes = [];
  if (dotted) {
    const v4 = ipv4Bytes(dotted[2] as string);
    if (!v4) return null;
    tail = v4;
    text = `${dotted[1]}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] as string);
  const rest = halves.length === 2 ? groups(halves[1] as string) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...rest];
  const bytes: Bytes = [];
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    const n = Number.parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (dotted) bytes.splice(12, 4, ...tail);
  return bytes.length === 16 ? bytes : null;
}

const inV4 = (b: Bytes, net: Bytes, bits: number): boolean => {
  for (let i = 0; i < 4; i++) {
    const take = Math.max(0, Math.min(8, bits - i * 8));
    const mask = take === 0 ? 0 : (0xff << (8 - take)) & 0xff;
    if (((b[i] as number) & mask) !== ((net[i] as number) & mask)) return false;
  }
  return true;
};

/** Special-purpose IPv4 blocks (RFC 6890 and the clouds' metadata addresses); everything here is refused. */
const V4_INTERNAL: [Bytes, number][] = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // carrier-grade NAT (and Alibaba's metadata, 100.100.100.200)
  [[169, 254, 0, 0], 16], // link-local: AWS, GCP, Azure instance metadata 169.254.169.254
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24], // IETF protocol assignments (Oracle's metadata 192.0.0.192)
  [[192, 0, 2, 0], 24],
  [[192, 88, 99, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[168, 63, 129, 16], 32], // Azure's wire server
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved and broadcast
];

function classifyV4(b: Bytes): AddressClass {
  if (b[0] === 127) return 'loopback';
  return V4_INTERNAL.some(([net, bits]) => inV4(b, net, bits)) ? 'internal' : 'public';
}

function classifyV6(b: Bytes): AddressClass {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const v4 = (at: number) => b.slice(at, at + 4);
  if (zero(0, 15) && b[15] === 1) return 'loopback';
  if (zero(0, 16)) return 'internal';
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, SIIT ::ffff:0:a.b.c.d: the IPv4 address decides.
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(v4(12));
  if (zero(0, 12)) return classifyV4(v4(12));
  if (zero(0, 8) && b[8] === 0xff && b[9] === 0xff && zero(10, 12)) return classifyV4(v4(12));
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address too.
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return zero(4, 12) ? classifyV4(v4(12)) : 'internal';
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(v4(2));
  const first = b[0] as number;
  if ((first & 0xfe) === 0xfc) return 'internal'; // unique local fc00::/7 (AWS metadata fd00:ec2::254)
  if (first === 0xfe && ((b[1] as number) & 0xc0) === 0x80) return 'internal'; // link-local fe80::/10
  if (first === 0xfe && ((b[1] as number) & 0xc0) === 0xc0) return 'internal'; // site-local fec0::/10
  if (first === 0xff) return 'internal'; // multicast
  if (first === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) return 'internal'; // Teredo 2001::/32
  if (first === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'internal'; // documentation
  if (first === 0x01 && zero(1, 8)) return 'internal'; // discard 100::/64
  // Global unicast is 2000::/3; anything else is unassigned.
  return (first & 0xe0) === 0x20 ? 'public' : 'internal';
}

/** The class of an IP address in any textual form; null when the text is not an IP address. */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const kind = isIP(bare.split('%')[0] as string);
  if (kind === 4) return classifyV4(ipv4Bytes(bare) as Bytes);
  if (kind === 6) {
    const bytes = ipv6Bytes(bare);
    return bytes ? classifyV6(bytes) : 'internal';
  }
  return null;
}

/** Whether Kindling may connect to this address: public ones, and loopback when a local run allows it. */
export function addressAllowed(address: string, allowLoopback: boolean): boolean {
  const c = classifyAddress(address);
  return c === 'public' || (c === 'loopback' && allowLoopback);
}

/** Names that always mean this machine (RFC 6761), whatever a resolver says. */
export const isLocalName = (host: string): boolean => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
};

/** Resolves a host name to every address it has (the transport then connects only to a checked one). */
export type ResolveHost = (host: string) => Promise<{ address: string; family: number }[]>;
