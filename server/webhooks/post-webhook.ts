// One webhook POST, made with node:http(s) rather than fetch so that the
// address rule runs inside the connection's own DNS lookup: the addresses
// checked are the ones connected to, which a name re-pointed between a check
// and the connect (DNS rebinding) cannot get around. Redirects are not
// followed (Node's http never does): a 3xx is an answer to show the manager.
import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { readWebhookAllowedHosts, webhookAddressRefusal, webhookHostOf, type WebhookAllowedHosts } from "./webhook-address-policy";

/** The receiver's answer is kept for the deliveries log only, so reading stops here. */
const MAX_ANSWER_BYTES = 4096;

export class WebhookAddressRefused extends Error {
  override name = "WebhookAddressRefused";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup, refusing the whole answer when any address it holds is not allowed. */
function guardedLookup(allowed: WebhookAllowedHosts) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refusal = webhookAddressRefusal({ hostname: hostname.toLowerCase(), address, allowed });
        if (refusal) return callback(new WebhookAddressRefused(refusal), []);
      }
      // Node asks for every address (all: true) when it races IPv4 and IPv6, else for one.
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}

export async function postWebhook(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowed?: WebhookAllowedHosts;
}): Promise<{ status: number; text: string }> {
  const allowed = options.allowed ?? readWebhookAllowedHosts();
  const url = new URL(options.url);
  const hostname = webhookHostOf(options.url);
  // An IP written in the URL is connected to without a lookup, so it is checked here.
  if (isIP(hostname) !== 0) {
    const refusal = webhookAddressRefusal({ hostname, address: hostname, allowed });
    if (refusal) throw new WebhookAddressRefused(refusal);
  }
  const request = url.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) },
        lookup: guardedLookup(allowed) as unknown as typeof dns.lookup,
        signal: AbortSignal.timeout(options.timeoutMs),
        // A fresh connection per delivery: a kept-alive socket would skip the lookup, and with it the check.
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8").slice(0, MAX_ANSWER_BYTES) }));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}
