// Writes live events to the outbox (RealtimeEvent), tagged with this
// process's origin id so this process's relay does not emit them a second
// time. Events are coalesced: those published while a write is in flight (or
// in the same tick) go in one multi-row INSERT, so the outbox costs at most one
// connection per process at a time however busy the app is (measured with
// bench:queue: one INSERT per event cost ~30% of claim throughput).
// Payloads are stored as they would go over the wire (JSON: dates become
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

type Pending = { row: Prisma.RealtimeEventCreateManyInput; resolve: () => void; reject: (error: unknown) => void };

const MAX_ROWS_PER_INSERT = 500;
const queue: Pending[] = [];
let scheduled = false;
let writing = false;
const idleWaiters: (() => void)[] = [];

function isIdle(): boolean {
  return !scheduled && !writing && queue.length === 0;
}

function schedule() {
  if (scheduled || writing || queue.length === 0) return;
  scheduled = true;
  setImmediate(() => void flush());
}

async function flush() {
  scheduled = false;
  writing = true;
  const batch = queue.splice(0, MAX_ROWS_PER_INSERT);
  try {
    // One statement: ids follow the order of the rows, i.e. publish order.
    await db().realtimeEvent.createMany({ data: batch.map((pending) => pending.row) });
    for (const pending of batch) pending.resolve();
  } catch (error) {
    for (const pending of batch) pending.reject(error);
  } finally {
    writing = false;
    schedule();
    if (isIdle()) for (const resolve of idleWaiters.splice(0)) resolve();
  }
}

/** Resolves once the event is committed to the outbox. */
export function appendRealtimeEvent(options: { rooms: string[]; event: string; payload: unknown; originId?: string }): Promise<void> {
  const payload = JSON.parse(JSON.stringify(options.payload ?? null)) as Prisma.InputJsonValue;
  // createdAt from this clock, like the pruning cut-off (timestamps are stored without a zone).
  const row = { rooms: options.rooms, event: options.event, payload, originId: options.originId ?? processOriginId(), createdAt: new Date() };
  return new Promise<void>((resolve, reject) => {
    queue.push({ row, resolve, reject });
    schedule();
  });
}

/**
 * Resolves once every event appended so far is written (or has failed).
 * publishEvent does not wait for the outbox, so a process that stops must:
 * a job's last events would otherwise die with it, or hit a closed client.
 */
export function outboxIdle(): Promise<void> {
  if (isIdle()) return Promise.resolve();
  return new Promise<void>((resolve) => idleWaiters.push(resolve));
}
