import { describe, expect, it } from "vitest";
import { flippedHalves, groupNearDuplicates, hammingDistance, isDhash, NEAR_DUPLICATE_MAX_DISTANCE } from "./near-duplicates";

/** Flips the given bit positions (0 = most significant) of a 16-hex-digit hash. */
function flip(hash: string, ...bitsToFlip: number[]): string {
  const bits = [...hash].map((d) => parseInt(d, 16).toString(2).padStart(4, "0")).join("").split("");
  for (const bit of bitsToFlip) bits[bit] = bits[bit] === "1" ? "0" : "1";
  let out = "";
  for (let i = 0; i < 64; i += 4) out += parseInt(bits.slice(i, i + 4).join(""), 2).toString(16);
  return out;
}

/** Row by row (two hex digits each): mirrored = each row's 8 bits reversed and negated; upside down = rows reversed. */
function mirroredHex(hash: string): string {
  const rows = hash.match(/../g)!;
  return rows.map((row) => (~parseInt([...parseInt(row, 16).toString(2).padStart(8, "0")].reverse().join(""), 2) & 0xff).toString(16).padStart(2, "0")).join("");
}
const upsideDownHex = (hash: string) => hash.match(/../g)!.reverse().join("");
const halvesHex = ([high, low]: [number, number]) => high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");

describe("flippedHalves", () => {
  it("derives the mirrored, upside-down and turned hashes row by row", () => {
    const hash = "c0010203a0b0c0ff";
    expect(mirroredHex("c000000000000000")).toBe("fcffffffffffffff");
    const [mirrored, upsideDown, turned] = flippedHalves(parseInt(hash.slice(0, 8), 16), parseInt(hash.slice(8), 16)).map(halvesHex);
    expect(mirrored).toBe(mirroredHex(hash));
    expect(upsideDown).toBe("ffc0b0a0030201c0");
    expect(upsideDown).toBe(upsideDownHex(hash));
    expect(turned).toBe(mirroredHex(upsideDownHex(hash)));
  });
});

describe("hammingDistance", () => {
  it("counts differing bits across both halves", () => {
    expect(hammingDistance("0000000000000000", "0000000000000000")).toBe(0);
    expect(hammingDistance("ffffffffffffffff", "0000000000000000")).toBe(64);
    expect(hammingDistance("8000000000000001", "0000000000000000")).toBe(2);
    expect(hammingDistance("a5a5a5a5a5a5a5a5", flip("a5a5a5a5a5a5a5a5", 0, 31, 32, 63))).toBe(4);
  });
});

describe("groupNearDuplicates", () => {
  const base = "3c7e1f0e8c9a5b21";

  it("groups hashes a few bits apart, even with every flipped bit in a different band", () => {
    expect(NEAR_DUPLICATE_MAX_DISTANCE).toBe(8);
    const groups = groupNearDuplicates([
      { id: "a", dhash: base },
      // 8 bits, one in each of the first 8 of the 9 bands.
      { id: "b", dhash: flip(base, 0, 8, 15, 22, 29, 36, 43, 50) },
      { id: "c", dhash: "f0f0f0f0f0f0f0f0" },
      { id: "d", dhash: flip(base, 63) },
    ]);
    expect(groups).toEqual([["a", "b", "d"]]);
  });

  it("leaves hashes more than the distance apart, and items without a hash, alone", () => {
    expect(groupNearDuplicates([{ id: "a", dhash: base }, { id: "b", dhash: flip(base, 0, 8, 15, 22, 29, 36, 43, 50, 57) }])).toEqual([]);
    expect(groupNearDuplicates([{ id: "a", dhash: base }, { id: "b", dhash: flip(base, 0, 13, 26, 39, 52) }], 4)).toEqual([]);
    expect(groupNearDuplicates([{ id: "a", dhash: base }, { id: "b", dhash: null }, { id: "c", dhash: "not-a-hash" }])).toEqual([]);
  });

  it("groups a mirrored, upside-down or turned copy with its original, unless told not to", () => {
    const items = [
      { id: "a", dhash: base },
      { id: "mirrored", dhash: flip(mirroredHex(base), 3, 40) },
      { id: "upside down", dhash: upsideDownHex(base) },
      { id: "turned", dhash: flip(mirroredHex(upsideDownHex(base)), 10, 20, 30) },
    ];
    expect(groupNearDuplicates(items)).toEqual([["a", "mirrored", "upside down", "turned"]]);
    expect(groupNearDuplicates(items, NEAR_DUPLICATE_MAX_DISTANCE, { flips: false })).toEqual([]);
  });

  it("groups copies turned by 90° or 270° through the original's turned hash", () => {
    const turned = "5a3c9e017f20c4b8"; // the hash of the original picture turned 90° clockwise
    const items = [
      { id: "original", dhash: base, dhashTurned: turned },
      { id: "turned 90°", dhash: flip(turned, 5, 50) },
      // Turned 270° = turned 90° and then 180°: the 180° flip of the turned hash.
      { id: "turned 270°", dhash: mirroredHex(upsideDownHex(turned)) },
      { id: "other", dhash: flip(turned, 0, 3, 9, 14, 20, 27, 33, 41, 48, 55, 60) },
    ];
    expect(groupNearDuplicates(items)).toEqual([["original", "turned 90°", "turned 270°"]]);
    // Found whichever comes first.
    expect(groupNearDuplicates([items[1]!, items[0]!])).toEqual([["turned 90°", "original"]]);
    // Without the turned hash only the two turned copies (180° apart) find each other.
    expect(groupNearDuplicates(items.map(({ id, dhash }) => ({ id, dhash })))).toEqual([["turned 90°", "turned 270°"]]);
  });

  it("closes groups transitively", () => {
    const middle = flip(base, 1, 2, 3, 4, 5, 6, 7, 8);
    const far = flip(middle, 40, 41, 42, 43, 44, 45, 46, 47);
    expect(hammingDistance(base, far)).toBe(16);
    expect(groupNearDuplicates([{ id: "a", dhash: base }, { id: "b", dhash: middle }, { id: "c", dhash: far }])).toEqual([["a", "b", "c"]]);
  });

  it("agrees with comparing every pair on random hashes", () => {
    let seed = 11;
    const nextHex = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) >>> 0).toString(16).padStart(8, "0").slice(-8);
    const items = Array.from({ length: 120 }, (_, i) => {
      const hash = i % 3 === 0 || i < 3 ? nextHex() + nextHex() : "";
      return { id: `i${i}`, dhash: hash };
    });
    // Derive near copies of some hashes, 3-12 bits away.
    items.forEach((item, i) => {
      if (item.dhash === "") item.dhash = flip(items[i - (i % 3)]!.dhash, ...Array.from({ length: 3 + (i % 10) }, (_, k) => (i * 7 + k * 5) % 64));
    });
    const brute = new Map<string, Set<string>>();
    const parent = new Map(items.map((item) => [item.id, item.id]));
    const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
    // Some copies are mirrored or turned too; the brute force compares every flip of one with the other.
    items.forEach((item, i) => {
      if (i % 3 === 1 && i % 2 === 0) item.dhash = mirroredHex(item.dhash);
      if (i % 3 === 2 && i % 4 === 0) item.dhash = upsideDownHex(mirroredHex(item.dhash));
    });
    const flips = (hash: string) => [hash, mirroredHex(hash), upsideDownHex(hash), mirroredHex(upsideDownHex(hash))];
    const near = (a: string, b: string) => flips(a).some((variant) => hammingDistance(variant, b) <= NEAR_DUPLICATE_MAX_DISTANCE);
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (near(items[i]!.dhash, items[j]!.dhash)) parent.set(find(items[j]!.id), find(items[i]!.id));
    for (const item of items) brute.set(find(item.id), (brute.get(find(item.id)) ?? new Set()).add(item.id));
    const expected = [...brute.values()].filter((group) => group.size > 1).map((group) => [...group].sort());
    const actual = groupNearDuplicates(items).map((group) => [...group].sort());
    expect(actual.sort()).toEqual(expected.sort());
    expect(actual.length).toBeGreaterThan(5);
  });

  it("checks the hash format", () => {
    expect(isDhash(base)).toBe(true);
    expect(isDhash("3C7E1F0E8C9A5B21")).toBe(false);
    expect(isDhash(null)).toBe(false);
  });
});
