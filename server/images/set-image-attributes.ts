// An annotator (under the image's lease), a reviewer holding its review, or a
// manager sets the image's attribute values. Checked against the project's
// definitions (400 naming the attribute; undefined names dropped) in the same
// transaction as the lease check, like a mask save.
import { normalizeAttributeValues, readLabelAttributes, type AttributeValues } from "@/lib/schemas/label-attributes";
import { asRecord } from "@/lib/as-record";
import type { Actor } from "../auth/actor";
import { assertEditingAllowed } from "../annotations/assert-editing-allowed";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { imageRoom, publishEvent } from "../realtime/publish-event";

export async function setImageAttributes(options: { actor: Actor; imageId: string; values: Record<string, unknown>; taskId?: string | null }): Promise<{ imageId: string; attributes: AttributeValues }> {
  const { actor, imageId } = options;
  const attributes = await db().$transaction(async (tx) => {
    const { image } = await assertEditingAllowed({ actor, imageId, taskId: options.taskId, tx });
    const project = await tx.project.findUniqueOrThrow({ where: { id: image.projectId }, select: { imageAttributes: true } });
    const { values, errors } = normalizeAttributeValues(readLabelAttributes(project.imageAttributes), asRecord(options.values));
    if (errors.length > 0) throw new AppError("bad_request", `Image attributes: ${errors.join(" ")}`, { reason: "attribute_value" });
    await tx.image.update({ where: { id: imageId }, data: { attributes: values } });
    return values;
  });
  // Others with the image open (a reviewer watching) see the new values.
  publishEvent({ rooms: [imageRoom(imageId)], event: "image:attributes", payload: { imageId, attributes } });
  return { imageId, attributes };
}
