// A manager defines the attributes of whole images (weather, blurry, scene
// type…), set by annotators in the editor's Image panel. Replaced as a whole;
// values of removed attributes stay stored but are no longer shown or exported.
import { labelAttributesSchema, type LabelAttribute } from "@/lib/schemas/label-attributes";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";

export async function updateImageAttributeDefinitions(options: { actor: Actor; projectId: string; attributes: unknown }): Promise<LabelAttribute[]> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "define image attributes" });
  const attributes = labelAttributesSchema.parse(options.attributes);
  return db().$transaction(async (tx) => {
    await tx.project.update({ where: { id: projectId }, data: { imageAttributes: attributes } });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "project.image_attributes", targetType: "project", targetId: projectId, data: { attributes } });
    return attributes;
  });
}
