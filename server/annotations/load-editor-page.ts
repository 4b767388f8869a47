// Everything the annotation editor page needs in one call: the image and the
// browser decoder (shared with the click-to-mask page), the project's label
// classes, the image's saved objects (pre-filled masks with their proposal
// scores), its neighbours in import order (for
// "next image"; within the Images tab's filter when it was opened from one),
// and whether this person may edit it now (and if not, why).
import { readLabelAttributes, storedAttributeValuesFor, type AttributeValues, type LabelAttribute } from "@/lib/schemas/label-attributes";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { prefillConfidence } from "../prefill/list-prefill-annotations";
import { loadClickToMaskPage, type ClickToMaskPageData } from "../sam/load-click-to-mask-page";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { describeEditAccess } from "./describe-edit-access";
import { listImageAnnotations } from "./list-image-annotations";
import type { ImageListFilters } from "../images/image-list-where";
import { listImageIdsInOrder } from "../images/list-image-ids-in-order";

export interface EditorPageData extends ClickToMaskPageData {
  project: { id: string; name: string; instructions: string };
  labels: { id: string; name: string; color: string; description: string; attributes: LabelAttribute[] }[];
  annotations: AnnotationDto[];
  previousImageId: string | null;
  nextImageId: string | null;
  position: { index: number; total: number };
  canEdit: boolean;
  /** Why the image opens read-only (no lease on it, someone else holds it, ...); null when editable. */
  readOnlyReason: string | null;
  /** Live pre-filled masks of the image: annotation id -> the mask's confidence (null when unknown). */
  prefillScores: Record<string, number | null>;
  /** The project's image attributes and this image's values (the editor's Image panel). */
  imageAttributes: { definitions: LabelAttribute[]; values: AttributeValues };
}

export async function loadEditorPage(options: { actor: Actor; projectId: string; imageId: string; filters?: ImageListFilters }): Promise<EditorPageData> {
  const { actor, projectId, imageId, filters } = options;
  const access = await requireProjectAccess({ actor, projectId });
  const base = await loadClickToMaskPage({ actor, projectId, imageId });
  const [project, annotations, order, prefillRows, editAccess] = await Promise.all([
    db().project.findUniqueOrThrow({
      where: { id: projectId },
      select: { id: true, name: true, instructions: true, imageAttributes: true, images: { where: { id: imageId }, select: { attributes: true } }, labelClasses: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, color: true, description: true, attributes: true } } },
    }),
    listImageAnnotations({ actor, imageId }),
    // Ids only: projects hold thousands of images, and this is one small index scan.
    listImageIdsInOrder({ projectId, filters }).then((ids) => ids.map((id) => ({ id }))),
    // The DTO drops the pre-fill provenance block of the prompt; the editor shows its score.
    db().annotation.findMany({ where: { imageId, source: "prefill", deletedAt: null }, select: { id: true, prompt: true, predictedIou: true, stabilityScore: true } }),
    describeEditAccess({ actor, access, imageId }),
  ]);
  const prefillById = new Map(prefillRows.map((row) => [row.id, row]));
  const prefillScores: Record<string, number | null> = {};
  for (const annotation of annotations) {
    if (annotation.source !== "prefill") continue;
    const row = prefillById.get(annotation.id);
    prefillScores[annotation.id] = row ? prefillConfidence(row) : null;
  }
  const index = order.findIndex((row) => row.id === imageId);
  const imageAttributeDefinitions = readLabelAttributes(project.imageAttributes);
  return {
    ...base,
    project: { id: project.id, name: project.name, instructions: project.instructions },
    labels: project.labelClasses.map((label) => ({ ...label, attributes: readLabelAttributes(label.attributes) })),
    annotations,
    previousImageId: index > 0 ? (order[index - 1]?.id ?? null) : null,
    nextImageId: index >= 0 ? (order[index + 1]?.id ?? null) : null,
    position: { index: index + 1, total: order.length },
    ...editAccess,
    prefillScores,
    imageAttributes: { definitions: imageAttributeDefinitions, values: storedAttributeValuesFor(imageAttributeDefinitions, project.images[0]?.attributes) },
  };
}
