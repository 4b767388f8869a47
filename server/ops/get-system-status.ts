// The admins' view of the installation: is the worker alive, what is queued
// or failing, how far encoding has got, webhook backlog, database and disk
// space. Everything is read fresh; nothing here changes state.
import fs from "node:fs/promises";
import type { Actor } from "../auth/actor";
import { requireGlobalRole } from "../auth/actor";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { readWebhookAllowedHosts } from "../webhooks/webhook-address-policy";
import { HEARTBEAT_INTERVAL_MS } from "./start-heartbeat";
import { readJobQueueStatus, type JobQueueStatus } from "./read-job-queue-status";

/** A worker that has not written for three beats is reported as not running. */
const ALIVE_WITHIN_MS = 3 * HEARTBEAT_INTERVAL_MS;

export type SystemStatus = {
  checkedAt: string;
  workers: { id: string; host: string; pid: number; startedAt: string; seenAt: string; secondsSinceSeen: number; alive: boolean; details: unknown }[];
  jobs: JobQueueStatus[] | null;
  embeddings: Record<"pending" | "running" | "done" | "failed", number>;
  /** allowedHosts: MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS as this process reads it ("" = public addresses only, "*" = any). */
  webhooks: { pending: number; failedLast24h: number; allowedHosts: string };
  exports: { queued: number; running: number };
  database: { embedded: boolean; sizeBytes: number };
  storage: { dataDir: string; freeBytes: number | null; totalBytes: number | null };
  counts: { activeUsers: number; projects: number; images: number; masks: number };
  runtime: { appVersion: string; node: string; executionProvider: string };
};

/** The version in package.json, read once (npm sets npm_package_version only under `npm run`). */
let appVersion: Promise<string> | null = null;
function readAppVersion(): Promise<string> {
  appVersion ??= fs
    .readFile("package.json", "utf8")
    .then((text) => String((JSON.parse(text) as { version?: unknown }).version ?? "unknown"))
    .catch(() => "unknown");
  return appVersion;
}

async function diskSpace(dir: string): Promise<{ freeBytes: number | null; totalBytes: number | null }> {
  try {
    const stats = await fs.statfs(dir);
    return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    // The data folder does not exist yet (nothing uploaded): no figure rather than an error.
    return { freeBytes: null, totalBytes: null };
  }
}

export async function getSystemStatus(options: { actor: Actor; now?: Date }): Promise<SystemStatus> {
  requireGlobalRole(options.actor, ["admin"], "see the system status");
  const now = options.now ?? new Date();
  const config = appConfig();
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000);
  const [heartbeats, jobs, embeddingGroups, webhookPending, webhookFailed, exportGroups, [size], activeUsers, projects, images, masks, disk] = await Promise.all([
    db().serviceHeartbeat.findMany({ where: { kind: "worker" }, orderBy: { seenAt: "desc" } }),
    readJobQueueStatus(),
    db().embedding.groupBy({ by: ["status"], _count: { _all: true } }),
    db().webhookDelivery.count({ where: { status: "pending" } }),
    db().webhookDelivery.count({ where: { status: "failed", createdAt: { gte: dayAgo } } }),
    db().export.groupBy({ by: ["status"], where: { status: { in: ["queued", "running"] } }, _count: { _all: true } }),
    db().$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`,
    db().user.count({ where: { active: true } }),
    db().project.count(),
    db().image.count(),
    db().annotation.count({ where: { deletedAt: null } }),
    diskSpace(config.dataDir),
  ]);
  const embeddings = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const group of embeddingGroups) embeddings[group.status] = group._count._all;
  const exportCount = (status: string) => exportGroups.find((group) => group.status === status)?._count._all ?? 0;
  return {
    checkedAt: now.toISOString(),
    workers: heartbeats.map((beat) => {
      const since = Math.max(0, now.getTime() - beat.seenAt.getTime());
      return { id: beat.id, host: beat.host, pid: beat.pid, startedAt: beat.startedAt.toISOString(), seenAt: beat.seenAt.toISOString(), secondsSinceSeen: Math.round(since / 1000), alive: since <= ALIVE_WITHIN_MS, details: beat.details };
    }),
    jobs,
    embeddings,
    webhooks: { pending: webhookPending, failedLast24h: webhookFailed, allowedHosts: readWebhookAllowedHosts().text },
    exports: { queued: exportCount("queued"), running: exportCount("running") },
    database: { embedded: config.embeddedDatabase, sizeBytes: Number(size?.bytes ?? 0) },
    storage: { dataDir: config.dataDir, ...disk },
    counts: { activeUsers, projects, images, masks },
    runtime: { appVersion: await readAppVersion(), node: process.version, executionProvider: process.env.MASKWRIGHT_EXECUTION_PROVIDER ?? "cpu" },
  };
}
