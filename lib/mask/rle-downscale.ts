// Paints a mask into a smaller grid straight from its COCO run lengths, for
// previews (mask overlays on thumbnails): a target cell is painted when any
// source pixel in it is set, so thin objects stay visible. Work is per run and
// column, never per source pixel, so a 4000 × 3000 mask costs what its
// outline does, not 12 million pixel visits.

export type TargetGrid = { width: number; height: number; cells: Uint16Array };

/** Writes `id` into every target cell the mask touches (later calls paint over earlier ones). */
export function paintRleDownscaled(options: { counts: readonly number[]; height: number; width: number; target: TargetGrid; id: number }): void {
  const { counts, height, width, target, id } = options;
  if (height === 0 || width === 0) return;
  const sx = target.width / width;
  const sy = target.height / height;
  let pos = 0;
  for (let i = 0; i < counts.length; i++) {
    const len = counts[i] ?? 0;
    if ((i & 1) === 1 && len > 0) {
      const end = pos + len - 1;
      const firstColumn = Math.floor(pos / height);
      const lastColumn = Math.floor(end / height);
      for (let x = firstColumn; x <= lastColumn; x++) {
        const y0 = x === firstColumn ? pos % height : 0;
        const y1 = x === lastColumn ? end % height : height - 1;
        const tx = Math.min(target.width - 1, Math.floor(x * sx));
        const ty0 = Math.min(target.height - 1, Math.floor(y0 * sy));
        const ty1 = Math.min(target.height - 1, Math.floor(y1 * sy));
        for (let ty = ty0; ty <= ty1; ty++) target.cells[ty * target.width + tx] = id;
      }
    }
    pos += len;
  }
}
