// Hand-in rules on real Postgres: a manager sets them (beside the pre-fill
// settings, which stay), a hand-in that breaks them is refused with what to
// fix and changes nothing, and one that keeps them goes through.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { describeHandInRules } from "@/components/projects/project-instructions";
import { db } from "../db/client";
import { updateProject } from "../projects/update-project";
import { updateImageAttributeDefinitions } from "../projects/update-image-attribute-definitions";
import { setImageAttributes } from "../images/set-image-attributes";
import { claimNextTask } from "./claim-next-task";
import { submitTask } from "./submit-task";
import { batchEverything, createFastUsers, createQueueProject } from "./testing/queue-fixtures";

async function setup() {
  const [manager] = await createFastUsers("manager", 1, "rules-manager");
  const [annotator] = await createFastUsers("annotator", 1, "rules-annotator");
  const { project } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }, { actor: annotator!, role: "annotator" }], images: 1 });
  await db().project.update({ where: { id: project.id }, data: { settings: { prefill: { topK: 12 } } } });
  await batchEverything({ projectId: project.id });
  const label = await db().labelClass.create({ data: { projectId: project.id, name: "cup", color: "#ff0000", position: 0 } });
  return { manager: manager!, annotator: annotator!, project, labelId: label.id };
}

const mask = (projectId: string, imageId: string, authorId: string, labelClassId: string | null) =>
  db().annotation.create({ data: { projectId, imageId, authorId, labelClassId, rleCounts: "0 1", maskHeight: 1, maskWidth: 1, bbox: [0, 0, 1, 1], area: 1 } });

describe("hand-in rules", () => {
  it("are stored beside the other settings and refuse unlabelled masks and too few masks, changing nothing", async () => {
    const { manager, annotator, project, labelId } = await setup();
    await updateProject({ actor: manager, input: { projectId: project.id, name: project.name, description: "", handInRules: { requireLabels: true, minMasks: 2 } } });
    const stored = await db().project.findUniqueOrThrow({ where: { id: project.id }, select: { settings: true } });
    expect(stored.settings).toEqual({ prefill: { topK: 12 }, handIn: { requireLabels: true, requireImageAttributes: false, minMasks: 2 } });
    expect(await db().auditEvent.findFirst({ where: { projectId: project.id, action: "project.update" }, select: { data: true } })).toMatchObject({
      data: { from: { handIn: { requireLabels: false, minMasks: 0 } }, to: { handIn: { requireLabels: true, requireImageAttributes: false, minMasks: 2 } } },
    });

    const task = (await claimNextTask({ actor: annotator, projectId: project.id, prefetch: false })).task!;
    const unlabelled = await mask(project.id, task.imageId, annotator.id, null);
    await expect(submitTask({ actor: annotator, taskId: task.id })).rejects.toMatchObject({
      code: "conflict",
      message: "This project needs a label on every mask: 1 of 1 has none. Give it a label or delete it (pre-filled masks count until accepted), then hand in.",
    });
    await db().annotation.update({ where: { id: unlabelled.id }, data: { labelClassId: labelId } });
    await expect(submitTask({ actor: annotator, taskId: task.id })).rejects.toMatchObject({ code: "conflict", details: { reason: "too_few_masks", masks: 1, minMasks: 2 } });
    expect(await db().task.findUniqueOrThrow({ where: { id: task.id }, select: { status: true } })).toEqual({ status: "in_progress" });
    expect(await db().task.count({ where: { imageId: task.imageId, stage: "review" } })).toBe(0);

    // A deleted mask does not count towards the minimum.
    const removed = await mask(project.id, task.imageId, annotator.id, labelId);
    await db().annotation.update({ where: { id: removed.id }, data: { deletedAt: new Date() } });
    await expect(submitTask({ actor: annotator, taskId: task.id })).rejects.toMatchObject({ details: { reason: "too_few_masks" } });
    await mask(project.id, task.imageId, annotator.id, labelId);
    const submitted = await submitTask({ actor: annotator, taskId: task.id });
    expect(submitted.task.status).toBe("submitted");
  });

  it("are off by default, and bad values are named", async () => {
    const { manager, annotator, project } = await setup();
    const task = (await claimNextTask({ actor: annotator, projectId: project.id, prefetch: false })).task!;
    expect((await submitTask({ actor: annotator, taskId: task.id })).task.status).toBe("submitted");
    const error = await updateProject({ actor: manager, input: { projectId: project.id, name: project.name, description: "", handInRules: { requireLabels: false, minMasks: -1 } } }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.message)).toEqual(["The minimum number of masks cannot be negative"]);
    await expect(updateProject({ actor: annotator, input: { projectId: project.id, name: project.name, description: "", handInRules: { requireLabels: true, minMasks: 0 } } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("can require every image attribute to have a value", async () => {
    const { manager, annotator, project } = await setup();
    await updateImageAttributeDefinitions({ actor: manager, projectId: project.id, attributes: [{ name: "weather", type: "select", options: ["sun", "rain"] }, { name: "blurry", type: "checkbox" }] });
    await updateProject({ actor: manager, input: { projectId: project.id, name: project.name, description: "", handInRules: { requireImageAttributes: true } } });
    const task = (await claimNextTask({ actor: annotator, projectId: project.id, prefetch: false })).task!;
    await setImageAttributes({ actor: annotator, imageId: task.imageId, values: { blurry: false }, taskId: task.id });
    await expect(submitTask({ actor: annotator, taskId: task.id })).rejects.toMatchObject({
      code: "conflict",
      message: "This project needs every image attribute set: “weather” has no value yet (the editor's Whole image panel).",
    });
    await setImageAttributes({ actor: annotator, imageId: task.imageId, values: { blurry: false, weather: "sun" }, taskId: task.id });
    expect((await submitTask({ actor: annotator, taskId: task.id })).task.status).toBe("submitted");
  });

  it("are described for the work queue", () => {
    expect(describeHandInRules({ requireLabels: false, minMasks: 0 })).toBeNull();
    expect(describeHandInRules({ requireLabels: true, minMasks: 0 })).toBe("Before handing in: every mask needs a label.");
    expect(describeHandInRules({ requireLabels: true, minMasks: 1 })).toBe("Before handing in: every mask needs a label; at least 1 mask per image.");
    expect(describeHandInRules({ requireLabels: false, minMasks: 3 })).toBe("Before handing in: at least 3 masks per image.");
    expect(describeHandInRules({ requireLabels: true, minMasks: 0, requireImageAttributes: true })).toBe("Before handing in: every image attribute set; every mask needs a label.");
  });
});
