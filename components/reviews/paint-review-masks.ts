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

/** Where a mask's pixels can be painted (its crop); null for an empty mask. */
export function reviewMaskArea(mask: ReviewMask): Rect | null {
  return mask.crop[2] > 0 && mask.crop[3] > 0 ? mask.crop : null;
}

type Rect = readonly [x: number, y: number, width: number, height: number];

/** The smallest rectangle holding every given one; null for none. */
export function rectAround(rects: readonly (Rect | null)[]): Rect | null {
  const present = rects.filter((rect): rect is Rect => rect !== null);
  if (present.length === 0) return null;
  const x0 = Math.min(...present.map((r) => r[0]));
  const y0 = Math.min(...present.map((r) => r[1]));
  const x1 = Math.max(...present.map((r) => r[0] + r[2]));
  const y1 = Math.max(...present.map((r) => r[1] + r[3]));
  return [x0, y0, x1 - x0, y1 - y0];
}

/**
 * Paints the overlay into `out` (the picture's size, RGBA), or only inside
 * `region` (cleared first, then every mask's part of it, in order): a hover
 * repaints the two highlighted masks' areas, not the whole picture.
 */
export function paintReviewMasks(options: {
  out: Uint8ClampedArray;
  width: number;
  height: number;
  masks: readonly PaintedMask[];
  opacity: number;
  highlightId: string | null;
  region?: Rect;
}): void {
  const { out, width: w, height: h, masks, highlightId } = options;
  const opacity = Math.min(1, Math.max(0, options.opacity));
  const [rx, ry, rw, rh] = options.region ?? [0, 0, w, h];
  if (options.region) for (let y = ry; y < ry + rh; y++) out.fill(0, (y * w + rx) * 4, (y * w + rx + rw) * 4);
  else out.fill(0);
  for (const { id, mask, rgb } of masks) {
    // A mask of another size (a stale row) cannot be placed: skip it rather than smear it.
    if (mask.runs.width !== w || mask.runs.height !== h) continue;
    const highlighted = id === highlightId;
    const fill = Math.round((highlighted ? HIGHLIGHT_FILL_ALPHA : FILL_ALPHA) * opacity);
    const [cx, cy, cw, ch] = mask.crop;
    const data = mask.pixels;
    // The crop's part inside the region, in crop coordinates.
    const x0 = Math.max(0, rx - cx);
    const y0 = Math.max(0, ry - cy);
    const x1 = Math.min(cw, rx + rw - cx);
    const y1 = Math.min(ch, ry + rh - cy);
    // Outside the crop is the picture's edge or (past the one-pixel margin) background: either way an outline.
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
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
