import { describe, expect, it } from "vitest";
import { filterLabels } from "./filter-labels";

const labels = ["person", "bicycle", "car", "motorcycle", "bus", "traffic light", "Cat", "carrot"].map((name) => ({ name }));
const names = (query: string) => filterLabels(labels, query).map(({ label, index }) => `${label.name}#${index}`);

describe("filterLabels", () => {
  it("keeps every label, in order, for an empty query", () => {
    expect(filterLabels(labels, "  ")).toHaveLength(labels.length);
  });

  it("matches anywhere, case-insensitively, names starting with the query first, keeping list indexes", () => {
    expect(names("CA")).toEqual(["car#2", "Cat#6", "carrot#7"]);
    expect(names("cycle")).toEqual(["bicycle#1", "motorcycle#3"]);
    expect(names("light")).toEqual(["traffic light#5"]);
    expect(names("zebra")).toEqual([]);
  });
});
