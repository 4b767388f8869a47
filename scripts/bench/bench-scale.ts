// Scale benchmark: one large project (default 20,000 images, 10 masks on
// each image someone has worked on, 20 annotators, 8 label classes) seeded
// straight into the database, then the reads the pages make timed through the
// real server functions: project list and overview, the Images tab (first
// and a deep page, every filter and sort), analytics, checks before export,
// batches, pre-fill counts, the per-mask CSV, and claiming the next image.
// Each read runs once to warm up, then --runs times; the median is reported.
// Then one COCO and one SA-1B export of the handed-in images (annotations
// only: the seeded pictures have no files), timed once with peak memory.
// Uses DATABASE_URL when set (a scratch database), else the embedded database.
// Final stdout line is JSON.
//
//   npm run bench:scale -- [--images 20000] [--masks 10] [--runs 5] [--pool 10]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMask, encodeMaskToRle, maskArea, maskBbox, paintDisc } from "../../lib/mask";
import type { Actor } from "../../server/auth/actor";
import { prepareBenchDatabase } from "./bench-database";
import { seedScaleProject } from "./seed-scale-project";

type Options = { images: number; masks: number; runs: number; pool: number };

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number, min: number) => {
    const index = argv.indexOf(`--${name}`);
    const raw = index >= 0 ? argv[index + 1] : undefined;
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(parsed) || parsed < min) throw new Error(`--${name} must be a whole number >= ${min}`);
    return parsed;
  };
  return { images: value("images", 20_000, 10), masks: value("masks", 10, 1), runs: value("runs", 5, 1), pool: value("pool", 10, 1) };
}

const log = (message: string) => process.stderr.write(`[bench:scale] ${message}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** 50 different discs on a 640×480 picture: masks of one image differ, so "drawn twice" finds none. */
function discMasks() {
  return Array.from({ length: 50 }, (_, index) => {
    const mask = createMask(640, 480);
    paintDisc(mask, 40 + (index % 10) * 62, 40 + Math.floor(index / 10) * 95, 18 + (index % 7) * 3, 1);
    return { rle: encodeMaskToRle(mask), bbox: maskBbox(mask), area: maskArea(mask) };
  });
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  // Export archives go to a scratch data folder, not the app's.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "maskwright-bench-scale-data-"));
  process.env.MASKWRIGHT_DATA_DIR = dataDir;
  const database = await prepareBenchDatabase({ name: "bench-scale", pool: options.pool, embeddedPort: 54348, log });
  // Server modules read DATABASE_URL lazily: import them after it is set.
  const { db } = await import("../../server/db/client");
  const { listProjects } = await import("../../server/projects/list-projects");
  const { getProjectOverview } = await import("../../server/projects/get-project-overview");
  const { listProjectImages } = await import("../../server/images/list-project-images");
  const { getProjectAnalytics } = await import("../../server/analytics/get-project-analytics");
  const { runDatasetChecks } = await import("../../server/quality/run-dataset-checks");
  const { listBatches } = await import("../../server/batches/list-batches");
  const { countPrefillOutcomes } = await import("../../server/prefill/count-prefill-outcomes");
  const { streamMaskTelemetry } = await import("../../server/analytics/stream-mask-telemetry");
  const { claimNextTask } = await import("../../server/tasks/claim-next-task");
  const { outboxIdle } = await import("../../server/realtime/append-realtime-event");
  const { startExport } = await import("../../server/exports/start-export");
  const { runExportJob } = await import("../../server/exports/run-export-job");

  const seedStart = performance.now();
  const seeded = await seedScaleProject({ images: options.images, masksPerImage: options.masks, discs: discMasks(), log });
  if (!database.embedded) await db().$executeRawUnsafe(`ANALYZE`);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  log(`seeded ${seeded.imageCount} images, ${seeded.maskCount} masks in ${seedSeconds.toFixed(1)} s`);

  const { manager, annotators, projectId, labelClassIds } = seeded;
  const timings: Record<string, number> = {};
  const time = async (name: string, read: () => Promise<unknown>) => {
    await read();
    const runs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const t0 = performance.now();
      await read();
      runs.push(performance.now() - t0);
    }
    timings[name] = Number(median(runs).toFixed(1));
    log(`${name}: ${timings[name]} ms`);
  };
  const images = (filters: Record<string, unknown> = {}) => () => listProjectImages({ actor: manager, projectId, pageSize: 48, ...filters });

  await time("projects_list", () => listProjects({ actor: manager }));
  await time("project_overview", () => getProjectOverview({ actor: manager, projectId }));
  await time("images_page_1", images());
  await time("images_deep_page", images({ page: Math.max(1, Math.floor(options.images / 48 / 2)) }));
  await time("images_status_accepted", images({ status: "accepted" }));
  await time("images_label", images({ label: labelClassIds[3] }));
  await time("images_unlabelled", images({ label: "none" }));
  await time("images_annotator", images({ annotator: annotators[2]!.id }));
  await time("images_search", images({ q: "img-0123" }));
  await time("images_sort_masks", images({ sort: "masks_desc" }));
  await time("images_sort_name", images({ sort: "name_desc" }));
  await time("analytics_30_days", () => getProjectAnalytics({ actor: manager, projectId, days: 30 }));
  await time("checks_before_export", () => runDatasetChecks({ actor: manager, projectId }));
  await time("batches", () => listBatches({ actor: manager, projectId }));
  await time("prefill_outcomes", () => countPrefillOutcomes({ projectId }));
  await time("mask_csv_all", async () => {
    let lines = 0;
    for await (const chunk of await streamMaskTelemetry({ actor: manager, projectId })) lines += chunk.split("\n").length - 1;
    if (lines < seeded.maskCount) throw new Error(`the mask CSV had ${lines} lines for ${seeded.maskCount} masks`);
  });
  let claimer = 0;
  await time("claim_next", async () => {
    const actor: Actor = annotators[claimer++ % annotators.length]!;
    const claimed = await claimNextTask({ actor, projectId, prefetch: false });
    if (!claimed.task) throw new Error("the queue ran dry");
  });

  const exports: Record<string, { seconds: number; megabytes: number; peak_rss_mb: number }> = {};
  for (const format of ["coco", "sa1b"] as const) {
    const started = await startExport({ actor: manager, projectId, input: { format, statuses: ["submitted", "accepted"] } });
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const result = await runExportJob({ exportId: started.id });
    clearInterval(sampler);
    if (result.status !== "done") throw new Error(`the ${format} export ended ${result.status}: ${"error" in result ? result.error : ""}`);
    exports[format] = { seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), megabytes: Number((result.byteSize / 1e6).toFixed(1)), peak_rss_mb: Math.round(peak / 1e6) };
    log(`${format} export: ${JSON.stringify(exports[format])}`);
  }

  const loadAverage = Number(os.loadavg()[0]!.toFixed(2));
  console.log(
    JSON.stringify({
      bench: "scale",
      images: seeded.imageCount,
      masks: seeded.maskCount,
      database: database.embedded ? "embedded" : "postgres",
      seed_s: Number(seedSeconds.toFixed(1)),
      runs: options.runs,
      load_average: loadAverage,
      median_ms: timings,
      exports,
    }),
  );
  // Claims publish live events through the outbox: let them land before the pool closes.
  await outboxIdle();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
