// A project of generated shape images for the detector and pre-fill tests:
// each image encoded with the real SAM encoder and stored like the encode
// job stores it, its shapes saved as masks. Accepted images get an accepted
// annotate task (training data); the others are left for pre-fill.
import { encodeMaskToRle, maskBbox } from "@/lib/mask";
import type { Actor } from "../../auth/actor";
import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { compressEmbedding } from "../../sam/compress-embedding";
import { createEncoderSession } from "../../sam/create-encoder-session";
import { encodeImage } from "../../sam/encode-image";
import { embeddingKeyFor, putEmbedding, putObject } from "../../storage/content-store";
import { createShapesImage, type ShapesImage } from "./create-shapes-image";

export interface ShapesProjectImage {
  imageId: string;
  shapes: ShapesImage;
  accepted: boolean;
}

export async function createShapesProject(options: {
  members: { actor: Actor; role: "manager" | "annotator" | "reviewer" }[];
  accepted: number[];
  pending: number[];
  settings?: Prisma.InputJsonValue;
}): Promise<{ projectId: string; images: ShapesProjectImage[] }> {
  const project = await db().project.create({
    data: {
      name: "Shapes",
      settings: options.settings ?? {},
      memberships: { create: options.members.map((member) => ({ userId: member.actor.id, role: member.role })) },
    },
    select: { id: true, modelId: true },
  });
  const encoder = await createEncoderSession();
  const images: ShapesProjectImage[] = [];
  try {
    for (const [seed, accepted] of [...options.accepted.map((s) => [s, true] as const), ...options.pending.map((s) => [s, false] as const)]) {
      const shapes = await createShapesImage({ seed });
      const stored = await putObject({ bytes: shapes.bytes });
      const image = await db().image.create({
        data: {
          projectId: project.id,
          sha256: stored.sha256,
          fileName: `shapes-${seed}.png`,
          mime: "image/png",
          byteSize: shapes.bytes.length,
          width: shapes.width,
          height: shapes.height,
          storageKey: stored.key,
        },
      });
      const encoded = await encodeImage({ encoder, image: shapes.bytes });
      const bytes = await compressEmbedding({ data: encoded.embedding, dims: encoded.dims });
      await putEmbedding({ modelId: project.modelId, imageSha256: stored.sha256, bytes });
      await db().embedding.upsert({
        where: { modelId_imageSha256: { modelId: project.modelId, imageSha256: stored.sha256 } },
        create: { modelId: project.modelId, imageSha256: stored.sha256, status: "done", storageKey: embeddingKeyFor({ modelId: project.modelId, imageSha256: stored.sha256 }), byteSize: bytes.byteLength },
        update: {},
      });
      if (accepted) {
        await db().task.create({ data: { projectId: project.id, imageId: image.id, stage: "annotate", status: "accepted" } });
        for (const object of shapes.objects) {
          const mask = { data: object.mask, width: shapes.width, height: shapes.height };
          await db().annotation.create({
            data: {
              projectId: project.id,
              imageId: image.id,
              rleCounts: encodeMaskToRle(mask).counts,
              maskHeight: shapes.height,
              maskWidth: shapes.width,
              bbox: maskBbox(mask),
              area: object.mask.reduce((n, v) => n + v, 0),
              source: "manual",
            },
          });
        }
      }
      images.push({ imageId: image.id, shapes, accepted });
    }
  } finally {
    await encoder.session.release();
  }
  return { projectId: project.id, images };
}
