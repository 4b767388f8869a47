// Edits bring new full-size masks (a SAM decode, a brush stroke, a cleanup);
// the store turns them into compact masks (compact-mask.ts) as they are
// committed, so the document and the undo history hold runs, not bytes. A
// brush stroke is compacted once, when it ends, not on every pointer move.
import type { BinaryMask } from "@/lib/mask";
import { compactMask, isCompactMask } from "./compact-mask";
import { replaceObject } from "./document";
import type { Op } from "./ops";
import type { EditorDocument } from "./types";

/** The ops with the masks they bring made compact, and which plain mask became which compact one. */
export function compactOpMasks(ops: readonly Op[]): { ops: Op[]; replaced: Map<BinaryMask, BinaryMask> } {
  const replaced = new Map<BinaryMask, BinaryMask>();
  const compact = (mask: BinaryMask): BinaryMask => {
    if (isCompactMask(mask)) return mask;
    let made = replaced.get(mask);
    if (!made) {
      made = compactMask(mask);
      replaced.set(mask, made);
    }
    return made;
  };
  const out = ops.map((op): Op => {
    if (op.type === "add") return isCompactMask(op.object.mask) ? op : { ...op, object: { ...op.object, mask: compact(op.object.mask) } };
    if (op.type === "update" && op.after.mask && !isCompactMask(op.after.mask)) return { ...op, after: { ...op.after, mask: compact(op.after.mask) } };
    return op;
  });
  return { ops: out, replaced };
}

/** The document with every object holding a replaced mask given its compact twin (same pixels). */
export function swapDocumentMasks(doc: EditorDocument, replaced: ReadonlyMap<BinaryMask, BinaryMask>): EditorDocument {
  if (replaced.size === 0) return doc;
  let out = doc;
  for (const object of doc.objects) {
    const twin = replaced.get(object.mask);
    if (twin) out = replaceObject(out, { ...object, mask: twin });
  }
  return out;
}
