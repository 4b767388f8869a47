// Data for the click-to-mask page: the image (only for members of its
// project, and only under the project named in the URL) and the decoder the
// browser should run for the project's model.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { DecoderModelInfo } from "@/lib/decoder/protocol";
import { resolveBrowserDecoder } from "./browser-decoder-file";

export interface ClickToMaskPageData {
  image: { id: string; projectId: string; fileName: string; width: number; height: number; fileUrl: string };
  model: DecoderModelInfo;
  decoderUrl: string;
}

export async function loadClickToMaskPage(options: {
  actor: Actor;
  projectId: string;
  imageId: string;
}): Promise<ClickToMaskPageData> {
  const { actor, projectId, imageId } = options;
  // Access first: a non-member learns nothing about the project's images.
  await requireProjectAccess({ actor, projectId });
  const image = await db().image.findFirst({
    where: { id: imageId, projectId },
    select: { id: true, projectId: true, fileName: true, width: true, height: true, project: { select: { modelId: true } } },
  });
  if (!image) throw new AppError("not_found", "Image not found.");
  const decoder = await resolveBrowserDecoder({ modelId: image.project.modelId });
  return {
    image: {
      id: image.id,
      projectId: image.projectId,
      fileName: image.fileName,
      width: image.width,
      height: image.height,
      fileUrl: `/api/images/${encodeURIComponent(image.id)}/file`,
    },
    model: decoder.model,
    decoderUrl: decoder.url,
  };
}
