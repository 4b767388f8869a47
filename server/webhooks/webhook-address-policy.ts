// Where webhooks may go. A manager types the URL and the worker POSTs to it
// from inside the installation's network, so without a rule a project
// manager could make the worker talk to the database, Redis or a cloud
// metadata endpoint (server-side request forgery). Webhooks therefore reach
// public addresses only, unless the operator lists hosts or ranges in
// MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS ("*" trusts every address). The check runs
// on every address a host name resolves to, when the webhook is saved and
// again on every delivery (a name can be re-pointed after it was saved).
import { BlockList, isIP } from "node:net";

export const ALLOWED_HOSTS_ENV = "MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS";

/** Address ranges that are not the public internet, most specific first (::1 sits inside ::/96). */
const NON_PUBLIC_RANGES: { name: string; subnets: [string, number, "ipv4" | "ipv6"][] }[] = [
  { name: "loopback", subnets: [["127.0.0.0", 8, "ipv4"], ["::1", 128, "ipv6"]] },
  { name: "private network", subnets: [["10.0.0.0", 8, "ipv4"], ["172.16.0.0", 12, "ipv4"], ["192.168.0.0", 16, "ipv4"], ["fc00::", 7, "ipv6"]] },
  // 169.254.169.254 is where cloud machines fetch their credentials.
  { name: "link-local", subnets: [["169.254.0.0", 16, "ipv4"], ["fe80::", 10, "ipv6"]] },
  { name: "carrier-grade NAT", subnets: [["100.64.0.0", 10, "ipv4"]] },
  { name: "multicast", subnets: [["224.0.0.0", 4, "ipv4"], ["ff00::", 8, "ipv6"]] },
  {
    name: "reserved",
    subnets: [
      ["0.0.0.0", 8, "ipv4"],
      ["192.0.0.0", 24, "ipv4"],
      ["192.0.2.0", 24, "ipv4"],
      ["198.18.0.0", 15, "ipv4"],
      ["198.51.100.0", 24, "ipv4"],
      ["203.0.113.0", 24, "ipv4"],
      ["240.0.0.0", 4, "ipv4"],
      ["::", 96, "ipv6"],
      ["100::", 64, "ipv6"],
      ["2001:db8::", 32, "ipv6"],
    ],
  },
];

const RANGE_LISTS = NON_PUBLIC_RANGES.map(({ name, subnets }) => {
  const list = new BlockList();
  for (const [network, prefix, type] of subnets) list.addSubnet(network, prefix, type);
  return { name, list };
});

/** The kind of non-public range an IP address is in ("loopback", "private network"…), or null when it is public. */
export function nonPublicRangeOf(address: string): string | null {
  const version = isIP(address);
  if (version === 0) throw new Error(`"${address}" is not an IP address`);
  const type = version === 4 ? "ipv4" : "ipv6";
  // BlockList matches IPv4-mapped IPv6 (::ffff:10.0.0.1) against the IPv4 ranges too.
  return RANGE_LISTS.find(({ list }) => list.check(address, type))?.name ?? null;
}

export type WebhookAllowedHosts = { everything: boolean; names: Set<string>; ranges: BlockList; text: string };

/** Parses MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS: host names, IP addresses and CIDR ranges separated by commas or spaces, or "*". */
export function readWebhookAllowedHosts(raw: string | undefined = process.env[ALLOWED_HOSTS_ENV]): WebhookAllowedHosts {
  const allowed: WebhookAllowedHosts = { everything: false, names: new Set(), ranges: new BlockList(), text: (raw ?? "").trim() };
  for (const entry of allowed.text.split(/[\s,]+/).filter(Boolean)) {
    if (entry === "*") {
      allowed.everything = true;
      continue;
    }
    const [network, prefixText, extra] = entry.split("/");
    const version = isIP(network!);
    if (version !== 0) {
      const type = version === 4 ? "ipv4" : "ipv6";
      const prefix = prefixText === undefined ? (version === 4 ? 32 : 128) : Number(prefixText);
      if (extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (version === 4 ? 32 : 128)) {
        throw new Error(`${ALLOWED_HOSTS_ENV}: "${entry}" is not a valid IP range (write it as 10.0.0.0/8)`);
      }
      allowed.ranges.addSubnet(network!, prefix, type);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry)) {
      allowed.names.add(entry.toLowerCase().replace(/\.$/, ""));
    } else {
      throw new Error(`${ALLOWED_HOSTS_ENV}: "${entry}" is neither a host name, an IP address nor a range like 10.0.0.0/8`);
    }
  }
  return allowed;
}

/** The URL's host as DNS and the address checks see it: lower case, IPv6 brackets and a trailing dot removed. */
export function webhookHostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

/**
 * Why a webhook to `hostname` may not go to `address` (one of its resolved
 * addresses, or the host itself when it is an IP), or null when it may.
 */
export function webhookAddressRefusal(options: { hostname: string; address: string; allowed: WebhookAllowedHosts }): string | null {
  const { hostname, address, allowed } = options;
  if (allowed.everything || allowed.names.has(hostname)) return null;
  const range = nonPublicRangeOf(address);
  if (range === null || allowed.ranges.check(address, isIP(address) === 4 ? "ipv4" : "ipv6")) return null;
  const where = hostname === address ? `${address} is a ${range} address` : `${hostname} resolves to ${address}, a ${range} address`;
  return `${where}; webhooks only go to public addresses unless the administrator allows this one (${ALLOWED_HOSTS_ENV})`;
}
