// Copy and paste of objects between images (Ctrl+C / Ctrl+V), as CVAT does for
// shapes: a fixed camera, or a series of the same scene, often needs the same
// object again. The copy is plain JSON (a COCO RLE and the label), so it can
// live in the tab's session storage and survive moving to the next image. A
// paste onto a picture of another size is scaled to it (nearest pixel).
import { createMask, countForeground, decodeRleToMask, type BinaryMask } from "@/lib/mask";
import { maskRle } from "./compact-mask";
import { newManualObject, nextOrder } from "./document";
import type { Op } from "./ops";
import { EMPTY_TELEMETRY, type EditorDocument, type EditorObject } from "./types";
import type { AttributeValues } from "@/lib/schemas/label-attributes";

export type CopiedObject = {
  kind: "maskwright-object/1";
  rle: { size: [number, number]; counts: string };
  labelClassId: string | null;
  attributes?: AttributeValues;
};

export function copyObject(object: EditorObject): CopiedObject {
  const rle = maskRle(object.mask);
  return {
    kind: "maskwright-object/1",
    rle: { size: rle.size, counts: rle.counts as string },
    labelClassId: object.labelClassId,
    ...(object.attributes && { attributes: object.attributes }),
  };
}

/** The copy read back from storage, or null when the text is not one. */
export function readCopiedObject(text: string | null): CopiedObject | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<CopiedObject>;
    if (value.kind !== "maskwright-object/1" || !value.rle || typeof value.rle.counts !== "string" || !Array.isArray(value.rle.size)) return null;
    return value as CopiedObject;
  } catch {
    return null;
  }
}

function scaleMask(mask: BinaryMask, width: number, height: number): BinaryMask {
  if (mask.width === width && mask.height === height) return mask;
  const out = createMask(width, height);
  const source = mask.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(mask.height - 1, Math.floor(((y + 0.5) * mask.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(mask.width - 1, Math.floor(((x + 0.5) * mask.width) / width));
      out.data[y * width + x] = source[sy * mask.width + sx] as number;
    }
  }
  return out;
}

/**
 * The ops that paste the copy as a new object on top. Its label is kept when
 * this project has it (a copy may come from another project), and so are the
 * attribute values then. Null when the copy cannot be read or is empty here.
 */
export function pasteObjectOps(options: { doc: EditorDocument; copy: CopiedObject; labelIds: ReadonlySet<string>; newId: () => string }): { ops: Op[]; objectId: string; scaled: boolean } | null {
  const { doc, copy } = options;
  let mask: BinaryMask;
  try {
    mask = decodeRleToMask(copy.rle);
  } catch {
    return null;
  }
  const scaled = mask.width !== doc.width || mask.height !== doc.height;
  mask = scaleMask(mask, doc.width, doc.height);
  if (countForeground(mask) === 0) return null;
  const labelKept = copy.labelClassId !== null && options.labelIds.has(copy.labelClassId);
  const object = newManualObject({
    id: options.newId(),
    labelClassId: labelKept ? copy.labelClassId : null,
    mask,
    order: nextOrder(doc),
    telemetry: { ...EMPTY_TELEMETRY, clicks: 1, toolsUsed: ["paste"] },
    ...(labelKept && copy.attributes && { attributes: copy.attributes }),
  });
  return { ops: [{ type: "add", object }], objectId: object.id, scaled };
}
