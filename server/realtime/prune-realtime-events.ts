// Deletes outbox rows older than the relay could still need. Relays poll every
// fraction of a second, so minutes-old rows have been relayed by every live
// app process; one that was down missed them anyway (pages refetch on reconnect).
import { db } from "../db/client";

export const REALTIME_EVENT_RETENTION_MS = 5 * 60_000;

export async function pruneRealtimeEvents(options: { olderThanMs?: number; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? REALTIME_EVENT_RETENTION_MS));
  const { count } = await db().realtimeEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
