/** Bar heights in pixels: the day with most work fills the chart, any work shows at least a sliver. */
export function barHeights(values: number[], height: number): number[] {
  const max = Math.max(0, ...values);
  return values.map((value) => (max === 0 || value === 0 ? 0 : Math.max(2, (value / max) * height)));
}
