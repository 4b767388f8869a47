import { describe, expect, it } from "vitest";
import { createMask, maskFromRows, maskToRows } from "./binary-mask";
import { componentAt, componentMask, labelComponents } from "./connected-components";

/** Labels as text, one digit per pixel (tests use < 10 components). */
function labelRows(rows: string[], connectivity: 4 | 8): string[] {
  const c = labelComponents(maskFromRows(rows), connectivity);
  const out: string[] = [];
  for (let y = 0; y < c.height; y++) {
    let r = "";
    for (let x = 0; x < c.width; x++) r += String(c.labels[y * c.width + x]);
    out.push(r);
  }
  return out;
}

/** Straightforward flood-fill labelling used as an oracle. */
function floodLabels(data: Uint8Array, w: number, h: number, conn: 4 | 8): Int32Array {
  const labels = new Int32Array(w * h);
  let next = 0;
  const nbrs = conn === 8 ? [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]] : [[1, 0], [-1, 0], [0, 1], [0, -1]];
  for (let i = 0; i < w * h; i++) {
    if (data[i] === 0 || labels[i] !== 0) continue;
    labels[i] = ++next;
    const stack = [i];
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w, y = (p - x) / w;
      for (const [dx, dy] of nbrs) {
        const nx = x + dx!, ny = y + dy!;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const q = ny * w + nx;
        if (data[q] !== 0 && labels[q] === 0) { labels[q] = next; stack.push(q); }
      }
    }
  }
  return labels;
}

describe("labelComponents", () => {
  const rows = [
    "1100100",
    "0010100",
    "0000111",
    "1000000",
    "0100011",
  ];

  it("8-connectivity joins diagonal neighbours; ids follow scan order", () => {
    expect(labelRows(rows, 8)).toEqual([
      "1100200",
      "0010200",
      "0000222",
      "3000000",
      "0300044",
    ]);
  });

  it("4-connectivity keeps diagonal neighbours apart", () => {
    expect(labelRows(rows, 4)).toEqual([
      "1100200",
      "0030200",
      "0000222",
      "4000000",
      "0500066",
    ]);
  });

  it("U shapes merge late (union-find across rows) and keep the earliest id", () => {
    expect(labelRows(["1010", "1010", "1110", "0001"], 8)).toEqual(["1010", "1010", "1110", "0001"]);
    expect(labelRows(["1010", "1010", "1110", "0001"], 4)).toEqual(["1010", "1010", "1110", "0002"]);
    expect(labelRows(["0101", "1101"], 4)).toEqual(["0102", "1102"]);
  });

  it("areas, componentMask and componentAt", () => {
    const c = labelComponents(maskFromRows(rows), 8);
    expect(c.count).toBe(4);
    expect(Array.from(c.areas)).toEqual([0, 3, 5, 2, 2]);
    expect(maskToRows(componentMask(c, 3))).toEqual(["0000000", "0000000", "0000000", "1000000", "0100000"]);
    expect(componentAt(c, 4, 2)).toBe(2);
    expect(componentAt(c, 3, 3)).toBe(0);
    expect(componentAt(c, -1, 0)).toBe(0);
    expect(componentAt(c, 7, 0)).toBe(0);
  });

  it("empty, full and zero-sized masks", () => {
    expect(labelComponents(createMask(3, 2)).count).toBe(0);
    const full = createMask(3, 2);
    full.data.fill(1);
    const c = labelComponents(full, 4);
    expect(c.count).toBe(1);
    expect(c.areas[1]).toBe(6);
    expect(labelComponents(createMask(0, 0)).count).toBe(0);
  });

  it("matches a flood-fill oracle (same partition, same scan-order ids) on random masks", () => {
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 60; t++) {
      const w = 1 + Math.floor(rand() * 25), h = 1 + Math.floor(rand() * 25);
      const m = createMask(w, h);
      const p = 0.2 + rand() * 0.5;
      for (let i = 0; i < m.data.length; i++) m.data[i] = rand() < p ? 1 : 0;
      for (const conn of [4, 8] as const) {
        expect(Array.from(labelComponents(m, conn).labels)).toEqual(Array.from(floodLabels(m.data, w, h, conn)));
      }
    }
  });

  it("rejects bad connectivity", () => {
    expect(() => labelComponents(createMask(1, 1), 6 as 4)).toThrow(RangeError);
  });
});

describe("labelComponents input handling", () => {
  it("works on unaligned subarray views and non-0/1 foreground values (word-scan fallbacks)", () => {
    const rows = ["11101111100111", "00000000000001", "11111111111111", "10000000000001"];
    const ref = labelComponents(maskFromRows(rows), 4);
    const w = rows[0]!.length;
    const buf = new Uint8Array(w * rows.length + 1);
    const view = buf.subarray(1); // byteOffset 1: no 32-bit word view possible
    rows.forEach((r, y) => [...r].forEach((c, x) => (view[y * w + x] = c === "1" ? 255 : 0)));
    const got = labelComponents({ width: w, height: rows.length, data: view }, 4);
    expect(Array.from(got.labels)).toEqual(Array.from(ref.labels));
    const aligned = new Uint8Array(view); // same values, aligned copy, 255s exercise the has-zero-byte test
    expect(Array.from(labelComponents({ width: w, height: rows.length, data: aligned }, 4).labels)).toEqual(Array.from(ref.labels));
    expect(ref.count).toBe(3);
  });
});
