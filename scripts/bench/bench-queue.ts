// Queue benchmark: N simulated annotators (default 200) work one project for a
// fixed time against real Postgres — claim the next image (the real claim
// statement), "label" briefly, save a mask through the real annotation save
// (lease-checked), submit — and we measure claims/s, claim p50/p99, save p99,
// and check the invariants: no image held by two annotators at once, no
// acknowledged save missing afterwards. Uses DATABASE_URL when set (it must be
// a scratch database: the bench adds users, a project and thousands of rows),
// else starts the embedded database in a temp folder. Final stdout line is JSON.
//
//   npm run bench:queue -- [--annotators 200] [--seconds 20] [--images 2000] [--think-ms 20] [--pool 20]
import { randomUUID } from "node:crypto";
import { createMask, encodeMaskToRle, paintDisc } from "../../lib/mask";
import { createAnnotationInput } from "../../lib/schemas/annotations";
import type { Actor } from "../../server/auth/actor";
import { prepareBenchDatabase } from "./bench-database";

type Options = { annotators: number; seconds: number; images: number; thinkMs: number; pool: number };

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    const raw = index >= 0 ? argv[index + 1] : undefined;
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative number`);
    return parsed;
  };
  const annotators = Math.max(1, Math.round(value("annotators", 200)));
  return {
    annotators,
    seconds: value("seconds", 20),
    images: Math.round(value("images", Math.max(2_000, annotators * 10))),
    thinkMs: value("think-ms", 20),
    pool: Math.max(1, Math.round(value("pool", 20))),
  };
}

const log = (message: string) => process.stderr.write(`[bench:queue] ${message}\n`);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const database = await prepareBenchDatabase({ name: "bench-queue", pool: options.pool, embeddedPort: 54347, log });
  // Server modules read DATABASE_URL lazily: import them after it is set.
  const { db } = await import("../../server/db/client");
  const { claimNextTask } = await import("../../server/tasks/claim-next-task");
  const { submitTask } = await import("../../server/tasks/submit-task");
  const { createAnnotation } = await import("../../server/annotations/create-annotation");
  const { createFastUsers, createQueueProject, batchEverything } = await import("../../server/tasks/testing/queue-fixtures");

  log(`seeding ${options.annotators} annotators and ${options.images} images`);
  const annotators = await createFastUsers("annotator", options.annotators, `bench-${randomUUID().slice(0, 6)}`);
  const { project } = await createQueueProject({ members: annotators.map((actor) => ({ actor, role: "annotator" as const })), images: options.images, name: "bench:queue" });
  await batchEverything({ projectId: project.id });
  // A live database has planner statistics (autovacuum); a freshly seeded one does not yet.
  // (Not on the embedded database: PGlite 0.3 aborts on ANALYZE over the socket.)
  if (!database.embedded) await db().$executeRawUnsafe(`ANALYZE "Task", "Batch", "Image", "Membership"`);
  const mask = createMask(640, 480);
  paintDisc(mask, 320, 240, 40, 1);
  const rle = encodeMaskToRle(mask);

  const claimMs: number[] = [];
  const saveMs: number[] = [];
  const holders = new Map<string, string>();
  const ackedSaves: string[] = [];
  let doubleClaims = 0;
  let refusedSaves = 0;
  let submits = 0;
  let errors = 0;
  let exhausted = false;

  const startedAt = performance.now();
  const deadline = startedAt + options.seconds * 1000;
  const work = async (actor: Actor) => {
    while (performance.now() < deadline) {
      try {
        const t0 = performance.now();
        const claimed = await claimNextTask({ actor, projectId: project.id, prefetch: false });
        claimMs.push(performance.now() - t0);
        if (!claimed.task) {
          exhausted = true;
          return;
        }
        const task = claimed.task;
        const holder = holders.get(task.id);
        if (holder !== undefined && holder !== actor.id) doubleClaims++;
        holders.set(task.id, actor.id);
        if (options.thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * options.thinkMs));
        const id = randomUUID();
        const t1 = performance.now();
        try {
          await createAnnotation({ actor, imageId: task.imageId, input: createAnnotationInput.parse({ id, labelClassId: null, rle, taskId: task.id }) });
          ackedSaves.push(id);
        } catch (error) {
          // We hold a live 10-minute lease: any refusal here is a lost save.
          refusedSaves++;
          log(`save refused: ${error instanceof Error ? error.message : String(error)}`);
        }
        saveMs.push(performance.now() - t1);
        await submitTask({ actor, taskId: task.id });
        if (holders.get(task.id) === actor.id) holders.delete(task.id);
        submits++;
      } catch (error) {
        errors++;
        log(`error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  log(`running for ${options.seconds} s (pool ${options.pool}, think up to ${options.thinkMs} ms)`);
  await Promise.all(annotators.map((actor) => work(actor)));
  const elapsed = (performance.now() - startedAt) / 1000;

  // The database's own view: every task claimed at most once (no lease expires in the run).
  const multiClaimed = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT "targetId" FROM "AuditEvent" WHERE "projectId" = ${project.id} AND action = 'task.claim' GROUP BY "targetId" HAVING count(*) > 1) AS multi`;
  let found = 0;
  for (let start = 0; start < ackedSaves.length; start += 5000) {
    found += await db().annotation.count({ where: { id: { in: ackedSaves.slice(start, start + 5000) } } });
  }
  const lostSaves = ackedSaves.length - found + refusedSaves;
  log(`${claimMs.length} claims, ${ackedSaves.length} saves, ${submits} submits, ${errors} errors in ${elapsed.toFixed(1)} s${exhausted ? " (queue ran dry: raise --images)" : ""}`);
  await database.stop();
  const result = {
    bench: "queue",
    annotators: options.annotators,
    seconds: round(elapsed, 1),
    claims_per_s: round(claimMs.length / elapsed, 1),
    claim_ms_p50: round(percentile(claimMs, 50)),
    claim_ms_p99: round(percentile(claimMs, 99)),
    save_ms_p99: round(percentile(saveMs, 99)),
    double_claims: doubleClaims + Number(multiClaimed[0]?.n ?? 0),
    lost_saves: lostSaves,
    database: database.embedded ? "embedded" : "postgres",
    pool: database.embedded ? 1 : options.pool,
    errors,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(result.double_claims === 0 && result.lost_saves === 0 && errors === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error("[bench:queue] failed:", error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
