// The standard simulated user of interactive segmentation benchmarks
// (RITM isegm/inference/clicker.py, reused by SimpleClick and others):
// split the error into false negatives (object pixels predicted as
// background) and false positives, take each one's distance transform, and
// click at the pixel farthest from the error boundary in whichever is
// larger: positive for a false-negative region, negative for a
// false-positive one. Ties go to the first pixel in raster order; pixels
// already clicked are excluded; ignore pixels are never errors.
import { computeDistanceTransform } from "./distance-transform";

export interface GroundTruth {
  /** 1 for object pixels. */
  mask: Uint8Array;
  /** 1 where the pixel is ignored (value 128 in GrabCut/Berkeley masks). */
  ignore: Uint8Array;
  width: number;
  height: number;
}

export interface SimulatedClick {
  x: number;
  y: number;
  positive: boolean;
}

export function findNextClick({
  groundTruth,
  prediction,
  clicked,
}: {
  groundTruth: GroundTruth;
  /** 1 where the current prediction says object. */
  prediction: Uint8Array;
  /** Pixel indices already clicked. */
  clicked: ReadonlySet<number>;
}): SimulatedClick {
  const { mask, ignore, width, height } = groundTruth;
  const n = width * height;
  const falseNegative = new Uint8Array(n);
  const falsePositive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (ignore[i]) continue;
    if (mask[i] && !prediction[i]) falseNegative[i] = 1;
    else if (!mask[i] && prediction[i]) falsePositive[i] = 1;
  }
  const fnDistance = computeDistanceTransform({ mask: falseNegative, width, height });
  const fpDistance = computeDistanceTransform({ mask: falsePositive, width, height });
  const best = (distance: Float32Array) => {
    let value = 0;
    let index = 0;
    for (let i = 0; i < n; i++) {
      if (clicked.has(i)) continue;
      if ((distance[i] as number) > value) {
        value = distance[i] as number;
        index = i;
      }
    }
    return { value, index };
  };
  const fn = best(fnDistance);
  const fp = best(fpDistance);
  // RITM: is_positive = fn_max_dist > fp_max_dist (a tie clicks negative).
  const positive = fn.value > fp.value;
  const index = positive ? fn.index : fp.index;
  return { x: index % width, y: Math.floor(index / width), positive };
}
