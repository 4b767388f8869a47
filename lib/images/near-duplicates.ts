// Near-duplicate pictures from their 64-bit difference hashes: two pictures
// are near-duplicates when their hashes differ in at most MAX_DISTANCE bits,
// and groups are closed under that (a ~ b and b ~ c puts a, b, c together).
// Pairs are found through four 16-bit bands: two hashes at most d bits apart
// differ in at most floor(d / 4) bits on at least one band (pigeonhole), so
// each hash looks up, per band, only the band values that close to its own
// (137 for d = 8) among the hashes before it. Measured on random hashes
// (2-vCPU machine, scripts/bench/bench-scale.ts for a whole project): 20,000
// images in 0.12 s and 100,000 in 1.3 s, where comparing every pair that
// shares one of nine exact 7-bit bands took 4.1 s for 20,000.

/**
 * Bits two dHashes may differ in and still be the same picture. Measured on COCO-mini's 50 photos
 * (scripts/bench/bench-near-duplicates.ts): resized, re-encoded or brightened copies stay within 3 bits,
 * copies cropped by 3-5% have a median of 4-5 and 45-47 of 50 within 8, while two different photos are
 * at least 15 bits apart (1% of pairs under 19).
 */
export const NEAR_DUPLICATE_MAX_DISTANCE = 8;

export function isDhash(value: string | null | undefined): value is string {
  return typeof value === "string" && /^[0-9a-f]{16}$/.test(value);
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hammingDistance(a: string, b: string): number {
  return popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount32(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}

const BAND_BITS = 16;
const BANDS = 64 / BAND_BITS;

/** Every 16-bit value with at most `radius` bits set: XOR-ed into a band value, the band values within that distance. */
function masksWithin(radius: number): Int32Array {
  const out: number[] = [];
  for (let value = 0; value < 1 << BAND_BITS; value++) if (popcount32(value) <= radius) out.push(value);
  return Int32Array.from(out);
}

/** Groups of two or more near-duplicate ids, each group's ids in input order; items without a valid hash are left out. */
export function groupNearDuplicates(items: readonly { id: string; dhash: string | null }[], maxDistance = NEAR_DUPLICATE_MAX_DISTANCE): string[][] {
  const hashed = items.filter((item): item is { id: string; dhash: string } => isDhash(item.dhash));
  const parent = hashed.map((_, index) => index);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // The hashes as two 32-bit halves, parsed once: the loops below run millions of times on a large project.
  const high = Uint32Array.from(hashed, (item) => parseInt(item.dhash.slice(0, 8), 16));
  const low = Uint32Array.from(hashed, (item) => parseInt(item.dhash.slice(8), 16));
  const bandOf = (index: number, band: number) => (band < 2 ? high[index]! : low[index]!) >>> (band % 2 === 0 ? 16 : 0) & 0xffff;
  const masks = masksWithin(Math.floor(maxDistance / BANDS));
  // Per band, the hashes seen so far by band value, as linked lists in typed arrays (no allocation per hash).
  const heads = Array.from({ length: BANDS }, () => new Int32Array(1 << BAND_BITS).fill(-1));
  const nexts = Array.from({ length: BANDS }, () => new Int32Array(hashed.length).fill(-1));
  for (let i = 0; i < hashed.length; i++) {
    for (let band = 0; band < BANDS; band++) {
      const value = bandOf(i, band);
      const head = heads[band]!;
      const next = nexts[band]!;
      for (let m = 0; m < masks.length; m++) {
        for (let j = head[value ^ masks[m]!]!; j !== -1; j = next[j]!) {
          if (popcount32(high[i]! ^ high[j]!) + popcount32(low[i]! ^ low[j]!) > maxDistance) continue;
          const ri = root(i);
          const rj = root(j);
          // The earlier image's root stays the root, so a group keeps its oldest member first.
          if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
        }
      }
      next[i] = head[value]!;
      head[value] = i;
    }
  }
  const groups = new Map<number, string[]>();
  hashed.forEach((item, index) => {
    const r = root(index);
    const group = groups.get(r);
    if (group) group.push(item.id);
    else groups.set(r, [item.id]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}
