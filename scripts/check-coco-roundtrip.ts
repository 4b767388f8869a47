// Real-data check (not a test): imports a COCO dataset folder (instances.json
// + images/) into a scratch database and project, exports it as COCO (RLE and
// polygons), YOLO and PNG, and counts the exported masks that are pixel-identical to
// the source masks (polygons rasterised with pycocotools' rule, RLE decoded).
//   npx tsx scripts/check-coco-roundtrip.ts --coco /work/shared/datasets/coco-mini
// Uses DATABASE_URL's server (default the local one) for a throwaway database.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { decodeRleToMask, masksEqual, rasterizePolygons, type BinaryMask, type CocoRle, type PolygonRing } from "../lib/mask";

type CocoFile = {
  images: { id: number; file_name: string; width: number; height: number }[];
  annotations: { id: number; image_id: number; segmentation: unknown }[];
};

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function adminQuery(url: URL, sql: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function sourceMask(segmentation: unknown, width: number, height: number): BinaryMask {
  if (Array.isArray(segmentation)) return rasterizePolygons(segmentation as PolygonRing[], width, height, { fillRule: "union" });
  return decodeRleToMask(segmentation as CocoRle);
}

async function main() {
  const cocoDir = path.resolve(argument("--coco") ?? "");
  const source = JSON.parse(readFileSync(path.join(cocoDir, "instances.json"), "utf8")) as CocoFile;
  const dbUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  dbUrl.pathname = `/maskwright_check_${process.pid}`;
  const dbName = dbUrl.pathname.slice(1);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "maskwright-check-"));
  await adminQuery(dbUrl, `CREATE DATABASE "${dbName}"`);
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: dbUrl.toString() }, stdio: "ignore" });
    Object.assign(process.env, { DATABASE_URL: dbUrl.toString(), MASKWRIGHT_DATA_DIR: dataDir, MASKWRIGHT_IMPORT_ROOT: cocoDir });
    // Imported after the environment is set: app-config and the database client read it once.
    const { db } = await import("../server/db/client");
    const { stopQueue } = await import("../server/jobs/queue");
    const { importCocoDataset } = await import("../server/coco-import/import-coco-dataset");
    const { startExport } = await import("../server/exports/start-export");
    const { runExportJob } = await import("../server/exports/run-export-job");
    const { exportKeyFor, storedFilePath } = await import("../server/storage/content-store");
    const { readZip } = await import("../server/exports/testing/coco-fixture");
    const { TASK_STATUSES } = await import("../lib/schemas/exports");

    const admin = await db().user.create({ data: { id: "check-admin", name: "Check", email: "check@example.test", role: "admin" } });
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
    const project = await db().project.create({ data: { name: "coco round trip" } });
    const started = Date.now();
    const imported = await importCocoDataset({ actor, projectId: project.id, json: readFileSync(path.join(cocoDir, "instances.json")), folder: "images" });
    const importSeconds = (Date.now() - started) / 1000;

    const images = new Map(source.images.map((image) => [image.id, image]));
    const sources = new Map(source.annotations.map((annotation) => {
      const image = images.get(annotation.image_id);
      if (!image) throw new Error(`annotation ${annotation.id}: no image`);
      return [annotation.id, { image, mask: sourceMask(annotation.segmentation, image.width, image.height) }];
    }));

    const results: Record<string, { identical: number; total: number; seconds: number; bytes: number }> = {};
    for (const variant of [{ name: "coco-rle", polygons: false }, { name: "coco-polygons", polygons: true }]) {
      const exportStart = Date.now();
      const row = await startExport({ actor, projectId: project.id, input: { format: "coco", statuses: [...TASK_STATUSES], cocoPolygons: variant.polygons } });
      const job = await runExportJob({ exportId: row.id });
      if (job.status !== "done") throw new Error(`export failed: ${JSON.stringify(job)}`);
      const files = await readZip(storedFilePath(exportKeyFor(row.id)));
      const coco = JSON.parse(files.get("annotations/instances.json")?.toString("utf8") ?? "{}") as CocoFile;
      let identical = 0;
      for (const annotation of coco.annotations) {
        const expected = sources.get(annotation.id);
        if (!expected) continue;
        const mask = sourceMask(annotation.segmentation, expected.image.width, expected.image.height);
        if (masksEqual(mask, expected.mask)) identical += 1;
        else console.log(`  ${variant.name}: annotation ${annotation.id} differs`);
      }
      results[variant.name] = { identical, total: source.annotations.length, seconds: (Date.now() - exportStart) / 1000, bytes: job.byteSize };
    }
    console.log(JSON.stringify({ check: "coco-roundtrip", dataset: cocoDir, images: imported.images, annotations: imported.annotations, labelClassesCreated: imported.labelClassesCreated.length, importSeconds, results }, null, 2));
    await stopQueue();
    await db().$disconnect();
  } finally {
    await adminQuery(dbUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
