import { describe, expect, it } from "vitest";
import { exportSplitSchema, type ExportSplit } from "@/lib/schemas/exports";
import { assignExportSplits, splitCounts } from "./assign-export-splits";

const ids = (n: number) => Array.from({ length: n }, (_, index) => `image-${index}`);
const split = (train: number, val: number, test: number, seed = 0): ExportSplit => ({ train, val, test, seed, keepNearDuplicatesTogether: false });

describe("splitCounts", () => {
  it("gives exact part sizes that add up to the number of images", () => {
    expect(splitCounts(50, split(70, 20, 10))).toEqual({ train: 35, val: 10, test: 5 });
    expect(splitCounts(7, split(70, 20, 10))).toEqual({ train: 5, val: 1, test: 1 });
    expect(splitCounts(101, split(80, 10, 10))).toEqual({ train: 81, val: 10, test: 10 });
    for (let n = 0; n < 60; n++) {
      const counts = splitCounts(n, split(60, 25, 15));
      expect(counts.train + counts.val + counts.test).toBe(n);
    }
  });

  it("gives a part asked for at least one image while there are enough, and never one at 0%", () => {
    expect(splitCounts(5, split(90, 5, 5))).toEqual({ train: 3, val: 1, test: 1 });
    expect(splitCounts(2, split(90, 5, 5))).toEqual({ train: 1, val: 1, test: 0 });
    expect(splitCounts(1, split(90, 5, 5))).toEqual({ train: 1, val: 0, test: 0 });
    expect(splitCounts(10, split(80, 20, 0))).toEqual({ train: 8, val: 2, test: 0 });
    expect(splitCounts(0, split(80, 20, 0))).toEqual({ train: 0, val: 0, test: 0 });
  });
});

describe("assignExportSplits", () => {
  it("puts every image in exactly one part, with the counted sizes", () => {
    const assignment = assignExportSplits({ imageIds: ids(40), split: split(70, 20, 10) });
    expect(assignment.partOf.size).toBe(40);
    const sizes = { train: 0, val: 0, test: 0 };
    for (const part of assignment.partOf.values()) sizes[part] += 1;
    expect(sizes).toEqual({ train: 28, val: 8, test: 4 });
    expect(assignment.counts).toEqual(sizes);
    expect(assignment.parts).toEqual(["train", "val", "test"]);
  });

  it("is the same for the same seed and images in any order, and differs for another seed", () => {
    const first = assignExportSplits({ imageIds: ids(30), split: split(50, 50, 0, 7) });
    const reordered = assignExportSplits({ imageIds: ids(30).reverse(), split: split(50, 50, 0, 7) });
    expect([...reordered.partOf.entries()].sort()).toEqual([...first.partOf.entries()].sort());
    expect(first.parts).toEqual(["train", "val"]);
    const other = assignExportSplits({ imageIds: ids(30), split: split(50, 50, 0, 8) });
    const moved = ids(30).filter((id) => other.partOf.get(id) !== first.partOf.get(id));
    expect(moved.length).toBeGreaterThan(0);
  });

  it("does not follow import order", () => {
    const assignment = assignExportSplits({ imageIds: ids(100), split: split(50, 50, 0) });
    const firstHalfInTrain = ids(100).slice(0, 50).filter((id) => assignment.partOf.get(id) === "train").length;
    // A split by order would put all 50 (or none) of the first half in train.
    expect(firstHalfInTrain).toBeGreaterThan(10);
    expect(firstHalfInTrain).toBeLessThan(40);
  });
});

describe("assignExportSplits with near-duplicate groups", () => {
  const groups = [
    ["image-3", "image-17", "image-28"],
    ["image-5", "image-6"],
    // Only partly exported: the exported members still stay together; unknown ids are ignored.
    ["image-9", "not-exported"],
  ];

  it("puts each group in one part and every image in exactly one part", () => {
    for (let seed = 0; seed < 20; seed++) {
      const assignment = assignExportSplits({ imageIds: ids(40), split: split(70, 20, 10, seed), groups });
      expect(assignment.partOf.size).toBe(40);
      expect(assignment.partOf.has("not-exported")).toBe(false);
      for (const group of groups) expect(new Set(group.filter((id) => id.startsWith("image-")).map((id) => assignment.partOf.get(id))).size).toBe(1);
      const sizes = { train: 0, val: 0, test: 0 };
      for (const part of assignment.partOf.values()) sizes[part] += 1;
      expect(assignment.counts).toEqual(sizes);
      // A group may push its part past its size by at most the group's size minus one.
      expect(Math.abs(sizes.train - 28)).toBeLessThanOrEqual(2);
      expect(sizes.train + sizes.val + sizes.test).toBe(40);
    }
  });

  it("without groups gives exactly the plain split", () => {
    const plain = assignExportSplits({ imageIds: ids(40), split: split(70, 20, 10, 3) });
    expect(assignExportSplits({ imageIds: ids(40), split: split(70, 20, 10, 3), groups: [] }).partOf).toEqual(plain.partOf);
  });
});

describe("exportSplitSchema", () => {
  it("accepts whole percentages adding up to 100 and defaults the seed", () => {
    expect(exportSplitSchema.parse({ train: 70, val: 20, test: 10 })).toEqual({ train: 70, val: 20, test: 10, seed: 0, keepNearDuplicatesTogether: false });
  });

  it("names what is wrong", () => {
    const messages = (input: unknown) => exportSplitSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages({ train: 70, val: 20, test: 20 })).toContain("train, val and test must add up to 100");
    expect(messages({ train: 100, val: 0, test: 0 })).toContain("a split needs at least two parts above 0%");
    expect(messages({ train: 69.5, val: 20.5, test: 10 })).toContain("train must be a whole percentage");
    expect(messages({ train: 120, val: -20, test: 0 })).toEqual(expect.arrayContaining(["train is at most 100", "val is at least 0"]));
  });
});
