// Imports one image into a project: authorise, inspect, store the original
// (content-addressed), then create the Image row, its annotate Task and an
// audit event in one transaction, and queue the thumbnail and encoder jobs.
// The same bytes imported twice into a project are reported as a duplicate of
// the first import, never stored or queued twice.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { enqueueJob } from "../jobs/queue";
import { JOBS } from "../jobs/job-names";
import { putObject } from "../storage/content-store";
import { IMAGE_SUMMARY_SELECT, toImageSummary, type ImageSummary } from "./image-summary";
import { inspectImageFile } from "./inspect-image-file";
import { sanitizeFileName } from "./sanitize-file-name";

export type ImportImageResult = { status: "imported"; image: ImageSummary } | { status: "duplicate"; imageId: string };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

async function findDuplicate(projectId: string, sha256: string): Promise<string | null> {
  const existing = await db().image.findUnique({
    where: { projectId_sha256: { projectId, sha256 } },
    select: { id: true },
  });
  return existing?.id ?? null;
}

/**
 * Queues the derived work. Runs after the commit, so a worker never sees an
 * image row that might still roll back. Singleton keys collapse repeats: one
 * thumbnail per image, one embedding per (model, content) across projects.
 */
async function enqueueImageJobs(options: { imageId: string; sha256: string; modelId: string }): Promise<void> {
  const { imageId, sha256, modelId } = options;
  // priority is explicit: pg-boss 10 rejects an `undefined` priority, which enqueueJob passes when omitted.
  await enqueueJob(JOBS.makeThumbnail, { imageId }, { singletonKey: imageId, priority: 0 });
  await enqueueJob(JOBS.encodeImage, { modelId, imageSha256: sha256, imageId }, { singletonKey: `${modelId}:${sha256}`, priority: 0 });
}

export async function importImage(options: {
  actor: Actor;
  projectId: string;
  fileName: string;
  bytes: Uint8Array;
}): Promise<ImportImageResult> {
  const { actor, projectId, bytes } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import images" });
  const fileName = sanitizeFileName({ fileName: options.fileName });
  const inspected = await inspectImageFile({ fileName, bytes });

  const duplicateId = await findDuplicate(projectId, inspected.sha256);
  if (duplicateId) return { status: "duplicate", imageId: duplicateId };

  // Store before the row exists: a row must never point at a missing file. A
  // failure after this leaves an unreferenced object, which is harmless.
  const stored = await putObject({ bytes });
  if (stored.sha256 !== inspected.sha256) throw new Error("Content hash changed between inspection and storage");

  const project = await db().project.findUnique({ where: { id: projectId }, select: { modelId: true } });
  if (!project) throw new AppError("not_found", "Project not found.");

  let row;
  try {
    row = await db().$transaction(async (tx) => {
      const image = await tx.image.create({
        data: {
          projectId,
          sha256: inspected.sha256,
          fileName,
          mime: inspected.mime,
          byteSize: inspected.byteSize,
          width: inspected.width,
          height: inspected.height,
          storageKey: stored.key,
        },
        select: IMAGE_SUMMARY_SELECT,
      });
      await tx.task.create({ data: { projectId, imageId: image.id, stage: "annotate", status: "todo" } });
      await recordAuditEvent({
        tx,
        actorId: actor.id,
        projectId,
        action: "image.import",
        targetType: "image",
        targetId: image.id,
        data: { fileName, sha256: inspected.sha256, mime: inspected.mime, byteSize: inspected.byteSize },
      });
      return image;
    });
  } catch (error) {
    // Lost a race with a concurrent import of the same bytes: theirs stands.
    if (isUniqueViolation(error)) {
      const winnerId = await findDuplicate(projectId, inspected.sha256);
      if (winnerId) return { status: "duplicate", imageId: winnerId };
    }
    throw error;
  }

  try {
    await enqueueImageJobs({ imageId: row.id, sha256: row.sha256, modelId: project.modelId });
  } catch (error) {
    // The image is committed and visible; failing the response now would make
    // the user retry into a "duplicate". A missing thumbnail or embedding can
    // be re-queued later; the log says which image needs it.
    console.error(`[images] could not queue jobs for image ${row.id}`, error);
  }
  return { status: "imported", image: toImageSummary(row) };
}
