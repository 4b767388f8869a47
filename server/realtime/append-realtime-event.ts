// Writes one live event to the outbox (RealtimeEvent), tagged with this
// process's origin id so this process's relay does not emit it a second time.
// The payload is stored as it would go over the wire (JSON: dates become
// strings), so relayed and locally emitted events look the same to a browser.
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

const globalForOrigin = globalThis as unknown as { maskwrightRealtimeOrigin?: string };

/** A random id per process: the relay of the process that wrote an event skips it. */
export function processOriginId(): string {
  globalForOrigin.maskwrightRealtimeOrigin ??= randomUUID();
  return globalForOrigin.maskwrightRealtimeOrigin;
}

export async function appendRealtimeEvent(options: { rooms: string[]; event: string; payload: unknown; originId?: string }): Promise<bigint> {
  const payload = JSON.parse(JSON.stringify(options.payload ?? null)) as Prisma.InputJsonValue;
  const row = await db().realtimeEvent.create({
    // createdAt from this clock, like the pruning cut-off (timestamps are stored without a zone).
    data: { rooms: options.rooms, event: options.event, payload, originId: options.originId ?? processOriginId(), createdAt: new Date() },
    select: { id: true },
  });
  return row.id;
}
