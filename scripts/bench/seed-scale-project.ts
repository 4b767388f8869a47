// Seeds one large project for bench:scale with set-based SQL (a few
// statements, not a row at a time): images with thumbnails, an annotate task
// per image (see STATUS_BY_TENTH) in one batch, random difference hashes, a review task per handed-in
// image, and masksPerImage masks on every image someone has worked on, spread
// over 8 label classes (1 in 20 unlabelled), 60 days and 20 annotators.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../server/auth/actor";
import { db } from "../../server/db/client";
import { batchEverything, createFastUsers, createQueueProject } from "../../server/tasks/testing/queue-fixtures";

/** Image i's annotate status is STATUS_BY_TENTH[i % 10]: 40% accepted, 20% awaiting review, 10% being labelled, 30% to do. */
const STATUS_BY_TENTH = ["accepted", "accepted", "accepted", "accepted", "submitted", "submitted", "in_progress", "todo", "todo", "todo"];
const LABELS = ["person", "car", "bicycle", "dog", "cat", "tree", "sign", "bag"];

export type ScaleProject = {
  projectId: string;
  manager: Actor;
  annotators: Actor[];
  labelClassIds: string[];
  imageCount: number;
  maskCount: number;
};

export async function seedScaleProject(options: {
  images: number;
  masksPerImage: number;
  discs: { rle: { counts: string; size: [number, number] }; bbox: number[]; area: number }[];
  log: (message: string) => void;
}): Promise<ScaleProject> {
  const prefix = `scale-${randomUUID().slice(0, 6)}`;
  const [manager] = await createFastUsers("manager", 1, `${prefix}-manager`);
  const annotators = await createFastUsers("annotator", 20, `${prefix}-annotator`);
  const { project } = await createQueueProject({
    members: [{ actor: manager!, role: "manager" }, ...annotators.map((actor) => ({ actor, role: "annotator" as const }))],
    images: 0,
    name: "bench:scale",
  });
  const projectId = project.id;
  await db().labelClass.createMany({ data: LABELS.map((name, position) => ({ projectId, name, color: "#3366cc", position })) });
  const labelClassIds = (await db().labelClass.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true } })).map((row) => row.id);
  const annotatorIds = annotators.map((actor) => actor.id);

  options.log(`seeding ${options.images} images and their tasks`);
  await db().$executeRawUnsafe(
    `INSERT INTO "Image" (id, "projectId", sha256, "fileName", mime, "byteSize", width, height, "storageKey", "thumbnailKey", dhash, "createdAt")
     SELECT $1 || '-img-' || g, $1, md5($1 || g) || md5(g || $1), 'img-' || lpad(g::text, 6, '0') || '.jpg', 'image/jpeg', 120000, 640, 480,
            'originals/' || g, 'thumbnails/' || g, substr(md5('dhash' || g), 1, 16), timestamp '2026-01-01' + g * interval '1 second'
     FROM generate_series(0, $2 - 1) g`,
    projectId,
    options.images,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "Task" (id, "projectId", "imageId", stage, status, "assigneeId", "lastAnnotatorId", "leaseExpiresAt", "submittedAt", "createdAt", "updatedAt")
     SELECT $1 || '-annotate-' || g, $1, $1 || '-img-' || g, 'annotate', s.status::"TaskStatus",
            CASE WHEN s.status = 'in_progress' THEN a.id END,
            CASE WHEN s.status IN ('submitted', 'accepted') THEN a.id END,
            CASE WHEN s.status = 'in_progress' THEN now() + interval '1 day' END,
            CASE WHEN s.status IN ('submitted', 'accepted') THEN now() - (g % 60) * interval '1 day' END,
            timestamp '2026-01-01' + g * interval '1 second', now()
     FROM generate_series(0, $2 - 1) g
     CROSS JOIN LATERAL (SELECT ($3::text[])[1 + g % 10] AS status) s
     CROSS JOIN LATERAL (SELECT ($4::text[])[1 + g % $5] AS id) a`,
    projectId,
    options.images,
    STATUS_BY_TENTH,
    annotatorIds,
    annotatorIds.length,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "Task" (id, "projectId", "imageId", stage, status, "createdAt", "updatedAt")
     SELECT $1 || '-review-' || t."imageId", $1, t."imageId", 'review', CASE WHEN t.status = 'accepted' THEN 'accepted' ELSE 'todo' END::"TaskStatus", t."submittedAt", now()
     FROM "Task" t WHERE t."projectId" = $1 AND t.stage = 'annotate' AND t.status IN ('submitted', 'accepted')`,
    projectId,
  );

  await batchEverything({ projectId });

  options.log(`seeding ${options.masksPerImage} masks on each image someone worked on`);
  const discs = options.discs;
  await db().$executeRawUnsafe(
    `INSERT INTO "Annotation" (id, "projectId", "imageId", "labelClassId", "rleCounts", "maskHeight", "maskWidth", bbox, area, source,
                               clicks, "secondsSpent", "toolsUsed", "authorId", "createdAt", "updatedAt")
     SELECT t."imageId" || '-mask-' || k, $1, t."imageId",
            CASE WHEN (g.n + k) % 20 = 0 THEN NULL ELSE ($2::text[])[1 + (g.n + k) % 8] END,
            ($3::text[])[1 + d.i], 480, 640, ARRAY[($4::float8[])[1 + d.i], ($5::float8[])[1 + d.i], ($6::float8[])[1 + d.i], ($7::float8[])[1 + d.i]],
            ($8::int[])[1 + d.i], CASE WHEN k % 10 = 9 THEN 'prefill' ELSE 'manual' END::"AnnotationSource",
            1 + (g.n + k) % 4, 3 + (g.n * 7 + k) % 40, ARRAY['smart'], t."lastAnnotatorId",
            coalesce(t."submittedAt", now()) - interval '5 minutes', now()
     FROM "Task" t
     CROSS JOIN LATERAL (SELECT substring(t."imageId" from '-img-(\\d+)$')::int AS n) g
     CROSS JOIN generate_series(0, $9 - 1) k
     CROSS JOIN LATERAL (SELECT (k * 7 + g.n) % $10 AS i) d
     WHERE t."projectId" = $1 AND t.stage = 'annotate' AND t.status IN ('accepted', 'submitted', 'in_progress')`,
    projectId,
    labelClassIds,
    discs.map((disc) => disc.rle.counts),
    discs.map((disc) => disc.bbox[0]!),
    discs.map((disc) => disc.bbox[1]!),
    discs.map((disc) => disc.bbox[2]!),
    discs.map((disc) => disc.bbox[3]!),
    discs.map((disc) => disc.area),
    options.masksPerImage,
    discs.length,
  );
  const [imageCount, maskCount] = await Promise.all([db().image.count({ where: { projectId } }), db().annotation.count({ where: { projectId } })]);
  return { projectId, manager: manager!, annotators, labelClassIds, imageCount, maskCount };
}
