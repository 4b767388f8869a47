// The admins' status page data on real Postgres and a real pg-boss queue.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { JOBS } from "../jobs/job-names";
import { enqueueJob, queue, stopQueue } from "../jobs/queue";
import { createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { getSystemStatus } from "./get-system-status";
import { HEARTBEAT_INTERVAL_MS, writeHeartbeat } from "./start-heartbeat";

setupTempDataDir();

afterAll(async () => {
  await stopQueue();
});

describe("getSystemStatus", () => {
  it("is for admins only", async () => {
    const manager = await createTestUser({ role: "manager" });
    await expect(getSystemStatus({ actor: manager })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("tells a running worker from one that stopped writing its heartbeat", async () => {
    const admin = await createTestUser({ role: "admin" });
    const id = `worker:test:${randomUUID()}`;
    const startedAt = new Date();
    await writeHeartbeat({ id, kind: "worker", startedAt, details: { node: process.version } });
    const fresh = (await getSystemStatus({ actor: admin })).workers.find((worker) => worker.id === id);
    expect(fresh).toMatchObject({ alive: true, pid: process.pid, details: { node: process.version } });
    const later = new Date(Date.now() + 4 * HEARTBEAT_INTERVAL_MS);
    const stale = (await getSystemStatus({ actor: admin, now: later })).workers.find((worker) => worker.id === id);
    expect(stale).toMatchObject({ alive: false });
    expect(stale!.secondsSinceSeen).toBeGreaterThanOrEqual(59);
    // A process gone for a day is forgotten at the next write of any heartbeat.
    await writeHeartbeat({ id: `worker:test:${randomUUID()}`, kind: "worker", startedAt, now: new Date(Date.now() + 25 * 3600 * 1000) });
    expect(await db().serviceHeartbeat.count({ where: { id } })).toBe(0);
    await db().serviceHeartbeat.deleteMany({ where: { id: { startsWith: "worker:test:" } } });
  });

  it("counts waiting and failed jobs per queue with the last failure's message, and failed encodings", async () => {
    const admin = await createTestUser({ role: "admin" });
    await queue();
    const before = await getSystemStatus({ actor: admin });
    const exportsBefore = before.jobs?.find((job) => job.name === JOBS.exportDataset) ?? { waiting: 0, failedLast24h: 0 };
    const waitingId = await enqueueJob(JOBS.exportDataset, { exportId: `status-test-${randomUUID()}` });
    const failingId = await enqueueJob(JOBS.exportDataset, { exportId: `status-test-${randomUUID()}` });
    // As pg-boss records a failure that exhausted its retries (no worker runs in this test to fail it for real).
    await db().$executeRawUnsafe(`UPDATE pgboss.job SET state = 'failed', completed_on = now(), output = jsonb_build_object('message', $2::text) WHERE id = $1::uuid`, failingId, "disk full while writing the zip");
    await db().embedding.create({ data: { modelId: "minisam", imageSha256: randomUUID().replace(/-/g, "").padEnd(64, "f"), status: "failed", error: "test" } });

    const after = await getSystemStatus({ actor: admin });
    const exports = after.jobs!.find((job) => job.name === JOBS.exportDataset)!;
    expect(exports.waiting).toBe(exportsBefore.waiting + 1);
    expect(exports.failedLast24h).toBe(exportsBefore.failedLast24h + 1);
    expect(exports.lastFailure?.message).toBe("disk full while writing the zip");
    expect(after.embeddings.failed).toBe(before.embeddings.failed + 1);
    expect(after.database.sizeBytes).toBeGreaterThan(1_000_000);
    expect(after.storage.freeBytes).toBeGreaterThan(0);
    expect(after.runtime.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    // Where webhooks may go, as this process reads it.
    expect(after.webhooks.allowedHosts).toBe("");
    process.env.MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS = " ci.internal, 10.0.0.0/8 ";
    expect((await getSystemStatus({ actor: admin })).webhooks.allowedHosts).toBe("ci.internal, 10.0.0.0/8");
    delete process.env.MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS;
    await db().$executeRawUnsafe(`DELETE FROM pgboss.job WHERE id IN ($1::uuid, $2::uuid)`, waitingId, failingId);
  });
});
