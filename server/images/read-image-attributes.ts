// An image's attribute values as the project defines them now (values of
// removed attributes left out). The caller has already checked access (the
// review page reads the task first).
import { readLabelAttributes, storedAttributeValuesFor, type AttributeValues } from "@/lib/schemas/label-attributes";
import { db } from "../db/client";

export async function readImageAttributes(options: { imageId: string }): Promise<AttributeValues> {
  const image = await db().image.findUnique({ where: { id: options.imageId }, select: { attributes: true, project: { select: { imageAttributes: true } } } });
  if (!image) return {};
  return storedAttributeValuesFor(readLabelAttributes(image.project.imageAttributes), image.attributes);
}
