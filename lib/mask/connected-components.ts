/**
 * Connected-component labelling of a mask's foreground.
 *
 * Run-based two-pass union-find: each row is split into foreground runs, and a run is
 * merged with the runs of the previous row it touches. That is far fewer union-find
 * operations than per-pixel labelling, which matters on 12 Mpx masks.
 */
import { assertValidMask, createMask, type BinaryMask } from "./binary-mask";

/**
 * 4: pixels connect through edges only. 8: also through corners (diagonal neighbours).
 * 8 is what the editor uses by default and what mask-to-polygons.ts traces (diagonally
 * touching pixels form one part); background is then effectively 4-connected.
 */
export type Connectivity = 4 | 8;

export interface ComponentLabels {
  readonly width: number;
  readonly height: number;
  /** Row-major; 0 = background, 1..count = component id, numbered in scan order of each component's first pixel. */
  readonly labels: Int32Array;
  readonly count: number;
  /** areas[id] = pixel count of component id; areas[0] is 0. */
  readonly areas: Int32Array;
}

/** Labels the foreground components of a mask. */
export function labelComponents(mask: BinaryMask, connectivity: Connectivity = 8): ComponentLabels {
  assertValidMask(mask);
  if (connectivity !== 4 && connectivity !== 8) throw new RangeError(`connectivity must be 4 or 8, got ${String(connectivity)}`);
  const { width: w, height: h, data } = mask;
  const labels = new Int32Array(w * h);
  // For 8-connectivity a run [s, e) touches previous-row runs that reach column s-1
  // or start at column e; `reach` widens the overlap test by that one pixel.
  const reach = connectivity === 8 ? 1 : 0;

  let parent = new Int32Array(256);
  let next = 1; // next provisional label; 0 is background
  const find = (a: number): number => {
    while (parent[a] !== a) {
      const p = parent[a] as number;
      parent[a] = parent[p] as number; // path halving
      a = parent[a] as number;
    }
    return a;
  };

  let prevStart = new Int32Array(Math.ceil(w / 2) + 1);
  let prevEnd = new Int32Array(prevStart.length);
  let prevLabel = new Int32Array(prevStart.length);
  let curStart = new Int32Array(prevStart.length);
  let curEnd = new Int32Array(prevStart.length);
  let curLabel = new Int32Array(prevStart.length);
  let prevCount = 0;

  for (let y = 0; y < h; y++) {
    const row = y * w;
    let curCount = 0;
    let p = 0; // first previous-row run that may still touch the current run
    let x = 0;
    while (x < w) {
      while (x < w && data[row + x] === 0) x++;
      if (x >= w) break;
      const start = x;
      while (x < w && data[row + x] !== 0) x++;
      const end = x;

      while (p < prevCount && (prevEnd[p] as number) + reach <= start) p++;
      let label = 0;
      for (let j = p; j < prevCount && (prevStart[j] as number) < end + reach; j++) {
        const r = find(prevLabel[j] as number);
        if (label === 0) label = r;
        else if (r !== label) {
          // Keep the smaller label as root so final ids follow scan order.
          if (r < label) {
            parent[label] = r;
            label = r;
          } else parent[r] = label;
        }
      }
      if (label === 0) {
        if (next === parent.length) {
          const grown = new Int32Array(parent.length * 2);
          grown.set(parent);
          parent = grown;
        }
        parent[next] = next;
        label = next++;
      }
      curStart[curCount] = start;
      curEnd[curCount] = end;
      curLabel[curCount] = label;
      curCount++;
      labels.fill(label, row + start, row + end);
    }
    [prevStart, curStart] = [curStart, prevStart];
    [prevEnd, curEnd] = [curEnd, prevEnd];
    [prevLabel, curLabel] = [curLabel, prevLabel];
    prevCount = curCount;
  }

  // Compact provisional labels to 1..count. Roots are the smallest label of their
  // set, so processing labels in increasing order assigns ids in scan order.
  const finalId = new Int32Array(next);
  let count = 0;
  for (let l = 1; l < next; l++) {
    const r = find(l);
    finalId[l] = r === l ? ++count : (finalId[r] as number);
  }
  const areas = new Int32Array(count + 1);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    if (l !== 0) {
      const id = finalId[l] as number;
      labels[i] = id;
      areas[id] = (areas[id] as number) + 1;
    }
  }
  return { width: w, height: h, labels, count, areas };
}

/** Mask of the pixels with component id `id` (1-based, as in ComponentLabels). */
export function componentMask(components: ComponentLabels, id: number): BinaryMask {
  const out = createMask(components.width, components.height);
  const { labels } = components;
  for (let i = 0; i < labels.length; i++) if (labels[i] === id) out.data[i] = 1;
  return out;
}

/** Component id at pixel (x, y), or 0 for background / outside the mask. */
export function componentAt(components: ComponentLabels, x: number, y: number): number {
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= components.width || y >= components.height) return 0;
  return components.labels[y * components.width + x] as number;
}
