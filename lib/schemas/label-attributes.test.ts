import { describe, expect, it } from "vitest";
import { describeAttributeValues, labelAttributesSchema, normalizeAttributeValues, readLabelAttributes } from "./label-attributes";

const definitions = labelAttributesSchema.parse([
  { name: "occluded", type: "checkbox" },
  { name: "colour", type: "select", options: ["red", "blue"] },
  { name: "note", type: "text", options: ["ignored"] },
  { name: "count", type: "number" },
]);

describe("label attributes", () => {
  it("checks definitions and names what is wrong", () => {
    expect(definitions[2]!.options).toEqual([]);
    const issues = (value: unknown) => {
      const parsed = labelAttributesSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    expect(issues([{ name: "colour", type: "select", options: ["red"] }])).toEqual(["A list attribute needs at least 2 options"]);
    expect(issues([{ name: "a", type: "checkbox" }, { name: "A", type: "text" }])).toEqual(["Two attributes of a class cannot share a name"]);
    expect(issues([{ name: " ", type: "slider" }])).toEqual(["An attribute needs a name", "An attribute's type is one of checkbox, select, text, number"]);
    expect(issues([{ name: "c", type: "select", options: ["x", "X"] }])).toEqual(["Options must differ"]);
    expect(readLabelAttributes("not a list")).toEqual([]);
  });

  it("keeps defined values in the class's order, drops unknown keys and empty text, and names wrong kinds", () => {
    expect(normalizeAttributeValues(definitions, { count: 3, stray: "x", occluded: true, note: "" })).toEqual({ values: { occluded: true, count: 3 }, errors: [] });
    expect(normalizeAttributeValues(definitions, { occluded: "yes", colour: "green", count: "3", note: 5 }).errors).toEqual([
      '"occluded" is a yes/no attribute; send true or false.',
      '"colour" must be one of "red", "blue".',
      '"note" is a text attribute.',
      '"count" is a number attribute.',
    ]);
    expect(describeAttributeValues({ occluded: false, colour: "red", count: 2 })).toBe("occluded: no · colour: red · count: 2");
  });
});
