// Every scored hand-in of a project as a CSV line (annotation quality from
// review, one line per hand-in against the masks its image was accepted
// with), in id order a page at a time. Managers and admins only; the access
// check runs before the first line, so a refusal is an ordinary error response.
import { handInQualitySchema } from "@/lib/schemas/hand-in-quality";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { acceptedAsHandedIn } from "../quality/compare-hand-in";
import { csvField } from "./mask-telemetry-csv";

const PAGE_SIZE = 2000;

export const HAND_IN_COLUMNS = [
  "hand_in_id",
  "image_id",
  "file_name",
  "annotator",
  "handed_in_at",
  "reviewer",
  "accepted_at",
  "first_hand_in",
  "handed_in_masks",
  "accepted_masks",
  "matched",
  "unchanged",
  "relabelled",
  "mean_iou",
  "missed",
  "extra",
  "accepted_as_handed_in",
] as const;

type Row = Record<(typeof HAND_IN_COLUMNS)[number], string | number | null>;

const line = (row: Row) => `${HAND_IN_COLUMNS.map((column) => csvField(row[column])).join(",")}\r\n`;

export async function streamHandInQuality(options: { actor: Actor; projectId: string; pageSize?: number }): Promise<AsyncGenerator<string>> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "download the hand-in quality" });
  return pages(projectId, options.pageSize ?? PAGE_SIZE);
}

async function* pages(projectId: string, pageSize: number): AsyncGenerator<string> {
  yield `${HAND_IN_COLUMNS.join(",")}\r\n`;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().handIn.findMany({
      where: { projectId, scoredAt: { not: null } },
      orderBy: { id: "asc" },
      take: pageSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, imageId: true, annotatorId: true, reviewerId: true, createdAt: true, scoredAt: true, quality: true, image: { select: { fileName: true } } },
    });
    if (rows.length === 0) return;
    const userIds = [...new Set(rows.flatMap((row) => [row.annotatorId, row.reviewerId]).filter((id): id is string => id !== null))];
    const names = new Map((await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? "Former user") : null);
    for (const row of rows) {
      const quality = handInQualitySchema.safeParse(row.quality).data;
      if (!quality) continue;
      yield line({
        hand_in_id: row.id,
        image_id: row.imageId,
        file_name: row.image.fileName,
        annotator: nameOf(row.annotatorId),
        handed_in_at: row.createdAt.toISOString(),
        reviewer: nameOf(row.reviewerId),
        accepted_at: row.scoredAt?.toISOString() ?? null,
        first_hand_in: quality.firstOfRound ? "true" : "false",
        handed_in_masks: quality.handedIn,
        accepted_masks: quality.accepted,
        matched: quality.matched,
        unchanged: quality.unchanged,
        relabelled: quality.relabelled,
        mean_iou: quality.matched > 0 ? Math.round((quality.iouSum / quality.matched) * 1000) / 1000 : null,
        missed: quality.missed,
        extra: quality.extra,
        accepted_as_handed_in: acceptedAsHandedIn(quality) ? "true" : "false",
      });
    }
    if (rows.length < pageSize) return;
    cursor = rows.at(-1)!.id;
  }
}
