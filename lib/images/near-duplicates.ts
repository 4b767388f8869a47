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

/** Each byte's bits in reverse order. */
const REVERSED_BYTE = Uint8Array.from({ length: 256 }, (_, value) => {
  let out = 0;
  for (let bit = 0; bit < 8; bit++) if (value & (1 << bit)) out |= 1 << (7 - bit);
  return out;
});

const mirrorHalf = (half: number) =>
  ((~((REVERSED_BYTE[half >>> 24]! << 24) | (REVERSED_BYTE[(half >>> 16) & 0xff]! << 16) | (REVERSED_BYTE[(half >>> 8) & 0xff]! << 8) | REVERSED_BYTE[half & 0xff]!)) >>> 0);
const swapBytes = (half: number) => (((half & 0xff) << 24) | (((half >>> 8) & 0xff) << 16) | (((half >>> 16) & 0xff) << 8) | (half >>> 24)) >>> 0;

/**
 * A hash (as its two 32-bit halves, rows 0-3 and 4-7) as the same picture would hash mirrored
 * left-right, upside down and turned 180°, derived without the picture: a row's bits
 * ("is the left neighbour darker?") reverse and flip when mirrored, rows reverse when upside
 * down. Measured on COCO-mini's 50 photos (scripts/bench/bench-near-duplicates.ts): a derived
 * hash lands within 5 bits of the real copy's (median 0-1), so flipped copies group like resized ones.
 */
export function flippedHalves(high: number, low: number): [number, number][] {
  const mirrored: [number, number] = [mirrorHalf(high), mirrorHalf(low)];
  const upsideDown: [number, number] = [swapBytes(low), swapBytes(high)];
  return [mirrored, upsideDown, [mirrorHalf(upsideDown[0]), mirrorHalf(upsideDown[1])]];
}

const halvesOf = (hash: string): [number, number] => [parseInt(hash.slice(0, 8), 16), parseInt(hash.slice(8), 16)];

/** The hashes a picture is looked up by: as it is and flipped, and (when known) turned 90° and that flipped. */
function lookupHalves(hash: string, turned: string | null | undefined, flips: boolean): [number, number][] {
  const bases = [halvesOf(hash), ...(isDhash(turned) ? [halvesOf(turned)] : [])];
  return flips ? bases.flatMap(([high, low]) => [[high, low] as [number, number], ...flippedHalves(high, low)]) : bases;
}

/** The distance the grouping sees: between `b` and `a` as it is, flipped or turned (aTurned: a's turned hash), whichever is closest. */
export function nearDuplicateDistance(a: string, b: string, aTurned?: string): number {
  const [otherHigh, otherLow] = halvesOf(b);
  return Math.min(...lookupHalves(a, aTurned, true).map(([h, l]) => popcount32(h ^ otherHigh) + popcount32(l ^ otherLow)));
}

/**
 * Groups of two or more near-duplicate ids, each group's ids in input order; items without a
 * valid hash are left out. With `flips` (the default), a mirrored, upside-down or 180°-turned
 * copy counts as a near-duplicate too (augmented copies leak between train and test as well),
 * and with an item's `dhashTurned` (its picture turned 90° clockwise) one turned by 90° or 270°.
 */
export function groupNearDuplicates(
  items: readonly { id: string; dhash: string | null; dhashTurned?: string | null }[],
  maxDistance = NEAR_DUPLICATE_MAX_DISTANCE,
  options: { flips?: boolean } = {},
): string[][] {
  const hashed = items.filter((item): item is { id: string; dhash: string; dhashTurned?: string | null } => isDhash(item.dhash));
  const parent = hashed.map((_, index) => index);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const flips = options.flips !== false;
  // Indexed per image: its hash and, with flips, its turned hash, so a pair is found whichever image comes
  // first and whichever of the two has a turned hash. As 32-bit halves in typed arrays, parsed once: the loops
  // below run millions of times on a large project.
  const entryItem: number[] = [];
  const entryHalves: number[] = [];
  hashed.forEach((item, index) => {
    for (const hash of [item.dhash, ...(flips && isDhash(item.dhashTurned) ? [item.dhashTurned] : [])]) {
      entryItem.push(index);
      entryHalves.push(...halvesOf(hash));
    }
  });
  const owner = Int32Array.from(entryItem);
  const halves = Uint32Array.from(entryHalves);
  const masks = masksWithin(Math.floor(maxDistance / BANDS));
  // Per band, the entries seen so far by band value, as linked lists in typed arrays (no allocation per hash).
  const heads = Array.from({ length: BANDS }, () => new Int32Array(1 << BAND_BITS).fill(-1));
  const nexts = Array.from({ length: BANDS }, () => new Int32Array(owner.length).fill(-1));
  const halfBand = (h: number, l: number, band: number) => ((band < 2 ? h : l) >>> (band % 2 === 0 ? 16 : 0)) & 0xffff;
  let entry = 0;
  for (let i = 0; i < hashed.length; i++) {
    // Looked up as it is, turned and, with flips, as the flipped copies of both, against the earlier images'
    // hashes and turned hashes: every quarter turn and mirror image, whichever image has a turned hash.
    for (const [h, l] of lookupHalves(hashed[i]!.dhash, flips ? hashed[i]!.dhashTurned : null, flips)) {
      for (let band = 0; band < BANDS; band++) {
        const value = halfBand(h, l, band);
        const head = heads[band]!;
        const next = nexts[band]!;
        for (let m = 0; m < masks.length; m++) {
          for (let e = head[value ^ masks[m]!]!; e !== -1; e = next[e]!) {
            if (popcount32(h ^ halves[2 * e]!) + popcount32(l ^ halves[2 * e + 1]!) > maxDistance) continue;
            const ri = root(i);
            const rj = root(owner[e]!);
            // The earlier image's root stays the root, so a group keeps its oldest member first.
            if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
          }
        }
      }
    }
    for (; entry < owner.length && owner[entry] === i; entry++) {
      for (let band = 0; band < BANDS; band++) {
        const value = halfBand(halves[2 * entry]!, halves[2 * entry + 1]!, band);
        nexts[band]![entry] = heads[band]![value]!;
        heads[band]![value] = entry;
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
