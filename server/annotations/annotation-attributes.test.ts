// Attribute values on masks, on real Postgres: checked against the label
// class's definitions, kept across edits, dropped when the class changes,
// and defined by managers only.
import { afterAll, describe, expect, it } from "vitest";
import { TASK_STATUSES } from "@/lib/schemas/exports";
import { runExportJob } from "../exports/run-export-job";
import { streamMaskTelemetry } from "../analytics/stream-mask-telemetry";
import { startExport } from "../exports/start-export";
import { readZip } from "../exports/testing/coco-fixture";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { setupTempDataDir } from "../testing/fixtures/image-test-project";
import { ZodError } from "zod";
import { encodeMaskToRle, createMask } from "@/lib/mask";
import { db } from "../db/client";
import { updateLabelClass } from "../projects/update-label-class";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { createAnnotation } from "./create-annotation";
import { updateAnnotation } from "./update-annotation";

setupTempDataDir();
afterAll(async () => {
  await stopQueue();
});

const TELEMETRY = { clicks: 1, secondsSpent: 1, toolsUsed: [], modelId: null, predictedIou: null, stabilityScore: null };

async function setup() {
  const [manager] = await createFastUsers("manager", 1, "attr-manager");
  const [annotator] = await createFastUsers("annotator", 1, "attr-annotator");
  const { project, imageIds } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }, { actor: annotator!, role: "annotator" }], images: 1 });
  const car = await db().labelClass.create({ data: { projectId: project.id, name: "car", color: "#ff0000", position: 0 } });
  const tree = await db().labelClass.create({ data: { projectId: project.id, name: "tree", color: "#00ff00", position: 1 } });
  await updateLabelClass({
    actor: manager!,
    input: { projectId: project.id, labelClassId: car.id, attributes: [{ name: "occluded", type: "checkbox" }, { name: "colour", type: "select", options: ["red", "blue"] }, { name: "note", type: "text" }] },
  });
  await updateLabelClass({ actor: manager!, input: { projectId: project.id, labelClassId: tree.id, attributes: [{ name: "height", type: "number" }] } });
  const mask = createMask(640, 480);
  mask.data[1000] = 1;
  return { manager: manager!, annotator: annotator!, projectId: project.id, imageId: imageIds[0]!, car: car.id, tree: tree.id, rle: encodeMaskToRle(mask) };
}

describe("mask attributes", () => {
  it("stores the values the class defines, names wrong ones, and drops unknown keys", async () => {
    const { manager, imageId, car, rle } = await setup();
    const base = { labelClassId: car, rle, source: "manual" as const, originId: null, telemetry: TELEMETRY, prompt: null, taskId: null };
    await expect(createAnnotation({ actor: manager, imageId, input: { ...base, id: crypto.randomUUID(), attributes: { colour: "green" } } })).rejects.toMatchObject({
      code: "bad_request",
      message: 'Attributes of "car": "colour" must be one of "red", "blue".',
    });
    const created = await createAnnotation({ actor: manager, imageId, input: { ...base, id: crypto.randomUUID(), attributes: { colour: "red", occluded: true, wheels: 4 } } });
    expect(created.annotation.attributes).toEqual({ occluded: true, colour: "red" });

    // An edit without attributes keeps them; one with attributes replaces them.
    const moved = await updateAnnotation({ actor: manager, annotationId: created.annotation.id, input: { version: 1, prompt: null } });
    expect(moved.attributes).toEqual({ occluded: true, colour: "red" });
    const changed = await updateAnnotation({ actor: manager, annotationId: created.annotation.id, input: { version: 2, attributes: { occluded: false, note: "behind a van" } } });
    expect(changed.attributes).toEqual({ occluded: false, note: "behind a van" });
    await expect(updateAnnotation({ actor: manager, annotationId: created.annotation.id, input: { version: 3, attributes: { occluded: "yes" } } })).rejects.toMatchObject({ code: "bad_request" });
    expect((await db().annotation.findUniqueOrThrow({ where: { id: created.annotation.id }, select: { version: true } })).version).toBe(3);
  });

  it("keeps only what the new class defines when a mask is relabelled, and none without a label", async () => {
    const { manager, imageId, car, tree, rle } = await setup();
    const created = await createAnnotation({
      actor: manager,
      imageId,
      input: { id: crypto.randomUUID(), labelClassId: car, rle, source: "manual", originId: null, telemetry: TELEMETRY, prompt: null, taskId: null, attributes: { occluded: true } },
    });
    const relabelled = await updateAnnotation({ actor: manager, annotationId: created.annotation.id, input: { version: 1, labelClassId: tree } });
    expect(relabelled.attributes).toEqual({});
    const measured = await updateAnnotation({ actor: manager, annotationId: created.annotation.id, input: { version: 2, attributes: { height: 7.5 } } });
    expect(measured.attributes).toEqual({ height: 7.5 });
    const unlabelled = await updateAnnotation({ actor: manager, annotationId: created.annotation.id, input: { version: 3, labelClassId: null } });
    expect(unlabelled.attributes).toEqual({});
  });

  it("are defined by managers only, with named mistakes", async () => {
    const { annotator, manager, projectId, car } = await setup();
    await expect(updateLabelClass({ actor: annotator, input: { projectId, labelClassId: car, attributes: [] } })).rejects.toMatchObject({ code: "forbidden" });
    const error = await updateLabelClass({ actor: manager, input: { projectId, labelClassId: car, attributes: [{ name: "size", type: "select", options: ["big"] }] } }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.message)).toEqual(["A list attribute needs at least 2 options"]);
    const audit = await db().auditEvent.findFirst({ where: { projectId, action: "label.update", targetId: car }, orderBy: { createdAt: "asc" }, select: { data: true } });
    expect(audit?.data).toMatchObject({ to: { attributes: [{ name: "occluded", type: "checkbox", options: [] }, { name: "colour", type: "select", options: ["red", "blue"] }, { name: "note", type: "text", options: [] }] } });
  });
});

describe("exported attributes", () => {
  it("appear in COCO and SA-1B annotations, without values of attributes the class no longer has", async () => {
    const { manager, projectId, imageId, car, rle } = await setup();
    await createAnnotation({
      actor: manager,
      imageId,
      input: { id: crypto.randomUUID(), labelClassId: car, rle, source: "manual", originId: null, telemetry: TELEMETRY, prompt: null, taskId: null, attributes: { occluded: true, note: "half hidden" } },
    });
    await updateLabelClass({ actor: manager, input: { projectId, labelClassId: car, attributes: [{ name: "occluded", type: "checkbox" }] } });
    const files = async (format: "coco" | "sa1b") => {
      const started = await startExport({ actor: manager, projectId, input: { format, statuses: [...TASK_STATUSES] } });
      expect((await runExportJob({ exportId: started.id })).status).toBe("done");
      return readZip(storedFilePath(exportKeyFor(started.id)));
    };
    const coco = JSON.parse((await files("coco")).get("annotations/instances.json")!.toString("utf8")) as { annotations: { attributes?: unknown }[] };
    expect(coco.annotations.map((annotation) => annotation.attributes)).toEqual([{ occluded: true }]);
    const sa1b = [...(await files("sa1b")).entries()].filter(([name]) => name.startsWith("sa1b/")).map(([, bytes]) => JSON.parse(bytes.toString("utf8")) as { annotations: { category?: string; attributes?: unknown }[] });
    expect(sa1b.flatMap((document) => document.annotations)).toMatchObject([{ category: "car", attributes: { occluded: true } }]);

    let csv = "";
    for await (const chunk of await streamMaskTelemetry({ actor: manager, projectId })) csv += chunk;
    const [header, line] = csv.trim().split("\r\n");
    expect(header!.split(",").at(-1)).toBe("attributes");
    expect(line!.endsWith('"{""occluded"":true}"')).toBe(true);
  });
});
