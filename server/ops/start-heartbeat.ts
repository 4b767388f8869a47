// A background process records that it is alive every 15 s (one row per
// process: several workers each show), and clears rows of processes gone for
// a day. The admins' status page reads them.
import os from "node:os";
import { db } from "../db/client";

export const HEARTBEAT_INTERVAL_MS = 15_000;
const FORGET_AFTER_MS = 24 * 3600 * 1000;

export async function writeHeartbeat(options: { id: string; kind: string; startedAt: Date; details?: Record<string, string | number | boolean | null>; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const data = { kind: options.kind, host: os.hostname(), pid: process.pid, startedAt: options.startedAt, seenAt: now, details: options.details ?? {} };
  await db().serviceHeartbeat.upsert({ where: { id: options.id }, create: { id: options.id, ...data }, update: data });
  await db().serviceHeartbeat.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
}

export function startHeartbeat(options: { kind: string; details?: Record<string, string | number | boolean | null> }): { stop: () => void } {
  const startedAt = new Date();
  const id = `${options.kind}:${os.hostname()}:${process.pid}`;
  const beat = () =>
    void writeHeartbeat({ id, kind: options.kind, startedAt, details: options.details }).catch((error: unknown) => {
      console.error(`[${options.kind}] heartbeat failed`, error instanceof Error ? error.message : error);
    });
  beat();
  const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  return { stop: () => clearInterval(timer) };
}
