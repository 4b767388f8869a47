// Attributes of a label class (CVAT-style): each mask of the class can carry
// a value per attribute ("occluded" yes/no, "colour" from a list, a free note,
// a number). Definitions live on the label class; values on the mask, keyed
// by attribute name. Shared by the label class form, the editor, the server's
// checks and the exports.
import { z } from "zod";
import { asRecord } from "../as-record";

export const ATTRIBUTE_TYPES = ["checkbox", "select", "text", "number"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export const MAX_ATTRIBUTES_PER_CLASS = 10;
export const MAX_TEXT_VALUE = 200;

const attributeName = z
  .string()
  .trim()
  .min(1, "An attribute needs a name")
  .max(40, "Attribute names are at most 40 characters");

export const labelAttributeSchema = z
  .object({
    name: attributeName,
    type: z.enum(ATTRIBUTE_TYPES, { message: `An attribute's type is one of ${ATTRIBUTE_TYPES.join(", ")}` }),
    /** The choices of a "select" attribute; empty for the other types. */
    options: z.array(z.string().trim().min(1, "Options cannot be empty").max(60, "Options are at most 60 characters")).max(50, "At most 50 options").default([]),
  })
  .refine((value) => value.type !== "select" || value.options.length >= 2, { message: "A list attribute needs at least 2 options", path: ["options"] })
  .refine((value) => new Set(value.options.map((option) => option.toLowerCase())).size === value.options.length, { message: "Options must differ", path: ["options"] })
  .transform((value) => ({ ...value, options: value.type === "select" ? value.options : [] }));
export type LabelAttribute = z.infer<typeof labelAttributeSchema>;

export const labelAttributesSchema = z
  .array(labelAttributeSchema)
  .max(MAX_ATTRIBUTES_PER_CLASS, `A label class has at most ${MAX_ATTRIBUTES_PER_CLASS} attributes`)
  .refine((list) => new Set(list.map((attribute) => attribute.name.toLowerCase())).size === list.length, "Two attributes of a class cannot share a name");

export type AttributeValue = boolean | string | number;
export type AttributeValues = Record<string, AttributeValue>;

/** A value as sent by a client: checked against the class's definitions by normalizeAttributeValues. */
export const attributeValuesInput = z.record(z.string().max(40), z.union([z.boolean(), z.string().max(MAX_TEXT_VALUE, `Attribute values are at most ${MAX_TEXT_VALUE} characters`), z.number().finite()]));

/** Reads stored definitions; anything malformed reads as no attributes (the form validates what it writes). */
export function readLabelAttributes(stored: unknown): LabelAttribute[] {
  const parsed = labelAttributesSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/**
 * Keeps the values the class defines, in the class's order. Keys the class
 * does not define are dropped (a class relabelled or an attribute removed
 * since the value was set); a value of the wrong kind is an error naming it.
 */
export function normalizeAttributeValues(definitions: readonly LabelAttribute[], values: Record<string, unknown>): { values: AttributeValues; errors: string[] } {
  const kept: AttributeValues = {};
  const errors: string[] = [];
  for (const definition of definitions) {
    const value = values[definition.name];
    if (value === undefined || value === null) continue;
    if (definition.type === "checkbox" && typeof value !== "boolean") errors.push(`"${definition.name}" is a yes/no attribute; send true or false.`);
    else if (definition.type === "number" && (typeof value !== "number" || !Number.isFinite(value))) errors.push(`"${definition.name}" is a number attribute.`);
    else if (definition.type === "text" && typeof value !== "string") errors.push(`"${definition.name}" is a text attribute.`);
    else if (definition.type === "select" && (typeof value !== "string" || !definition.options.includes(value))) {
      errors.push(`"${definition.name}" must be one of ${definition.options.map((option) => `"${option}"`).join(", ")}.`);
    } else if (!(definition.type === "text" && value === "")) kept[definition.name] = value as AttributeValue;
  }
  return { values: kept, errors };
}

/** Stored values (any JSON) as the definitions read them now: wrong kinds and removed attributes left out. */
export function storedAttributeValuesFor(definitions: readonly LabelAttribute[], stored: unknown): AttributeValues {
  return normalizeAttributeValues(definitions, asRecord(stored)).values;
}

/** Same names with the same values (key order does not matter). */
export function sameAttributeValues(a: AttributeValues | undefined, b: AttributeValues | undefined): boolean {
  const left = Object.entries(a ?? {});
  const right = b ?? {};
  return left.length === Object.keys(right).length && left.every(([name, value]) => right[name] === value);
}

/** "occluded: yes · colour: red": a mask's values for lists and CSV cells. */
export function describeAttributeValues(values: AttributeValues): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}: ${typeof value === "boolean" ? (value ? "yes" : "no") : String(value)}`)
    .join(" · ");
}

/** PUT /api/images/:id/attributes: the image's values, under the lease of `taskId` (the editor's ?task=). */
export const setImageAttributesInput = z.object({ attributes: attributeValuesInput, taskId: z.string().min(1).max(64).nullable().optional() });
