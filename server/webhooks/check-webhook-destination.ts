// The save-time half of the webhook address rule: a URL whose host is, or
// resolves to, a non-public address is refused with a 400 naming it, so the
// manager learns it at once instead of from a failed delivery. A host that
// does not resolve now is let through: DNS may be down for a moment, and the
// delivery checks the addresses again anyway (post-webhook.ts).
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "../errors/app-error";
import { readWebhookAllowedHosts, webhookAddressRefusal, webhookHostOf, type WebhookAllowedHosts } from "./webhook-address-policy";

const LOOKUP_TIMEOUT_MS = 3000;

type Resolve = (hostname: string) => Promise<{ address: string }[]>;
const resolveAll: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

export async function checkWebhookDestination(options: { url: string; allowed?: WebhookAllowedHosts; resolve?: Resolve }): Promise<void> {
  const allowed = options.allowed ?? readWebhookAllowedHosts();
  const hostname = webhookHostOf(options.url);
  let addresses: string[];
  if (isIP(hostname) !== 0) {
    addresses = [hostname];
  } else if (allowed.everything || allowed.names.has(hostname)) {
    return;
  } else {
    const resolve = options.resolve ?? resolveAll;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((done) => (timer = setTimeout(() => done(null), LOOKUP_TIMEOUT_MS)));
    const found = await Promise.race([resolve(hostname).catch(() => null), timeout]).finally(() => clearTimeout(timer));
    if (!found) return;
    addresses = found.map((entry) => entry.address);
  }
  for (const address of addresses) {
    const refusal = webhookAddressRefusal({ hostname, address, allowed });
    if (refusal) throw new AppError("bad_request", `Webhook URL refused: ${refusal}.`);
  }
}
