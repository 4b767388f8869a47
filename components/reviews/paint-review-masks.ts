// The review overlay's pixels: each mask as a translucent fill (scaled by the
// reviewer's opacity) with an opaque one-pixel outline, so neighbouring masks
// of one class stay apart and the picture can be seen through the fill. The
// highlighted mask (hovered in the list, or the one a comment is about) gets a
// stronger fill and a white outline.
import type { BinaryMask } from "@/lib/mask";

/** `bbox` ([x, y, w, h], from maskBbox) limits the scan to the mask's box: repainting on every hover then costs the masks' boxes, not the whole image per mask. */
export type PaintedMask = { id: string; mask: BinaryMask; rgb: [number, number, number]; bbox?: readonly [number, number, number, number] };

const FILL_ALPHA = 130;
const HIGHLIGHT_FILL_ALPHA = 200;

export function paintReviewMasks(options: {
  out: Uint8ClampedArray;
  width: number;
  height: number;
  masks: readonly PaintedMask[];
  opacity: number;
  highlightId: string | null;
}): void {
  const { out, width: w, height: h, masks, highlightId } = options;
  const opacity = Math.min(1, Math.max(0, options.opacity));
  out.fill(0);
  for (const { id, mask, rgb, bbox } of masks) {
    // A mask of another size (a stale row) cannot be placed: skip it rather than smear it.
    if (mask.width !== w || mask.height !== h) continue;
    const highlighted = id === highlightId;
    const fill = Math.round((highlighted ? HIGHLIGHT_FILL_ALPHA : FILL_ALPHA) * opacity);
    const data = mask.data;
    const [bx, by, bw, bh] = bbox ?? [0, 0, w, h];
    for (let y = by; y < by + bh; y++) {
      const row = y * w;
      for (let x = bx; x < bx + bw; x++) {
        const i = row + x;
        if (data[i] === 0) continue;
        const edge = x === 0 || y === 0 || x === w - 1 || y === h - 1 || data[i - 1] === 0 || data[i + 1] === 0 || data[i - w] === 0 || data[i + w] === 0;
        const o = i * 4;
        const white = edge && highlighted;
        out[o] = white ? 255 : rgb[0];
        out[o + 1] = white ? 255 : rgb[1];
        out[o + 2] = white ? 255 : rgb[2];
        out[o + 3] = edge ? 255 : fill;
      }
    }
  }
}
