// CVAT-style attributes in a COCO file survive the import: definitions are
// inferred per category (or merged into an existing class's), values kept
// where the definitions accept them, and an export gives them back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { buildCocoFixture, makeZip } from "../exports/testing/coco-fixture";
import { stopQueue } from "../jobs/queue";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importCocoDataset } from "./import-coco-dataset";
import { inferAttributeDefinitions, mergeAttributeDefinitions, readCocoAttributeValues } from "./infer-coco-attributes";

setupTempDataDir();
let manager: Actor;
beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
});
afterAll(async () => {
  await stopQueue();
});

describe("inferring attribute definitions", () => {
  it("reads yes/no, numbers and strings, lists 2-20 distinct strings, and leaves out mixed kinds", () => {
    expect(readCocoAttributeValues({ attributes: { occluded: false, "": 1, track_id: 3, nested: { a: 1 }, colour: "red" } })).toEqual({ occluded: false, track_id: 3, colour: "red" });
    const definitions = inferAttributeDefinitions([
      { categoryName: "car", attributes: { occluded: false, colour: "red", note: "x", weird: 1 } },
      { categoryName: "car", attributes: { occluded: true, colour: "blue", doors: 4, weird: "one" } },
      { categoryName: "dog", attributes: {} },
    ]);
    expect(definitions.get("car")).toEqual([
      { name: "occluded", type: "checkbox", options: [] },
      { name: "colour", type: "select", options: ["red", "blue"] },
      { name: "note", type: "text", options: [] },
      { name: "doors", type: "number", options: [] },
    ]);
    expect(definitions.get("dog")).toEqual([]);
    expect(mergeAttributeDefinitions([{ name: "Occluded", type: "text", options: [] }], definitions.get("car")!).map((attribute) => `${attribute.name}:${attribute.type}`)).toEqual([
      "Occluded:text",
      "colour:select",
      "note:text",
      "doors:number",
    ]);
  });
});

describe("COCO import with attributes", () => {
  it("creates definitions for new classes, merges into existing ones, and stores the values they accept", async () => {
    const projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    // An existing "dog" class already has a list that lacks one of the file's values.
    await db().labelClass.create({ data: { projectId, name: "dog", color: "#00ff00", position: 0, attributes: [{ name: "size", type: "select", options: ["small", "big"] }] } });
    const fixture = await buildCocoFixture({ seed: 44 });
    const json = structuredClone(fixture.json) as { annotations: { id: number; attributes?: unknown }[] };
    const values: Record<number, unknown> = {
      1001: { occluded: true, colour: "red" },
      1003: { occluded: false, colour: "blue" },
      2002: { occluded: false },
      1002: { size: "small", occluded: true },
      2001: { size: "huge" },
    };
    for (const annotation of json.annotations) if (values[annotation.id]) annotation.attributes = values[annotation.id];
    const zip = await makeZip(fixture.images.map((image) => ({ name: `images/${image.fileName}`, bytes: image.bytes })));
    await importCocoDataset({ actor: manager, projectId, json: Buffer.from(JSON.stringify(json)), zip });

    const classes = new Map((await db().labelClass.findMany({ where: { projectId }, select: { name: true, attributes: true } })).map((label) => [label.name, label.attributes]));
    expect(classes.get("cat")).toEqual([
      { name: "occluded", type: "checkbox", options: [] },
      { name: "colour", type: "select", options: ["red", "blue"] },
    ]);
    expect(classes.get("dog")).toEqual([
      { name: "size", type: "select", options: ["small", "big"] },
      { name: "occluded", type: "checkbox", options: [] },
    ]);
    const rows = await db().annotation.findMany({ where: { projectId }, select: { attributes: true, labelClass: { select: { name: true } } } });
    // jsonb keeps its own key order: compare with the keys sorted.
    const sortedKeys = (value: unknown) => Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    const stored = rows.map((row) => JSON.stringify([row.labelClass?.name, sortedKeys(row.attributes)])).sort();
    expect(stored).toEqual(
      [
        ["cat", { occluded: true, colour: "red" }],
        ["cat", { occluded: false, colour: "blue" }],
        ["cat", { occluded: false }],
        ["dog", { size: "small", occluded: true }],
        // "huge" is not among the existing list's options: the mask is imported without it.
        ["dog", {}],
        ["dog", {}],
      ]
        .map(([name, value]) => JSON.stringify([name, sortedKeys(value)]))
        .sort(),
    );
  });
});
