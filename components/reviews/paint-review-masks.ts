// The review overlay's pixels: each mask as a translucent fill (scaled by the
// reviewer's opacity) with an opaque one-pixel outline, so neighbouring masks
// of one class stay apart and the picture can be seen through the fill. The
// highlighted mask (hovered in the list, or the one a comment is about) gets a
// stronger fill and a white outline.
//
// Each mask is kept as its runs and a crop of its box (grown by the one pixel
// the outline test looks at), never as a full-size mask: a review of 150 masks
// on a 2400x1600 picture would otherwise hold 576 MB, and a repaint on every
// hover only walks the boxes.
import { foregroundRuns, rleCounts, runsBbox, runsRegion, type CocoRle, type ForegroundRuns } from "@/lib/mask";

export interface ReviewMask {
  readonly runs: ForegroundRuns;
  /** Left, top, width and height of `pixels` in the picture. */
  readonly crop: readonly [x: number, y: number, width: number, height: number];
  readonly pixels: Uint8Array;
}

export function reviewMaskFromRle(rle: CocoRle): ReviewMask {
  const [height, width] = rle.size;
  const runs = foregroundRuns(rleCounts(rle), width, height);
  const [bx, by, bw, bh] = runsBbox(runs);
  const x = Math.max(0, bx - 1);
  const y = Math.max(0, by - 1);
  const crop = [x, y, bw === 0 ? 0 : Math.min(width, bx + bw + 1) - x, bh === 0 ? 0 : Math.min(height, by + bh + 1) - y] as const;
  return { runs, crop, pixels: runsRegion(runs, [...crop]) };
}

export type PaintedMask = { id: string; mask: ReviewMask; rgb: [number, number, number] };

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
  for (const { id, mask, rgb } of masks) {
    // A mask of another size (a stale row) cannot be placed: skip it rather than smear it.
    if (mask.runs.width !== w || mask.runs.height !== h) continue;
    const highlighted = id === highlightId;
    const fill = Math.round((highlighted ? HIGHLIGHT_FILL_ALPHA : FILL_ALPHA) * opacity);
    const [cx, cy, cw, ch] = mask.crop;
    const data = mask.pixels;
    // Outside the crop is the picture's edge or (past the one-pixel margin) background: either way an outline.
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        const i = y * cw + x;
        if (data[i] === 0) continue;
        const edge = x === 0 || y === 0 || x === cw - 1 || y === ch - 1 || data[i - 1] === 0 || data[i + 1] === 0 || data[i - cw] === 0 || data[i + cw] === 0;
        const o = ((cy + y) * w + cx + x) * 4;
        const white = edge && highlighted;
        out[o] = white ? 255 : rgb[0];
        out[o + 1] = white ? 255 : rgb[1];
        out[o + 2] = white ? 255 : rgb[2];
        out[o + 3] = edge ? 255 : fill;
      }
    }
  }
}
