// One pass of the worker's webhook dispatcher: claim the deliveries that are
// due, POST each (signed), record the answer and plan the next attempt.
// Claiming moves nextAttemptAt past the send timeout first, so a second
// worker, or this one after a crash mid-send, does not send it concurrently
// (at-least-once: receivers drop repeats by the payload's id).
import { db } from "../db/client";
import { postWebhook, WebhookAddressRefused } from "./post-webhook";
import { signWebhookBody } from "./sign-webhook-body";
import type { WebhookAllowedHosts } from "./webhook-address-policy";
import { nextWebhookAttemptAt } from "./webhook-retry";

export const WEBHOOK_TIMEOUT_MS = 10_000;
const CLAIM_MS = 2 * WEBHOOK_TIMEOUT_MS;

type ClaimedDelivery = { id: string; event: string; payload: unknown; attempts: number; url: string; secret: string; active: boolean };
type Outcome = { status: "delivered" | "pending" | "failed"; responseStatus: number | null; error: string | null };

async function attempt(delivery: ClaimedDelivery, timeoutMs: number, allowed: WebhookAllowedHosts | undefined): Promise<{ ok: boolean; responseStatus: number | null; error: string | null }> {
  if (!delivery.active) return { ok: false, responseStatus: null, error: "The webhook was paused before this was sent." };
  const body = JSON.stringify(delivery.payload);
  try {
    const response = await postWebhook({
      url: delivery.url,
      timeoutMs,
      allowed,
      headers: {
        "content-type": "application/json",
        "user-agent": "Maskwright-Webhook/1",
        "x-maskwright-event": delivery.event,
        "x-maskwright-delivery": delivery.id,
        "x-maskwright-attempt": String(delivery.attempts),
        "x-maskwright-signature": signWebhookBody({ secret: delivery.secret, body }),
      },
      body,
    });
    const text = response.text;
    if (response.status >= 200 && response.status < 300) return { ok: true, responseStatus: response.status, error: null };
    const snippet = text.trim().slice(0, 200);
    return { ok: false, responseStatus: response.status, error: `The receiver answered HTTP ${response.status}${snippet ? `: ${snippet}` : ""}` };
  } catch (error) {
    if (error instanceof WebhookAddressRefused) return { ok: false, responseStatus: null, error: `Not sent: ${error.message}.` };
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, responseStatus: null, error: timedOut ? `No answer within ${timeoutMs / 1000} s.` : `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

function outcomeOf(delivery: ClaimedDelivery, result: Awaited<ReturnType<typeof attempt>>, now: Date): Outcome & { nextAttemptAt: Date | null } {
  if (result.ok) return { status: "delivered", responseStatus: result.responseStatus, error: null, nextAttemptAt: null };
  const next = delivery.active ? nextWebhookAttemptAt({ attempts: delivery.attempts, now }) : null;
  return { status: next ? "pending" : "failed", responseStatus: result.responseStatus, error: result.error, nextAttemptAt: next };
}

/** allowed: the address rule (the worker reads it once at start); left out, read from the environment. */
export async function dispatchWebhookDeliveries(options: { now?: Date; limit?: number; timeoutMs?: number; allowed?: WebhookAllowedHosts } = {}): Promise<{ delivered: number; retrying: number; failed: number }> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 20;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const claimed = await db().$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" d SET attempts = d.attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_MS)}
    FROM "Webhook" w
    WHERE w.id = d."webhookId" AND d.id IN (
      SELECT id FROM "WebhookDelivery" WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.event, d.payload, d.attempts, w.url, w.secret, w.active`;
  const totals = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = outcomeOf(delivery, await attempt(delivery, timeoutMs, options.allowed), new Date());
      totals[outcome.status === "delivered" ? "delivered" : outcome.status === "pending" ? "retrying" : "failed"] += 1;
      // The webhook may have been deleted meanwhile (its deliveries with it): then there is nothing to record.
      await db().webhookDelivery.updateMany({
        where: { id: delivery.id, status: "pending" },
        data: {
          status: outcome.status,
          responseStatus: outcome.responseStatus,
          error: outcome.error,
          deliveredAt: outcome.status === "delivered" ? new Date() : null,
          ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
        },
      });
    }),
  );
  return totals;
}

/** Finished deliveries are kept this long for the Webhooks tab's log. */
export async function pruneWebhookDeliveries(options: { now?: Date; keepDays?: number } = {}): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.keepDays ?? 30) * 24 * 3600 * 1000);
  const { count } = await db().webhookDelivery.deleteMany({ where: { status: { in: ["delivered", "failed"] }, createdAt: { lt: cutoff } } });
  return count;
}
