// Intersection over union of two binary masks of equal size, optionally
// ignoring pixels (the "128 = ignore" band of interactive segmentation
// ground truths). Used by tests and benchmarks; browser-safe.

export function computeMaskIoU({
  a,
  b,
  ignore,
}: {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  /** Non-zero where a pixel does not count. */
  ignore?: ArrayLike<number>;
}): number {
  if (a.length !== b.length || (ignore && ignore.length !== a.length)) {
    throw new Error(`Mask sizes differ: ${a.length} vs ${b.length}${ignore ? ` vs ${ignore.length}` : ""}`);
  }
  let intersection = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    if (ignore && ignore[i]) continue;
    const inA = (a[i] as number) !== 0;
    const inB = (b[i] as number) !== 0;
    if (inA && inB) intersection++;
    if (inA || inB) union++;
  }
  // Two empty masks agree perfectly.
  return union === 0 ? 1 : intersection / union;
}
