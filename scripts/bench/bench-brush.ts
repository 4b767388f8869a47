// Brush benchmark: the editor core's cost of one brush (or eraser) pointer
// move on a large picture — the new mask, its foreground count and box (what
// the object list and renderer read) and the store's bookkeeping — without
// the browser. A move must stay well under a frame on a big photo.
//
//   npm run bench:brush [-- --width 6000] [--height 4000] [--moves 200] [--radius 12]
//
// Final line: {"bench":"brush","width","height","moves","brush_ms_median","eraser_ms_median","full_pass_ms", ...}
import os from "node:os";
import { parseArgs } from "node:util";
import { cloneMask, countForeground, maskBbox } from "../../lib/mask";
import { strokeOps } from "../../components/editor/core/commands";
import { EditorStore } from "../../components/editor/core/editor-store";
import { foregroundBbox, foregroundCount } from "../../components/editor/core/mask-facts";
import { discMask, testObject } from "../../components/editor/core/test-helpers";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Per-move times of one stroke across the picture, with the facts read as the views read them. */
function stroke(store: EditorStore, options: { moves: number; radius: number; value: 0 | 1; width: number; height: number }): number[] {
  const times: number[] = [];
  const y = options.height / 2 + (options.value === 1 ? -options.radius * 4 : 0);
  for (let i = 0; i < options.moves; i++) {
    const t0 = performance.now();
    const x = (options.width * 0.2) + (i * options.width * 0.6) / options.moves;
    const result = strokeOps({ doc: store.getState().doc, targetId: "a", from: { x, y }, to: { x: x + options.width * 0.6 / options.moves, y }, radius: options.radius, value: options.value, labelClassId: null, seconds: 0.016, firstPiece: i === 0, newId: () => "new" });
    if (result) store.edit(result.ops, { label: "Stroke", mergeKey: `stroke-${options.value}`, select: result.objectId });
    const mask = store.getState().doc.objects[0]!.mask;
    foregroundCount(mask);
    foregroundBbox(mask);
    times.push(performance.now() - t0);
  }
  store.sealStep();
  return times;
}

function main(): void {
  const { values } = parseArgs({ options: { width: { type: "string" }, height: { type: "string" }, moves: { type: "string" }, radius: { type: "string" } } });
  const width = Math.max(64, Number.parseInt(values.width ?? "6000", 10));
  const height = Math.max(64, Number.parseInt(values.height ?? "4000", 10));
  const moves = Math.max(2, Number.parseInt(values.moves ?? "200", 10));
  const radius = Math.max(1, Number.parseFloat(values.radius ?? "12"));
  const object = discMask(width, height, width / 2, height / 2, Math.min(width, height) / 4);
  const store = new EditorStore({ width, height, objects: [testObject({ id: "a", mask: object, version: 1 })] });
  const brush = stroke(store, { moves, radius, value: 1, width, height });
  const eraser = stroke(store, { moves, radius, value: 0, width, height });
  // What each move cost before the facts were carried along: a copy plus two passes over the picture.
  const full: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const copy = cloneMask(object);
    countForeground(copy);
    maskBbox(copy);
    full.push(performance.now() - t0);
  }
  console.log(
    JSON.stringify({
      bench: "brush",
      width,
      height,
      moves,
      radius,
      brush_ms_median: Number(median(brush.slice(1)).toFixed(2)),
      eraser_ms_median: Number(median(eraser.slice(1)).toFixed(2)),
      full_pass_ms: Number(median(full).toFixed(2)),
      load_average_1m: Number(os.loadavg()[0]!.toFixed(2)),
    }),
  );
}

main();
