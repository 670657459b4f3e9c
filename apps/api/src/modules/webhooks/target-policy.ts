import { promises as dns } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * SSRF policy for webhook targets (webhooks.md: a webhook's url is called by the server, so it must not be
 * usable to reach the server's own network). A target is allowed only when EVERY address its host resolves to
 * is public, or is permitted by the operator's allow-list (WEBHOOK_ALLOWED_TARGETS: host names, IP addresses,
 * CIDR ranges). The resolved addresses are returned so that the caller connects to exactly those (pinning: a
 * second resolution at connect time could answer differently — DNS rebinding).
 *
 * Refused address classes: loopback, private (RFC 1918, IPv6 unique-local), link-local (169.254/16 — the cloud
 * metadata address 169.254.169.254 among them — and fe80::/10), unspecified, carrier-grade NAT (100.64/10),
 * multicast, broadcast, reserved/documentation/benchmarking ranges, and every IPv6 address outside global unicast
 * 2000::/3. IPv4-mapped IPv6 addresses are judged by the IPv4 address they carry; IPv4-compatible (::a.b.c.d),
 * NAT64 and 6to4 addresses are refused. Host names are refused by name too when they only exist to reach local
 * or metadata services (localhost, *.localhost — resolved as loopback without DNS, RFC 6761 — and the cloud
 * metadata names); those are permitted only by naming the host itself in the allow-list.
 *
 * IP literals are taken as the WHATWG URL parser normalises them (http://2130706433/, http://0x7f.1/ and
 * http://0177.0.0.1/ are all 127.0.0.1), so every spelling of an address is judged as that address.
 */

export type AddressFamily = 4 | 6;

export interface ResolvedAddress {
  readonly address: string;
  readonly family: AddressFamily;
}

/** Why a target was refused. */
export type TargetRefusalReason =
  /** Not an absolute http/https URL. */
  | 'invalid_url'
  /** The host (or one of its addresses) is loopback, private, link-local, metadata, reserved ... */
  | 'non_public_address'
  /** The host name did not resolve (or resolved to nothing); nothing to connect to. */
  | 'unresolvable';

/** The address classes a refused address can fall in ('public' is the only one allowed without the list). */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'linkLocal' | 'unspecified' | 'carrierGradeNat' | 'multicast' | 'broadcast' | 'reserved';

export interface AllowedTarget {
  readonly allowed: true;
  readonly url: URL;
  /** The URL's host without IPv6 brackets or a trailing dot, lowercase: the name to send in Host / SNI. */
  readonly hostname: string;
  /** The port to connect to (the scheme's default when the URL has none). */
  readonly port: number;
  /** Every address to connect to; the connection must use only these (see pinnedLookup). Never empty. */
  readonly addresses: readonly ResolvedAddress[];
}

export interface RefusedTarget {
  readonly allowed: false;
  readonly reason: TargetRefusalReason;
  /** A sentence for an API client (422 errors.url) or a delivery log. */
  readonly message: string;
  /** For 'non_public_address': the first refused address (or the host name when refused by name). */
  readonly offending?: string;
  /** For 'non_public_address': its class. */
  readonly addressClass?: AddressClass;
}

export type TargetCheck = AllowedTarget | RefusedTarget;

/** Same shape as dns.promises.lookup(host, { all: true }); injectable for tests. */
export type LookupAll = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export interface TargetPolicyOptions {
  /** WEBHOOK_ALLOWED_TARGETS entries (raw strings) or an already parsed list. */
  readonly allowList?: readonly string[] | AllowList;
  /** Defaults to dns.promises.lookup(hostname, { all: true, verbatim: true }). */
  readonly lookup?: LookupAll;
  /** A lookup that has not answered by then counts as unresolvable (default 5000 ms): a slow resolver never hangs a caller. */
  readonly lookupTimeoutMs?: number;
}

export const DEFAULT_LOOKUP_TIMEOUT_MS = 5000;

export const NON_PUBLIC_TARGET_MESSAGE = 'The url must not point to a private, loopback or link-local address.';
export const INVALID_TARGET_URL_MESSAGE = 'The url must be an absolute http or https URL.';
export const UNRESOLVABLE_TARGET_MESSAGE = "The url's host name could not be resolved.";

/** Host names that only reach a cloud provider's instance metadata service. */
const METADATA_HOSTNAMES: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.oraclecloud.com',
]);

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

const IPV4_CLASSES: Readonly<Record<string, AddressClass>> = {
  unicast: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'linkLocal',
  loopback: 'loopback',
  carrierGradeNat: 'carrierGradeNat',
  private: 'private',
};

const IPV6_CLASSES: Readonly<Record<string, AddressClass>> = {
  unicast: 'public',
  unspecified: 'unspecified',
  linkLocal: 'linkLocal',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
};

/** The class of one IP address (a string in any form ipaddr.js parses, or a parsed address). */
export function classifyAddress(address: string | IpAddress): AddressClass {
  const ip = typeof address === 'string' ? parseIp(address) : address;
  if (!ip) throw new Error(`Not an IP address: ${String(address)}`);
  if (ip.kind() === 'ipv4') return IPV4_CLASSES[ip.range()] ?? 'reserved';
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  // ::ffff:a.b.c.d reaches a.b.c.d; judge it as that. (::ffff:0:a.b.c.d, RFC 6145, the same.)
  if (range === 'ipv4Mapped' || range === 'rfc6145') return classifyAddress(embeddedIpv4(v6));
  const known = IPV6_CLASSES[range];
  if (known === 'public') return v6.match(GLOBAL_UNICAST_V6) ? 'public' : 'reserved';
  // NAT64, 6to4, Teredo, documentation, ORCHID, discard ...: translation or non-routable; refused.
  return known ?? 'reserved';
}

export function isPublicAddress(address: string | IpAddress): boolean {
  return classifyAddress(address) === 'public';
}

interface AllowCidr {
  readonly range: [IpAddress, number];
}

/** WEBHOOK_ALLOWED_TARGETS, parsed: exact host names, `*.suffix` / `.suffix` host suffixes, IPs and CIDRs. */
export class AllowList {
  private readonly hostnames = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly ranges: AllowCidr[] = [];

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (entry === '') continue;
      const unbracketed = entry.startsWith('[') && entry.endsWith(']') ? entry.slice(1, -1) : entry;
      if (unbracketed.includes('/')) {
        const range = parseCidr(unbracketed);
        if (!range) throw new Error(`WEBHOOK_ALLOWED_TARGETS: not a CIDR range: ${raw}`);
        this.ranges.push({ range });
        continue;
      }
      const ip = parseIp(unbracketed);
      if (ip) {
        this.ranges.push({ range: [ip, ip.kind() === 'ipv4' ? 32 : 128] });
        continue;
      }
      if (entry.startsWith('*.') || entry.startsWith('.')) {
        this.suffixes.push(normaliseHostname(entry.slice(entry.indexOf('.'))));
        continue;
      }
      this.hostnames.add(normaliseHostname(entry));
    }
  }

  get isEmpty(): boolean {
    return this.hostnames.size === 0 && this.suffixes.length === 0 && this.ranges.length === 0;
  }

  /** Whether the host name itself is listed (then every address it resolves to is permitted). */
  permitsHostname(hostname: string): boolean {
    const name = normaliseHostname(hostname);
    if (this.hostnames.has(name)) return true;
    return this.suffixes.some((suffix) => name.endsWith(suffix) && name.length > suffix.length);
  }

  /** Whether the address falls in a listed IP / CIDR (an IPv4-mapped IPv6 address matches its IPv4 entries). */
  permitsAddress(address: string | IpAddress): boolean {
    const ip = typeof address === 'string' ? parseIp(address) : address;
    if (!ip) return false;
    const candidates: IpAddress[] = [ip];
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) candidates.push(embeddedIpv4(ip as ipaddr.IPv6));
    if (ip.kind() === 'ipv4') candidates.push((ip as ipaddr.IPv4).toIPv4MappedAddress());
    return candidates.some((candidate) => this.ranges.some(({ range }) => range[0].kind() === candidate.kind() && candidate.match(range)));
  }
}

/** Parses WEBHOOK_ALLOWED_TARGETS entries; throws on a malformed CIDR. */
export function parseAllowList(entries: readonly string[]): AllowList {
  return new AllowList(entries);
}

/**
 * Checks a webhook target: parses the URL (absolute http/https), resolves its host (IP literals as they are,
 * localhost names as loopback, others through DNS) and refuses it unless every address is public or permitted.
 * Never throws for a bad target; the caller decides how to report a refusal.
 */
export async function checkWebhookTarget(target: string | URL, options: TargetPolicyOptions = {}): Promise<TargetCheck> {
  const allowList = options.allowList instanceof AllowList ? options.allowList : new AllowList(options.allowList ?? []);
  const url = parseTargetUrl(target);
  if (!url) return refusal('invalid_url', INVALID_TARGET_URL_MESSAGE);
  const hostname = urlHostname(url);
  if (hostname === '') return refusal('invalid_url', INVALID_TARGET_URL_MESSAGE);
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const hostPermitted = allowList.permitsHostname(hostname);

  if (!hostPermitted && METADATA_HOSTNAMES.has(hostname)) {
    return refusal('non_public_address', NON_PUBLIC_TARGET_MESSAGE, hostname, 'linkLocal');
  }

  let addresses: ResolvedAddress[];
  const literal = parseIp(hostname);
  if (literal) {
    addresses = [toResolved(literal)];
  } else if (isLocalhostName(hostname)) {
    addresses = [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ];
  } else {
    try {
      const found = await withTimeout((options.lookup ?? defaultLookup)(hostname), options.lookupTimeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS);
      addresses = [];
      for (const entry of found) {
        const ip = parseIp(entry.address);
        if (!ip) return refusal('unresolvable', UNRESOLVABLE_TARGET_MESSAGE);
        addresses.push(toResolved(ip));
      }
    } catch {
      return refusal('unresolvable', UNRESOLVABLE_TARGET_MESSAGE);
    }
    if (addresses.length === 0) return refusal('unresolvable', UNRESOLVABLE_TARGET_MESSAGE);
  }

  if (!hostPermitted) {
    for (const { address } of addresses) {
      const addressClass = classifyAddress(address);
      if (addressClass !== 'public' && !allowList.permitsAddress(address)) {
        return refusal('non_public_address', NON_PUBLIC_TARGET_MESSAGE, address, addressClass);
      }
    }
  }
  return { allowed: true, url, hostname, port, addresses: dedupe(addresses) };
}

/**
 * A `lookup` for http(s).request / net.connect that answers only with the checked addresses, so the connection
 * goes where the policy looked (no second DNS query an attacker's name server could answer differently).
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]) {
  if (addresses.length === 0) throw new Error('pinnedLookup needs at least one address');
  return (
    _hostname: string,
    options: { all?: boolean; family?: number | string } | number | undefined,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    const opts = typeof options === 'object' && options !== null ? options : {};
    const wanted = typeof options === 'number' ? options : normaliseFamily(opts.family);
    const candidates = wanted ? addresses.filter((entry) => entry.family === wanted) : [...addresses];
    if (candidates.length === 0) {
      const error: NodeJS.ErrnoException = new Error('No pinned address of the requested family');
      error.code = 'ENOTFOUND';
      callback(error, opts.all ? [] : '', undefined);
      return;
    }
    if (opts.all)
      callback(
        null,
        candidates.map((entry) => ({ address: entry.address, family: entry.family })),
      );
    else callback(null, candidates[0].address, candidates[0].family);
  };
}

/** `new URL` when the string is an absolute http/https URL with a host, otherwise undefined. */
export function parseTargetUrl(target: string | URL): URL | undefined {
  let url: URL;
  try {
    url = typeof target === 'string' ? new URL(target) : new URL(target.href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  return url;
}

function urlHostname(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1).toLowerCase() : normaliseHostname(host);
}

function normaliseHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

function isLocalhostName(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost');
}

/** An IP address written the standard way (four-part dotted IPv4 — URL already normalised other forms — or IPv6). */
function parseIp(value: string): IpAddress | undefined {
  const unbracketed = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (ipaddr.IPv4.isValidFourPartDecimal(unbracketed)) return ipaddr.IPv4.parse(unbracketed);
  if (!ipaddr.IPv6.isValid(unbracketed) || unbracketed.includes('%')) return undefined;
  // ipaddr.js reads every `::a.b.c.d` as IPv4-mapped (::ffff:a.b.c.d); the WHATWG URL serialiser writes the
  // embedded IPv4 in hex, so `::127.0.0.1` (IPv4-compatible, deprecated) stays what it is.
  if (unbracketed.includes('.')) {
    try {
      const host = new URL(`http://[${unbracketed}]/`).hostname;
      return ipaddr.IPv6.parse(host.slice(1, -1));
    } catch {
      return undefined;
    }
  }
  return ipaddr.IPv6.parse(unbracketed);
}

function parseCidr(value: string): [IpAddress, number] | undefined {
  const [address, bits] = value.split('/');
  if (bits === undefined || !/^\d{1,3}$/.test(bits)) return undefined;
  const ip = parseIp(address);
  if (!ip) return undefined;
  const prefix = Number(bits);
  if (prefix > (ip.kind() === 'ipv4' ? 32 : 128)) return undefined;
  return [ip, prefix];
}

function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = ip.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12, 16));
}

function toResolved(ip: IpAddress): ResolvedAddress {
  return ip.kind() === 'ipv4' ? { address: ip.toString(), family: 4 } : { address: (ip as ipaddr.IPv6).toRFC5952String(), family: 6 };
}

function dedupe(addresses: ResolvedAddress[]): ResolvedAddress[] {
  const seen = new Set<string>();
  return addresses.filter((entry) => (seen.has(entry.address) ? false : (seen.add(entry.address), true)));
}

function normaliseFamily(family: number | string | undefined): AddressFamily | undefined {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return undefined;
}

function refusal(reason: TargetRefusalReason, message: string, offending?: string, addressClass?: AddressClass): RefusedTarget {
  return { allowed: false, reason, message, ...(offending !== undefined ? { offending } : {}), ...(addressClass ? { addressClass } : {}) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`DNS lookup timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function defaultLookup(hostname: string): Promise<readonly { address: string; family: number }[]> {
  return dns.lookup(hostname, { all: true, verbatim: true });
}
