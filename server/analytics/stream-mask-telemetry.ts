// Every mask of a project, deleted ones included (their time was spent), as
// CSV lines in id order (a stable cursor), read a page at a time so a large project never
// sits in memory whole. Managers and admins only; the access check runs
// before the first line, so a refusal is an ordinary error response.
import { readLabelAttributes, storedAttributeValuesFor, type LabelAttribute } from "@/lib/schemas/label-attributes";
import { roundToTenth } from "@/lib/round-to-tenth";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { MASK_TELEMETRY_HEADER, maskTelemetryCsvLine } from "./mask-telemetry-csv";

const PAGE_SIZE = 2000;

/** The values the mask's class still defines, as JSON; empty when there are none. */
function attributesCell(definitions: readonly LabelAttribute[], stored: unknown): string | null {
  const values = storedAttributeValuesFor(definitions, stored);
  return Object.keys(values).length > 0 ? JSON.stringify(values) : null;
}

export async function streamMaskTelemetry(options: { actor: Actor; projectId: string; pageSize?: number }): Promise<AsyncGenerator<string>> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "download the mask telemetry" });
  return pages(projectId, options.pageSize ?? PAGE_SIZE);
}

type PageRow = {
  id: string;
  imageId: string;
  fileName: string;
  source: string;
  originId: string | null;
  clicks: number;
  secondsSpent: number;
  toolsUsed: string[];
  area: number;
  bbox: number[];
  predictedIou: number | null;
  stabilityScore: number | null;
  createdAt: Date;
  deletedAt: Date | null;
  attributes: unknown;
  labelClassId: string | null;
  labelName: string | null;
  authorId: string | null;
  authorName: string | null;
};

async function* pages(projectId: string, pageSize: number): AsyncGenerator<string> {
  yield MASK_TELEMETRY_HEADER;
  // Each class's attribute definitions, parsed once rather than per mask.
  const classes = await db().labelClass.findMany({ where: { projectId }, select: { id: true, attributes: true } });
  const definitions = new Map(classes.map((labelClass) => [labelClass.id, readLabelAttributes(labelClass.attributes)]));
  let after = "";
  for (;;) {
    // One statement per page (keyset on id; the joins give file, label and author names).
    const rows = await db().$queryRaw<PageRow[]>`
      SELECT a.id, a."imageId", i."fileName", a.source::text AS source, a."originId", a.clicks, a."secondsSpent", a."toolsUsed", a.area, a.bbox,
        a."predictedIou", a."stabilityScore", a."createdAt", a."deletedAt", a.attributes, a."labelClassId", l.name AS "labelName",
        a."authorId", u.name AS "authorName"
      FROM "Annotation" a
      JOIN "Image" i ON i.id = a."imageId"
      LEFT JOIN "LabelClass" l ON l.id = a."labelClassId"
      LEFT JOIN "user" u ON u.id = a."authorId"
      WHERE a."projectId" = ${projectId} AND a.id > ${after}
      ORDER BY a.id
      LIMIT ${pageSize}`;
    if (rows.length === 0) return;
    let chunk = "";
    for (const row of rows) {
      const classDefinitions = row.labelClassId ? (definitions.get(row.labelClassId) ?? []) : [];
      chunk += maskTelemetryCsvLine({
        mask_id: row.id,
        image_id: row.imageId,
        file_name: row.fileName,
        label: row.labelName,
        source: row.source,
        origin_id: row.originId,
        author: row.authorId ? (row.authorName ?? row.authorId) : null,
        clicks: row.clicks,
        seconds: roundToTenth(row.secondsSpent),
        tools: row.toolsUsed.join(";") || null,
        area: row.area,
        bbox_x: row.bbox[0] ?? null,
        bbox_y: row.bbox[1] ?? null,
        bbox_w: row.bbox[2] ?? null,
        bbox_h: row.bbox[3] ?? null,
        predicted_iou: row.predictedIou,
        stability: row.stabilityScore,
        created_at: row.createdAt.toISOString(),
        deleted_at: row.deletedAt?.toISOString() ?? null,
        attributes: attributesCell(classDefinitions, row.attributes),
      });
    }
    yield chunk;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
