// The worker's loop: a dispatcher pass every second (a pass never overlaps
// the previous one) and a prune of old deliveries every ten minutes.
import { dispatchWebhookDeliveries, pruneWebhookDeliveries } from "./dispatch-webhook-deliveries";
import { describeWebhookReach } from "@/lib/schemas/webhooks";
import { readWebhookAllowedHosts } from "./webhook-address-policy";

export function startWebhookDispatcher(options: { intervalMs?: number; pruneEveryMs?: number } = {}): { stop: () => Promise<void> } {
  // Read once here, so a malformed allow-list stops the worker at start (naming the entry) and every pass uses the same rule.
  const allowed = readWebhookAllowedHosts();
  console.log(`[webhooks] may send to ${describeWebhookReach(allowed.text)}`);
  const intervalMs = options.intervalMs ?? 1000;
  const pruneEveryMs = options.pruneEveryMs ?? 10 * 60 * 1000;
  let running: Promise<void> | null = null;
  let lastPrune = 0;
  const pass = async () => {
    try {
      await dispatchWebhookDeliveries({ allowed });
      if (Date.now() - lastPrune >= pruneEveryMs) {
        lastPrune = Date.now();
        await pruneWebhookDeliveries();
      }
    } catch (error) {
      console.error("[webhooks] dispatcher pass failed", error instanceof Error ? error.message : error);
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = pass().finally(() => {
      running = null;
    });
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
