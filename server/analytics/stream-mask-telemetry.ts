// Every mask of a project, deleted ones included (their time was spent), as
// CSV lines in id order (a stable cursor), read a page at a time so a large project never
// sits in memory whole. Managers and admins only; the access check runs
// before the first line, so a refusal is an ordinary error response.
import { readLabelAttributes, storedAttributeValuesFor } from "@/lib/schemas/label-attributes";
import { roundToTenth } from "@/lib/round-to-tenth";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { MASK_TELEMETRY_HEADER, maskTelemetryCsvLine } from "./mask-telemetry-csv";

const PAGE_SIZE = 2000;

/** The values the mask's class still defines, as JSON; empty when there are none. */
function attributesCell(definitions: unknown, stored: unknown): string | null {
  const values = storedAttributeValuesFor(readLabelAttributes(definitions), stored);
  return Object.keys(values).length > 0 ? JSON.stringify(values) : null;
}

export async function streamMaskTelemetry(options: { actor: Actor; projectId: string; pageSize?: number }): Promise<AsyncGenerator<string>> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "download the mask telemetry" });
  return pages(projectId, options.pageSize ?? PAGE_SIZE);
}

async function* pages(projectId: string, pageSize: number): AsyncGenerator<string> {
  yield MASK_TELEMETRY_HEADER;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().annotation.findMany({
      where: { projectId },
      orderBy: { id: "asc" },
      take: pageSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        imageId: true,
        source: true,
        originId: true,
        clicks: true,
        secondsSpent: true,
        toolsUsed: true,
        area: true,
        bbox: true,
        predictedIou: true,
        stabilityScore: true,
        createdAt: true,
        deletedAt: true,
        authorId: true,
        image: { select: { fileName: true } },
        attributes: true,
        labelClass: { select: { name: true, attributes: true } },
      },
    });
    if (rows.length === 0) return;
    const authorIds = [...new Set(rows.map((row) => row.authorId).filter((id): id is string => id !== null))];
    const authors = new Map((await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    let chunk = "";
    for (const row of rows) {
      chunk += maskTelemetryCsvLine({
        mask_id: row.id,
        image_id: row.imageId,
        file_name: row.image.fileName,
        label: row.labelClass?.name ?? null,
        source: row.source,
        origin_id: row.originId,
        author: row.authorId ? (authors.get(row.authorId) ?? row.authorId) : null,
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
        attributes: attributesCell(row.labelClass?.attributes ?? [], row.attributes),
      });
    }
    yield chunk;
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}
