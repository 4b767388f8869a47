// SAM's stability score (segment_anything/utils/amg.py
// calculate_stability_score): IoU between the mask thresholded at
// threshold + offset and at threshold - offset. The first is a subset of the
// second, so IoU = count(> t + o) / count(> t - o). A mask whose boundary
// barely moves when the threshold shifts is "stable".

export function computeStabilityScore({
  logits,
  threshold = 0,
  offset = 1,
}: {
  logits: ArrayLike<number>;
  threshold?: number;
  offset?: number;
}): number {
  const high = threshold + offset;
  const low = threshold - offset;
  let intersection = 0;
  let union = 0;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i] as number;
    if (v > high) intersection++;
    if (v > low) union++;
  }
  // Empty at both thresholds: SAM would divide by zero (NaN, which fails every
  // filter); 0 keeps that "reject" meaning with a finite number.
  return union === 0 ? 0 : intersection / union;
}

/** Scores of `count` candidate maps laid out back to back (e.g. [1,4,256,256]). */
export function computeStabilityScores({
  logits,
  count,
  threshold = 0,
  offset = 1,
}: {
  logits: Float32Array;
  count: number;
  threshold?: number;
  offset?: number;
}): number[] {
  if (count <= 0 || logits.length % count !== 0) throw new Error(`Cannot split ${logits.length} logits into ${count} masks`);
  const size = logits.length / count;
  return Array.from({ length: count }, (_, i) =>
    computeStabilityScore({ logits: logits.subarray(i * size, (i + 1) * size), threshold, offset }),
  );
}
