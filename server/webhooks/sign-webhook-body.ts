import { createHmac, timingSafeEqual } from "node:crypto";

/** `X-Maskwright-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the webhook's secret. */
export function signWebhookBody(options: { secret: string; body: string }): string {
  return `sha256=${createHmac("sha256", options.secret).update(options.body, "utf8").digest("hex")}`;
}

/** What a receiver does (and the tests do): recompute and compare in constant time. */
export function verifyWebhookSignature(options: { secret: string; body: string; signature: string }): boolean {
  const expected = Buffer.from(signWebhookBody(options));
  const given = Buffer.from(options.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
