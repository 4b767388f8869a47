import { afterAll, describe, expect, it } from "vitest";
import { LABEL_PALETTE } from "@/lib/label-palette";
import { labelNamesFromText } from "@/lib/schemas/projects";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import { addLabelClasses } from "./add-label-classes";
import { copyLabelClasses } from "./copy-label-classes";
import { closeTestDb } from "../testing/close-test-db";

afterAll(async () => {
  await closeTestDb();
});

const labelsOf = (projectId: string) =>
  db().labelClass.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { name: true, color: true, position: true } });

describe("labelNamesFromText", () => {
  it("takes one name per line, trimmed, without blanks or repeats, and names a bad line", () => {
    expect(labelNamesFromText(" car \n\nperson\r\ncar\n")).toEqual({ names: ["car", "person"] });
    expect(labelNamesFromText("\n  \n").error).toBe("Enter at least one label name, one per line");
    expect(labelNamesFromText(`ok\n${"x".repeat(51)}`).error).toBe("Line 2: Label name is at most 50 characters");
    expect(labelNamesFromText(Array.from({ length: 201 }, (_, i) => `c${i}`).join("\n")).error).toBe("At most 200 label classes at once");
  });
});

describe("addLabelClasses", () => {
  it("appends new classes in order with palette colours, skips names the project has, and records each", async () => {
    const manager = await createTestUser("annotator");
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    await db().labelClass.create({ data: { projectId: project.id, name: "car", color: "#123456", position: 0 } });
    expect(await addLabelClasses({ actor: manager, projectId: project.id, labels: [{ name: "person" }, { name: "car" }, { name: "dog", color: "#ABCDEF" }] })).toEqual({
      created: ["person", "dog"],
      skipped: ["car"],
    });
    expect(await labelsOf(project.id)).toEqual([
      { name: "car", color: "#123456", position: 0 },
      { name: "person", color: LABEL_PALETTE[1], position: 1 },
      { name: "dog", color: "#abcdef", position: 2 },
    ]);
    expect(await db().auditEvent.count({ where: { projectId: project.id, action: "label.create" } })).toBe(2);
  });
});

describe("copyLabelClasses", () => {
  it("copies another project's classes with their colours and order, skipping names already here", async () => {
    const manager = await createTestUser("annotator");
    const source = await createTestProject({ members: [{ actor: manager, role: "annotator" }] });
    const target = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    await db().labelClass.createMany({
      data: [
        { projectId: source.id, name: "tree", color: "#00aa00", position: 1 },
        { projectId: source.id, name: "sky", color: "#0000ff", position: 0 },
      ],
    });
    await db().labelClass.create({ data: { projectId: target.id, name: "tree", color: "#ffffff", position: 0 } });
    expect(await copyLabelClasses({ actor: manager, projectId: target.id, fromProjectId: source.id })).toEqual({ created: ["sky"], skipped: ["tree"] });
    expect(await labelsOf(target.id)).toEqual([
      { name: "tree", color: "#ffffff", position: 0 },
      { name: "sky", color: "#0000ff", position: 1 },
    ]);
  });

  it("refuses the same project, an empty or unseen source, and a non-manager of the target", async () => {
    const manager = await createTestUser("annotator");
    const target = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    const empty = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    const unseen = await createTestProject();
    await db().labelClass.create({ data: { projectId: unseen.id, name: "secret", color: "#000000" } });
    await expect(copyLabelClasses({ actor: manager, projectId: target.id, fromProjectId: target.id })).rejects.toMatchObject({ code: "bad_request" });
    await expect(copyLabelClasses({ actor: manager, projectId: target.id, fromProjectId: empty.id })).rejects.toMatchObject({ code: "bad_request", message: "That project has no label classes to copy." });
    await expect(copyLabelClasses({ actor: manager, projectId: target.id, fromProjectId: unseen.id })).rejects.toMatchObject({ code: "not_found" });
    const annotator = await createTestUser("annotator");
    await db().membership.createMany({ data: [{ projectId: target.id, userId: annotator.id, role: "annotator" }, { projectId: empty.id, userId: annotator.id, role: "annotator" }] });
    await db().labelClass.create({ data: { projectId: empty.id, name: "x", color: "#111111" } });
    await expect(copyLabelClasses({ actor: annotator, projectId: target.id, fromProjectId: empty.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await labelsOf(target.id)).toEqual([]);
  });
});
