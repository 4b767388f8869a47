// Every app process runs one relay: it polls the live-event outbox for rows
// written since it last looked and emits those from other processes (the
// worker, other app processes) to its own sockets. Rows this process wrote
// were already emitted locally by publishEvent. Polling, not LISTEN: the
// embedded database serves one connection at a time and cannot hold a
// listening one.
//
// Ids come from a sequence, which hands them out at insert time, not commit
// time: a row with a lower id can become visible after a higher one. Missing
// ids below the last one seen are therefore re-asked for a few seconds
// (rolled-back inserts leave permanent holes, hence the time limit).
import type { Server } from "socket.io";
import { db } from "../db/client";
import { processOriginId } from "./append-realtime-event";
import { pruneRealtimeEvents } from "./prune-realtime-events";

export type RelayedEvent = { id: bigint; rooms: string[]; event: string; payload: unknown; originId: string };

export type RealtimeRelayOptions = {
  io: Server;
  originId?: string;
  intervalMs?: number;
  batchLimit?: number;
  /** How long an id skipped by the sequence is waited for. */
  gapWaitMs?: number;
  pruneEveryMs?: number;
  /** Called for each relayed event after it was emitted (e.g. to refresh derived state). */
  onRelayed?: (event: RelayedEvent) => void;
  /** Instructions for every app process (`control:*` events, e.g. cutting a user's sockets): handled here, never sent to browsers. */
  onControl?: (event: RelayedEvent) => Promise<void> | void;
};

export const CONTROL_EVENT_PREFIX = "control:";

export type RealtimeRelay = { stop: () => void; /** One poll now (tests). */ pollNow: () => Promise<number> };

const MAX_TRACKED_GAPS = 1000;

export function startRealtimeRelay(options: RealtimeRelayOptions): RealtimeRelay {
  const originId = options.originId ?? processOriginId();
  const intervalMs = options.intervalMs ?? 250;
  const batchLimit = options.batchLimit ?? 200;
  const gapWaitMs = options.gapWaitMs ?? 5000;
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  let lastId: bigint | null = null;
  const gaps = new Map<bigint, number>();
  let lastPrune = Date.now();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> | null = null;

  const noteGaps = (from: bigint, to: bigint, now: number) => {
    for (let id = from; id < to && gaps.size < MAX_TRACKED_GAPS; id++) gaps.set(id, now);
  };

  const emit = async (row: RelayedEvent) => {
    if (row.originId === originId) return;
    if (row.event.startsWith(CONTROL_EVENT_PREFIX)) return options.onControl?.(row);
    if (row.rooms.length === 0) return;
    options.io.to(row.rooms).emit(row.event, row.payload);
    options.onRelayed?.(row);
  };

  const pollOnce = async (): Promise<number> => {
    // Start from now: events from before this process started are not replayed.
    if (lastId === null) {
      const newest = await db().realtimeEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      lastId = newest?.id ?? 0n;
      return 0;
    }
    let cursor: bigint = lastId;
    let relayed = 0;
    for (;;) {
      const now = Date.now();
      for (const [id, since] of gaps) if (now - since > gapWaitMs) gaps.delete(id);
      const rows: RelayedEvent[] = await db().realtimeEvent.findMany({
        where: gaps.size > 0 ? { OR: [{ id: { gt: cursor } }, { id: { in: [...gaps.keys()] } }] } : { id: { gt: cursor } },
        orderBy: { id: "asc" },
        take: batchLimit,
        select: { id: true, rooms: true, event: true, payload: true, originId: true },
      });
      for (const row of rows) {
        if (gaps.delete(row.id)) {
          await emit(row);
        } else if (row.id > cursor) {
          noteGaps(cursor + 1n, row.id, now);
          cursor = row.id;
          lastId = cursor;
          await emit(row);
        }
        relayed++;
      }
      if (rows.length < batchLimit || stopped) return relayed;
    }
  };

  const tick = async () => {
    try {
      await pollNow();
      if (Date.now() - lastPrune >= pruneEveryMs) {
        lastPrune = Date.now();
        await pruneRealtimeEvents();
      }
    } catch (error) {
      console.error("[realtime] relay poll failed", error instanceof Error ? error.message : error);
    } finally {
      if (!stopped) {
        timer = setTimeout(() => void tick(), intervalMs);
        timer.unref();
      }
    }
  };

  /** Polls once, or joins the poll already running (never two at once). */
  const pollNow = (): Promise<number> => {
    inFlight ??= pollOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  void tick();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    pollNow,
  };
}
