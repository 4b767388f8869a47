// COCO files from CVAT carry per-annotation "attributes" ({"occluded": false,
// "colour": "red"}). The import keeps them: each category's attribute
// definitions are inferred from the values the file uses (all yes/no ->
// yes/no; all numbers -> number; 2-20 distinct strings -> a list of them;
// other strings -> text; a name with mixed kinds is left out), merged into
// the label class (an existing definition wins), and each mask keeps the
// values its class's definitions accept.
import { MAX_ATTRIBUTES_PER_CLASS, labelAttributesSchema, type AttributeValues, type LabelAttribute } from "@/lib/schemas/label-attributes";
import { asRecord } from "@/lib/as-record";

const MAX_LIST_OPTIONS = 20;

/** The attribute values of one COCO annotation that can be kept: named (1-40 chars) yes/no, text or finite numbers. */
export function readCocoAttributeValues(annotation: unknown): AttributeValues {
  const values: AttributeValues = {};
  for (const [rawName, value] of Object.entries(asRecord(asRecord(annotation).attributes))) {
    const name = rawName.trim();
    if (name === "" || name.length > 40) continue;
    if (typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.length <= 200)) values[name] = value;
  }
  return values;
}

type Observed = { kinds: Set<string>; strings: string[] };

/** Definitions per category name, in the order names first appear. */
export function inferAttributeDefinitions(annotations: readonly { categoryName: string; attributes: AttributeValues }[]): Map<string, LabelAttribute[]> {
  const observed = new Map<string, Map<string, Observed>>();
  for (const annotation of annotations) {
    const byName = observed.get(annotation.categoryName) ?? new Map<string, Observed>();
    observed.set(annotation.categoryName, byName);
    for (const [name, value] of Object.entries(annotation.attributes)) {
      const entry = byName.get(name) ?? { kinds: new Set<string>(), strings: [] };
      byName.set(name, entry);
      entry.kinds.add(typeof value);
      if (typeof value === "string" && value.trim() !== "" && !entry.strings.includes(value.trim()) && entry.strings.length <= MAX_LIST_OPTIONS) entry.strings.push(value.trim());
    }
  }
  const definitions = new Map<string, LabelAttribute[]>();
  for (const [category, byName] of observed) {
    const list: LabelAttribute[] = [];
    for (const [name, entry] of byName) {
      if (entry.kinds.size !== 1 || list.length >= MAX_ATTRIBUTES_PER_CLASS) continue;
      const kind = [...entry.kinds][0];
      const distinct = new Set(entry.strings.map((value) => value.toLowerCase())).size === entry.strings.length;
      const candidate =
        kind === "boolean"
          ? { name, type: "checkbox" as const, options: [] }
          : kind === "number"
            ? { name, type: "number" as const, options: [] }
            : entry.strings.length >= 2 && entry.strings.length <= MAX_LIST_OPTIONS && distinct
              ? { name, type: "select" as const, options: entry.strings }
              : { name, type: "text" as const, options: [] };
      list.push(candidate);
    }
    // The same rules the label class form applies (name length, unique names, options).
    const checked = labelAttributesSchema.safeParse(list);
    definitions.set(category, checked.success ? checked.data : []);
  }
  return definitions;
}

/** An existing class keeps its definitions; inferred ones with new names are appended while there is room. */
export function mergeAttributeDefinitions(existing: readonly LabelAttribute[], inferred: readonly LabelAttribute[]): LabelAttribute[] {
  const names = new Set(existing.map((attribute) => attribute.name.toLowerCase()));
  const merged = [...existing];
  for (const attribute of inferred) {
    if (merged.length >= MAX_ATTRIBUTES_PER_CLASS) break;
    if (!names.has(attribute.name.toLowerCase())) merged.push(attribute);
  }
  return merged;
}
