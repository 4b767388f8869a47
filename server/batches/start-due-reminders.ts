// Runs the due-day reminder sweep in the worker: at start (a reminder missed
// while nothing ran goes out at once) and then every few minutes. The sweep is
// idempotent, so a second worker would not send anything twice.
import { notifyDueBatches } from "./notify-due-batches";

export function startDueReminders(options: { intervalMs?: number } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const sent = await notifyDueBatches();
      const count = sent.due_soon.length + sent.overdue.length;
      if (count > 0) console.log(`[batches] due reminders: ${sent.due_soon.length} due soon, ${sent.overdue.length} overdue`);
    } catch (error) {
      console.error("[batches] due reminder sweep failed", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? 5 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
