// The attribute values a mask stores: those its label class defines, checked
// by kind. An unlabelled mask carries none. A wrong value is a 400 naming
// the attribute; a key the class does not define is dropped.
import { normalizeAttributeValues, readLabelAttributes, type AttributeValues } from "@/lib/schemas/label-attributes";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";

export async function resolveAttributeValues(options: { tx: Prisma.TransactionClient; labelClassId: string | null; values: Record<string, unknown> }): Promise<AttributeValues> {
  // Most saves carry no values: nothing to check, so no label lookup on the editor's save path.
  if (options.labelClassId === null || Object.keys(options.values).length === 0) return {};
  const label = await options.tx.labelClass.findUnique({ where: { id: options.labelClassId }, select: { name: true, attributes: true } });
  if (!label) return {};
  const { values, errors } = normalizeAttributeValues(readLabelAttributes(label.attributes), options.values);
  if (errors.length > 0) throw new AppError("bad_request", `Attributes of "${label.name}": ${errors.join(" ")}`, { reason: "attribute_value" });
  return values;
}
