import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import { createLabelClass } from "./create-label-class";
import { deleteLabelClass } from "./delete-label-class";
import { getProjectOverview } from "./get-project-overview";
import { moveLabelClass } from "./move-label-class";
import { updateLabelClass } from "./update-label-class";
import { copyLabelClasses } from "./copy-label-classes";

async function projectWithLabels(names: string[]) {
  const manager = await createTestUser("manager");
  const annotator = await createTestUser("annotator");
  const project = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
  const labels = [];
  for (const name of names) labels.push(await createLabelClass({ actor: manager, input: { projectId: project.id, name, color: "#112233" } }));
  const order = async () => (await getProjectOverview({ actor: manager, projectId: project.id })).labelClasses.map((label) => label.name);
  return { manager, annotator, project, labels, order };
}

describe("updateLabelClass", () => {
  it("renames and recolours, refuses a name another class has, and records who did it", async () => {
    const { manager, project, labels } = await projectWithLabels(["car", "bus"]);
    const car = labels[0]!;
    const renamed = await updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id, name: " Car ", color: "#AA00FF" } });
    expect(renamed).toMatchObject({ name: "Car", color: "#aa00ff" });
    // Same name again (only the colour changes) is not a clash with itself.
    await expect(updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id, name: "Car", color: "#000000" } })).resolves.toMatchObject({ color: "#000000" });
    await expect(updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id, name: "bus" } })).rejects.toMatchObject({
      code: "conflict",
      message: 'A label class named "bus" already exists.',
    });
    const audit = await db().auditEvent.findFirst({ where: { action: "label.update", targetId: car.id }, orderBy: { createdAt: "asc" } });
    expect(audit).toMatchObject({ actorId: manager.id, data: { from: { name: "car" }, to: { name: "Car", color: "#aa00ff" } } });
  });

  it("names bad input, and keeps other projects' classes and non-managers out", async () => {
    const { manager, annotator, project, labels } = await projectWithLabels(["car"]);
    const other = await projectWithLabels(["tree"]);
    const car = labels[0]!;
    await expect(updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id } })).rejects.toBeInstanceOf(ZodError);
    await expect(updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id, color: "blue" } })).rejects.toBeInstanceOf(ZodError);
    await expect(updateLabelClass({ actor: annotator, input: { projectId: project.id, labelClassId: car.id, name: "x" } })).rejects.toMatchObject({ code: "forbidden" });
    // A class id from another project, through a project the manager does manage.
    await expect(updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: other.labels[0]!.id, name: "x" } })).rejects.toMatchObject({ code: "not_found" });
    expect((await db().labelClass.findUniqueOrThrow({ where: { id: other.labels[0]!.id } })).name).toBe("tree");
  });
});

describe("updateLabelClass description", () => {
  it("sets, clears and copies a description, and refuses a long one", async () => {
    const { manager, project, labels } = await projectWithLabels(["car"]);
    const car = labels[0]!;
    await updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id, description: "  Cars and vans; not bikes. " } });
    expect((await getProjectOverview({ actor: manager, projectId: project.id })).labelClasses[0]).toMatchObject({ name: "car", description: "Cars and vans; not bikes." });
    await expect(updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id, description: "x".repeat(501) } })).rejects.toThrow(/at most 500 characters/);
    const target = await projectWithLabels([]);
    await db().membership.create({ data: { projectId: project.id, userId: target.manager.id, role: "annotator" } });
    await copyLabelClasses({ actor: target.manager, projectId: target.project.id, fromProjectId: project.id });
    expect(await db().labelClass.findFirst({ where: { projectId: target.project.id }, select: { name: true, description: true } })).toEqual({ name: "car", description: "Cars and vans; not bikes." });
    await updateLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id, description: "" } });
    expect((await db().labelClass.findUniqueOrThrow({ where: { id: car.id } })).description).toBe("");
  });
});

describe("moveLabelClass", () => {
  it("moves a class one place up or down, and does nothing past either end", async () => {
    const { manager, project, labels, order } = await projectWithLabels(["a", "b", "c"]);
    const [a, , c] = labels;
    await moveLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: c!.id, direction: -1 } });
    expect(await order()).toEqual(["a", "c", "b"]);
    await moveLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: a!.id, direction: 1 } });
    expect(await order()).toEqual(["c", "a", "b"]);
    await moveLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: c!.id, direction: -1 } });
    expect(await order()).toEqual(["c", "a", "b"]);
  });

  it("renumbers positions after a deletion left a gap", async () => {
    const { manager, project, labels, order } = await projectWithLabels(["a", "b", "c", "d"]);
    await deleteLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: labels[1]!.id } });
    await moveLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: labels[3]!.id, direction: -1 } });
    expect(await order()).toEqual(["a", "d", "c"]);
    const positions = await db().labelClass.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" }, select: { position: true } });
    expect(positions.map((row) => row.position)).toEqual([0, 1, 2]);
  });

  it("refuses non-managers and unknown classes", async () => {
    const { annotator, manager, project, labels } = await projectWithLabels(["a", "b"]);
    await expect(moveLabelClass({ actor: annotator, input: { projectId: project.id, labelClassId: labels[1]!.id, direction: -1 } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(moveLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: "nope", direction: 1 } })).rejects.toMatchObject({ code: "not_found" });
    await expect(moveLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: labels[0]!.id, direction: 2 as 1 } })).rejects.toBeInstanceOf(ZodError);
  });
});

describe("label mask counts", () => {
  it("counts each class's live masks for the confirmation before deleting it", async () => {
    const { manager, project, labels } = await projectWithLabels(["car", "bus"]);
    const image = await db().image.create({
      data: { projectId: project.id, sha256: `labels-${project.id}`, fileName: "x.png", mime: "image/png", byteSize: 1, width: 4, height: 4, storageKey: "k" },
    });
    const mask = { projectId: project.id, imageId: image.id, source: "manual" as const, rleCounts: "16", maskHeight: 4, maskWidth: 4, bbox: [0, 0, 4, 4], area: 16, labelClassId: labels[0]!.id };
    await db().annotation.createMany({ data: [mask, mask, { ...mask, deletedAt: new Date() }] });
    const overview = await getProjectOverview({ actor: manager, projectId: project.id });
    expect(overview.labelClasses.map((label) => [label.name, label.maskCount])).toEqual([["car", 2], ["bus", 0]]);
  });
});
