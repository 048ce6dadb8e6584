import ipaddr from 'ipaddr.js';

/** Why an address is off limits, in words that go straight into a failure reason. */
export type RefusedCategory =
  | 'cloud metadata'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'non-public'
  | 'invalid';

/** The verdict on one IP address. */
export type AddressVerdict = { allowed: true } | { allowed: false; category: RefusedCategory };

/** Decides whether the fetcher may connect to an IP address (already resolved, never a host name). */
export type AddressPolicy = (address: string) => AddressVerdict;

const ALLOWED: AddressVerdict = { allowed: true };

/** Instance metadata endpoints (AWS, GCP, Azure, Alibaba, Oracle): named apart because they hold credentials. */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254',
  '169.254.170.2',
  '100.100.100.200',
  '192.0.0.192',
  'fd00:ec2::254',
]);

const IPV4_CATEGORIES: Record<string, RefusedCategory> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
};

const IPV6_CATEGORIES: Record<string, RefusedCategory> = {
  loopback: 'loopback',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  deprecatedSiteLocal: 'private',
};

/** Public NAT64 prefix 64:ff9b::/96: the last 32 bits are the IPv4 host a NAT64 gateway would reach. */
const NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
/** IPv4-compatible ::/96 (deprecated, but some stacks still route it to the embedded IPv4 host). */
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

/**
 * The default policy: only public unicast addresses pass. It is an allow-list on ipaddr.js's `unicast`
 * range, so any special range it knows of (documentation, benchmarking, reserved...) is refused too.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, SIIT, NAT64, 6to4) are judged on that
 * IPv4 address, since that is the host the packets would end up at.
 */
export const judgeAddress: AddressPolicy = (address) => {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return { allowed: false, category: 'invalid' };
  }
  return parsed.kind() === 'ipv4' ? judgeIPv4(parsed as ipaddr.IPv4) : judgeIPv6(parsed as ipaddr.IPv6);
};

/** The policy for `allowPrivateNetwork`: every address passes. */
export const allowAnyAddress: AddressPolicy = () => ALLOWED;

function judgeIPv4(ip: ipaddr.IPv4): AddressVerdict {
  if (METADATA_ADDRESSES.has(ip.toString())) return { allowed: false, category: 'cloud metadata' };
  const range = ip.range();
  if (range === 'unicast') return ALLOWED;
  return { allowed: false, category: IPV4_CATEGORIES[range] ?? 'reserved' };
}

function judgeIPv6(ip: ipaddr.IPv6): AddressVerdict {
  if (METADATA_ADDRESSES.has(ip.toRFC5952String())) return { allowed: false, category: 'cloud metadata' };
  const range = ip.range();
  const category = IPV6_CATEGORIES[range];
  if (category) return { allowed: false, category };
  const embedded = embeddedIPv4(ip, range);
  if (embedded) return judgeIPv4(embedded);
  if (range === 'unicast') return ALLOWED;
  // Local-use NAT64 (64:ff9b:1::/48) is a site's own translator; Teredo, documentation and the rest host no feeds.
  return { allowed: false, category: range === 'rfc6052' ? 'private' : 'non-public' };
}

/** The IPv4 address an IPv6 address stands for, when it is one of the forms that embed one. */
function embeddedIPv4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const [, p1 = 0, p2 = 0, , , , p6 = 0, p7 = 0] = ip.parts;
  if (range === '6to4') return fromWords(p1, p2);
  const lastWordsHoldIPv4 =
    range === 'ipv4Mapped' || range === 'rfc6145' || ip.match(NAT64) || ip.match(IPV4_COMPATIBLE);
  return lastWordsHoldIPv4 ? fromWords(p6, p7) : undefined;
}

function fromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
