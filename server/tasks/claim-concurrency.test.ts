// 50 annotators hammer one queue of 200 images at the same time, each on its
// own connection: every image is claimed exactly once, nobody ever holds an
// image someone else holds, and every claim is audited once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../db/generated/client";
import { db } from "../db/client";
import { outboxIdle } from "../realtime/append-realtime-event";
import { claimNextTask } from "./claim-next-task";
import { submitTask } from "./submit-task";
import { batchEverything, createFastUsers, createQueueProject } from "./testing/queue-fixtures";

const CLAIMERS = 50;
const TASKS = 200;
const globalForPrisma = globalThis as unknown as { maskwrightPrisma?: PrismaClient };
let previous: PrismaClient | undefined;
let wide: PrismaClient;

beforeAll(() => {
  // A pool as wide as the crowd, so the claims really run in parallel in Postgres.
  previous = globalForPrisma.maskwrightPrisma;
  wide = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: CLAIMERS, idleTimeoutMillis: 5_000 }) });
  globalForPrisma.maskwrightPrisma = wide;
});

afterAll(async () => {
  // Claims and submits publish task:changed without waiting for the outbox: let those writes
  // finish on the wide client before it closes (a disconnect under them once hung this hook for 120 s in CI).
  await outboxIdle();
  globalForPrisma.maskwrightPrisma = previous;
  await wide.$disconnect();
});

describe("concurrent claims", () => {
  it(`${CLAIMERS} concurrent claimers over ${TASKS} tasks never double-claim`, async () => {
    const annotators = await createFastUsers("annotator", CLAIMERS);
    const { project } = await createQueueProject({ members: annotators.map((actor) => ({ actor, role: "annotator" as const })), images: TASKS });
    await batchEverything({ projectId: project.id });

    const heldBy = new Map<string, string>(); // taskId -> annotator currently holding it
    const claimedBy = new Map<string, string[]>(); // taskId -> every annotator who ever got it
    let overlaps = 0;
    let maxInFlight = 0;
    let inFlight = 0;

    const work = async (actorIndex: number) => {
      const actor = annotators[actorIndex]!;
      for (;;) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const result = await claimNextTask({ actor, projectId: project.id, prefetch: false }).finally(() => inFlight--);
        if (!result.task) return;
        const taskId = result.task.id;
        if (heldBy.has(taskId)) overlaps++;
        heldBy.set(taskId, actor.id);
        claimedBy.set(taskId, [...(claimedBy.get(taskId) ?? []), actor.id]);
        // Hold it across an await, so others claim while this lease is live.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        await submitTask({ actor, taskId });
        heldBy.delete(taskId);
      }
    };
    await Promise.all(annotators.map((_, index) => work(index)));

    expect(maxInFlight).toBeGreaterThan(CLAIMERS / 2);
    expect(overlaps).toBe(0);
    expect(claimedBy.size).toBe(TASKS);
    expect([...claimedBy.values()].filter((owners) => owners.length !== 1)).toEqual([]);
    // The database agrees: every task submitted once, one claim audit per task.
    const statuses = await db().task.groupBy({ by: ["status"], where: { projectId: project.id, stage: "annotate" }, _count: { _all: true } });
    expect(statuses).toEqual([{ status: "submitted", _count: { _all: TASKS } }]);
    const audits = await db().$queryRaw<{ targetId: string; n: bigint }[]>`
      SELECT "targetId", count(*) AS n FROM "AuditEvent" WHERE "projectId" = ${project.id} AND action = 'task.claim' GROUP BY "targetId"`;
    expect(audits).toHaveLength(TASKS);
    expect(audits.every((row) => Number(row.n) === 1)).toBe(true);
    // Each submission opened exactly one review task.
    expect(await db().task.count({ where: { projectId: project.id, stage: "review", status: "todo" } })).toBe(TASKS);
  });
});
