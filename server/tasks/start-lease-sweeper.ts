// Runs the expiry sweep periodically in the app process (it emits socket
// events there). Several app processes may each run it: the statement is
// idempotent and skips rows another sweep holds.
import { releaseExpiredLeases } from "./release-expired-leases";

export function startLeaseSweeper(options: { intervalMs?: number } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await releaseExpiredLeases();
    } catch (error) {
      console.error("[tasks] lease sweep failed", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
