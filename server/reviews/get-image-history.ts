// An image's history, oldest first: import, batching, claims, saves, skips,
// submissions, lease expiries (from the audit trail) and each review round
// with its comments (from the reviews); a hand-in carries its comparison with
// the masks later accepted. Any project member may read it.
import { asRecord } from "@/lib/as-record";
import { handInQualitySchema, type HandInQuality } from "@/lib/schemas/hand-in-quality";
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";

export type HistoryEntry = {
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  data: Record<string, unknown>;
  comments?: { comment: string; annotationId: string | null; pinX: number | null; pinY: number | null }[];
  /** On a hand-in ("task.submit"): its masks against the accepted ones, null until the image is accepted. */
  handIn?: { quality: HandInQuality | null };
};

/** The hand-ins' comparisons, by hand-in id (from the submit events' data). */
async function loadHandIns(entries: HistoryEntry[]): Promise<Map<string, HandInQuality | null>> {
  const ids = entries.map((entry) => entry.data.handInId).filter((id): id is string => typeof id === "string");
  if (ids.length === 0) return new Map();
  // A hand-in accepted without review has nothing to be compared with: no quality line.
  const rows = await db().handIn.findMany({ where: { id: { in: ids }, reviewSkipped: false }, select: { id: true, quality: true } });
  return new Map(rows.map((row) => [row.id, handInQualitySchema.safeParse(row.quality).data ?? null]));
}

/** `canRequestReview`: the reader manages the project and the image is accepted (request-review.ts). */
export type ImageHistory = { image: { id: string; projectId: string; fileName: string; status: string | null }; canRequestReview: boolean; entries: HistoryEntry[] };

export async function getImageHistory(options: { actor: Actor; imageId: string }): Promise<ImageHistory> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { id: true, projectId: true, fileName: true, tasks: { select: { id: true, batchId: true, stage: true, status: true } } } });
  if (!image) throw new AppError("not_found", "Image not found.");
  const access = await requireProjectAccess({ actor, projectId: image.projectId }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Image not found.") : error;
  });
  const taskIds = image.tasks.map((task) => task.id);
  const batchIds = [...new Set(image.tasks.map((task) => task.batchId).filter((id): id is string => id !== null))];
  const [events, reviews] = await Promise.all([
    db().auditEvent.findMany({
      where: {
        projectId: image.projectId,
        // Review decisions come from the Review rows below, with their comments.
        action: { notIn: ["review.accept", "review.reject"] },
        OR: [
          { targetType: "image", targetId: imageId },
          { targetType: "task", targetId: { in: taskIds } },
          { targetType: "batch", targetId: { in: batchIds }, action: "batch.create" },
          { data: { path: ["imageId"], equals: imageId } },
        ],
      },
      orderBy: { createdAt: "asc" },
      take: 1000,
    }),
    db().review.findMany({ where: { taskId: { in: taskIds } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const userIds = [...new Set([...events.map((event) => event.actorId), ...reviews.map((review) => review.reviewerId)].filter((id): id is string => id !== null))];
  const users = new Map((await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((user) => [user.id, user]));
  const userOf = (id: string | null) => (id ? (users.get(id) ?? { id, name: "Former user" }) : null);

  const entries: HistoryEntry[] = events.map((event) => ({ at: event.createdAt.toISOString(), actor: userOf(event.actorId), action: event.action, data: asRecord(event.data) }));
  // One entry per review round: a rejection writes all its comments at one instant.
  const rounds = new Map<string, HistoryEntry>();
  for (const review of reviews) {
    const key = `${review.createdAt.toISOString()}|${review.reviewerId}|${review.verdict}`;
    const round = rounds.get(key) ?? { at: review.createdAt.toISOString(), actor: userOf(review.reviewerId), action: `review.${review.verdict}`, data: {}, comments: [] };
    if (review.comment) round.comments?.push({ comment: review.comment, annotationId: review.annotationId, pinX: review.pinX, pinY: review.pinY });
    rounds.set(key, round);
  }
  const handIns = await loadHandIns(entries);
  for (const entry of entries) {
    const handInId = entry.data.handInId;
    if (typeof handInId === "string" && handIns.has(handInId)) entry.handIn = { quality: handIns.get(handInId) ?? null };
  }
  entries.push(...rounds.values());
  entries.sort((a, b) => a.at.localeCompare(b.at));
  const status = image.tasks.find((task) => task.stage === "annotate")?.status ?? null;
  return { image: { id: image.id, projectId: image.projectId, fileName: image.fileName, status }, canRequestReview: canManage(access) && status === "accepted", entries };
}
