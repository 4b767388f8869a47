// SAM's automatic mask generator prompt grid (amg.build_point_grid): n x n
// points at the centres of an even n x n tiling of the image.
export function gridPoints({ n, width, height }: { n: number; width: number; height: number }): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) points.push({ x: ((col + 0.5) / n) * width, y: ((row + 0.5) / n) * height });
  }
  return points;
}
