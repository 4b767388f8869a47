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
  const scan = new RunScanner(data);

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

  // All runs, so the final pass can fill labels run by run instead of per pixel.
  const runs = new RunList();
  let prevStart = new Int32Array(Math.ceil(w / 2) + 1);
  let prevEnd = new Int32Array(prevStart.length);
  let prevLabel = new Int32Array(prevStart.length);
  let curStart = new Int32Array(prevStart.length);
  let curEnd = new Int32Array(prevStart.length);
  let curLabel = new Int32Array(prevStart.length);
  let prevCount = 0;

  for (let y = 0; y < h; y++) {
    const row = y * w;
    const rowEnd = row + w;
    let curCount = 0;
    let p = 0; // first previous-row run that may still touch the current run
    let i = row;
    while (i < rowEnd) {
      i = scan.skipZeros(i, rowEnd);
      if (i >= rowEnd) break;
      const start = i - row;
      i = scan.skipNonZeros(i, rowEnd);
      const end = i - row;

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
      runs.push(row + start, end - start, label);
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
  for (let k = 0; k < runs.length; k++) {
    const pos = runs.pos[k] as number;
    const len = runs.len[k] as number;
    const id = finalId[runs.label[k] as number] as number;
    labels.fill(id, pos, pos + len);
    areas[id] = (areas[id] as number) + len;
  }
  return { width: w, height: h, labels, count, areas };
}

/**
 * Finds run boundaries a word at a time where possible: SAM masks are mostly long
 * uniform runs, and a byte loop over 12 Mpx dominates labelling time otherwise.
 */
class RunScanner {
  private readonly words: Uint32Array | null;

  constructor(private readonly data: Uint8Array) {
    // A word view needs 4-byte alignment; masks made by createMask always have it,
    // subarray views may not, and then we simply scan bytes.
    this.words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >>> 2) : null;
  }

  /** First index in [i, end) with a non-zero byte, or end. */
  skipZeros(i: number, end: number): number {
    const d = this.data;
    const words = this.words;
    if (words !== null) {
      while (i < end && (i & 3) !== 0) {
        if (d[i] !== 0) return i;
        i++;
      }
      while (i + 4 <= end && words[i >>> 2] === 0) i += 4;
    }
    while (i < end && d[i] === 0) i++;
    return i;
  }

  /** First index in [i, end) with a zero byte, or end. */
  skipNonZeros(i: number, end: number): number {
    const d = this.data;
    const words = this.words;
    if (words !== null) {
      while (i < end && (i & 3) !== 0) {
        if (d[i] === 0) return i;
        i++;
      }
      // has-zero-byte test: (v - 0x01010101) & ~v & 0x80808080 is non-zero iff a byte is 0
      while (i + 4 <= end) {
        const v = words[i >>> 2] as number;
        if (((v - 0x01010101) & ~v & 0x80808080) !== 0) break;
        i += 4;
      }
    }
    while (i < end && d[i] !== 0) i++;
    return i;
  }
}

/** Growable (start index, length, provisional label) triples. */
class RunList {
  pos: Int32Array = new Int32Array(1024);
  len: Int32Array = new Int32Array(1024);
  label: Int32Array = new Int32Array(1024);
  length = 0;

  push(pos: number, len: number, label: number): void {
    if (this.length === this.pos.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.pos = grow(this.pos);
      this.len = grow(this.len);
      this.label = grow(this.label);
    }
    this.pos[this.length] = pos;
    this.len[this.length] = len;
    this.label[this.length] = label;
    this.length++;
  }
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
