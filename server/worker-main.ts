// The worker process: runs background jobs (thumbnails, encoding, pre-fill,
// detector training, exports), sends webhook deliveries and batch due-day
// reminders, so the app process never blocks on them.
import { queue, stopQueue } from "./jobs/queue";
import { registerJobHandlers } from "./jobs/register-handlers";
import { outboxIdle } from "./realtime/append-realtime-event";
import { startWebhookDispatcher } from "./webhooks/start-webhook-dispatcher";
import { startDueReminders } from "./batches/start-due-reminders";
import { startHeartbeat } from "./ops/start-heartbeat";

async function main() {
  const boss = await queue("worker");
  await registerJobHandlers(boss);
  const webhooks = startWebhookDispatcher();
  const stopDueReminders = startDueReminders();
  const heartbeat = startHeartbeat({ kind: "worker", details: { node: process.version, executionProvider: process.env.MASKWRIGHT_EXECUTION_PROVIDER ?? "cpu" } });
  console.log("[worker] ready");
  const shutdown = async () => {
    heartbeat.stop();
    stopDueReminders();
    await webhooks.stop();
    await stopQueue();
    // Jobs publish their last live events without waiting for the outbox.
    await outboxIdle();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
}

main().catch((error) => {
  console.error("[worker] failed to start", error);
  process.exit(1);
});
