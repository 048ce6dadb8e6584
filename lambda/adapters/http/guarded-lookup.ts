import { promises as dnsPromises, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy';
import { AddressRefusedError } from './fetch-errors';

/** Turns a host name into the addresses it stands for; injectable so tests can point names at loopback. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (getaddrinfo, so /etc/hosts counts), every address in the resolver's order. */
export const systemResolver: Resolver = (hostname) =>
  dnsPromises.lookup(hostname, { all: true, verbatim: true });

/** Which request a check is made for, so the reason can say "redirect to ...". */
export type Hop = 'initial' | 'redirect';

/**
 * A `lookup` for http(s).request that refuses a host whose resolved addresses the policy rejects. The check
 * sits in the connect path itself, on the very address the socket will use, so a name that resolves to a
 * public address when first looked at and to 169.254.169.254 a moment later (DNS rebinding) gains nothing.
 * Any refused address refuses the whole name: a host with one public and one private address is suspect.
 */
export function createGuardedLookup(resolve: Resolver, policy: AddressPolicy, hop: Hop): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (resolved) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const addresses = resolved.filter((entry) => wanted === undefined || entry.family === wanted);
        for (const { address } of addresses) {
          const verdict = policy(address);
          if (!verdict.allowed) return callback(new AddressRefusedError(address, verdict.category, hop), '');
        }
        const [first] = addresses;
        if (!first) return callback(notFound(hostname), '');
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), otherwise for one.
        if (options.all) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/**
 * Node skips `lookup` when the host is already an IP literal, so literals are judged here before any socket
 * opens. WHATWG URL parsing has by then turned disguises such as `2130706433` or `0x7f.1` into dotted form.
 * Returns undefined for host names, which the guarded lookup judges at connect time instead.
 */
export function refuseLiteralHost(
  hostname: string,
  policy: AddressPolicy,
  hop: Hop,
): AddressRefusedError | undefined {
  const address = unbracket(hostname);
  if (isIP(address) === 0) return undefined;
  const verdict = policy(address);
  return verdict.allowed ? undefined : new AddressRefusedError(address, verdict.category, hop);
}

/** URL keeps IPv6 literals in brackets (`[::1]`); sockets and policies want them bare. */
export function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
}
