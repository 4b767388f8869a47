// Near-duplicate pictures from their 64-bit difference hashes: two pictures
// are near-duplicates when their hashes differ in at most MAX_DISTANCE bits,
// and groups are closed under that (a ~ b and b ~ c puts a, b, c together).
// Pairs are found through bands: split into MAX_DISTANCE + 1 bands, two
// hashes that close must agree on at least one whole band (pigeonhole), so only
// images sharing a band are compared, not every pair.

/**
 * Bits two dHashes may differ in and still be the same picture. Measured on COCO-mini's 50 photos
 * (scripts/bench/bench-near-duplicates.ts): resized, re-encoded or brightened copies stay within 3 bits,
 * copies cropped by 3-5% have a median of 4-5 and 45-47 of 50 within 8, while two different photos are
 * at least 15 bits apart (1% of pairs under 19).
 */
export const NEAR_DUPLICATE_MAX_DISTANCE = 8;

const HEX_DIGITS = 16;

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

/** The hash as a 64-character bit string, cut into `count` bands as even as possible. */
function bands(hash: string, count: number): string[] {
  const bits = [...hash].map((digit) => parseInt(digit, 16).toString(2).padStart(4, "0")).join("");
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(bits.length / count) + (i < bits.length % count ? 1 : 0);
    out.push(bits.slice(start, start + size));
    start += size;
  }
  return out;
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
  const bandCount = Math.min(maxDistance + 1, HEX_DIGITS * 4);
  const buckets = new Map<string, number[]>();
  hashed.forEach((item, index) => {
    bands(item.dhash, bandCount).forEach((band, b) => {
      const key = `${b}:${band}`;
      const list = buckets.get(key);
      if (list) list.push(index);
      else buckets.set(key, [index]);
    });
  });
  for (const members of buckets.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (root(a) === root(b)) continue;
        if (hammingDistance(hashed[a]!.dhash, hashed[b]!.dhash) <= maxDistance) parent[root(b)] = root(a);
      }
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
