// The polygon forms used by the COCO-polygon and YOLO exports must rasterise
// back to exactly the mask, under the rule each consumer applies: pycocotools
// unions an annotation's rings; a YOLO line is one ring filled even-odd.
import { describe, expect, it } from "vitest";
import { createMask, maskFromRows, maskToRows, rasterizePolygons, type BinaryMask } from "@/lib/mask";
import { maskToCocoRings, maskToSingleRing } from "./mask-to-export-rings";
import { assignExportIds } from "./assign-export-ids";

function randomMask(seed: number): BinaryMask {
  let state = seed * 2654435761 + 1;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const width = 1 + Math.floor(next() * 14);
  const height = 1 + Math.floor(next() * 14);
  const density = 0.2 + next() * 0.6;
  const mask = createMask(width, height);
  for (let i = 0; i < mask.data.length; i++) mask.data[i] = next() < density ? 1 : 0;
  return mask;
}

function expectExact(mask: BinaryMask, seed: number | string) {
  const coco = rasterizePolygons(maskToCocoRings({ mask }), mask.width, mask.height, { fillRule: "union" });
  expect(maskToRows(coco), `coco rings, case ${seed}`).toEqual(maskToRows(mask));
  const ring = maskToSingleRing({ mask });
  const yolo = ring.length === 0 ? createMask(mask.width, mask.height) : rasterizePolygons([ring], mask.width, mask.height);
  expect(maskToRows(yolo), `single ring, case ${seed}`).toEqual(maskToRows(mask));
}

describe("mask -> export rings", () => {
  it("is exact on hand-drawn holes, nested islands, diagonal contacts and border pixels", () => {
    expectExact(maskFromRows(["#####", "#...#", "#.#.#", "#...#", "#####"]), "ring with island");
    expectExact(maskFromRows(["#.#", ".#.", "#.#"]), "diagonal checker");
    expectExact(maskFromRows(["#..", "...", "..#"]), "two corner pixels");
    expectExact(maskFromRows(["#"]), "one pixel image");
    expectExact(maskFromRows(["...", "..."]), "empty");
  });

  it("is exact on 400 random masks", () => {
    for (let seed = 1; seed <= 400; seed++) expectExact(randomMask(seed), seed);
  });
});

describe("assignExportIds", () => {
  it("keeps preferred ids, skips taken or invalid ones, numbers the rest after the largest", () => {
    expect(assignExportIds({ preferred: [42, undefined, 7, 42, 0, undefined] })).toEqual([42, 43, 7, 44, 45, 46]);
    expect(assignExportIds({ preferred: [undefined, undefined] })).toEqual([1, 2]);
  });
});
