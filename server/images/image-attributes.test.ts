// Image attributes on real Postgres: a manager defines them, the person
// holding the image sets values (checked; under the lease, like masks), and
// COCO and SA-1B exports carry them with each image.
import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { TASK_STATUSES } from "@/lib/schemas/exports";
import { db } from "../db/client";
import { runExportJob } from "../exports/run-export-job";
import { startExport } from "../exports/start-export";
import { readZip } from "../exports/testing/coco-fixture";
import { stopQueue } from "../jobs/queue";
import { updateImageAttributeDefinitions } from "../projects/update-image-attribute-definitions";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { claimNextTask } from "../tasks/claim-next-task";
import { batchEverything, createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { setupTempDataDir } from "../testing/fixtures/image-test-project";
import { readImageAttributes } from "./read-image-attributes";
import { setImageAttributes } from "./set-image-attributes";

setupTempDataDir();
afterAll(async () => {
  await stopQueue();
});

async function setup() {
  const [manager] = await createFastUsers("manager", 1, "imgattr-manager");
  const [annotator] = await createFastUsers("annotator", 1, "imgattr-annotator");
  const { project, imageIds } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }, { actor: annotator!, role: "annotator" }], images: 1 });
  await batchEverything({ projectId: project.id });
  return { manager: manager!, annotator: annotator!, projectId: project.id, imageId: imageIds[0]! };
}

describe("image attributes", () => {
  it("are defined by managers and set by the image's holder, checked against the definitions", async () => {
    const { manager, annotator, projectId, imageId } = await setup();
    await expect(updateImageAttributeDefinitions({ actor: annotator, projectId, attributes: [] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateImageAttributeDefinitions({ actor: manager, projectId, attributes: [{ name: "weather", type: "select", options: ["sun"] }] })).rejects.toBeInstanceOf(ZodError);
    await updateImageAttributeDefinitions({ actor: manager, projectId, attributes: [{ name: "weather", type: "select", options: ["sun", "rain"] }, { name: "blurry", type: "checkbox" }] });

    // Without the lease an annotator cannot write, as for masks.
    await expect(setImageAttributes({ actor: annotator, imageId, values: { blurry: true } })).rejects.toMatchObject({ code: "conflict" });
    const task = (await claimNextTask({ actor: annotator, projectId, prefetch: false })).task!;
    await expect(setImageAttributes({ actor: annotator, imageId, values: { weather: "snow" }, taskId: task.id })).rejects.toMatchObject({
      code: "bad_request",
      message: 'Image attributes: "weather" must be one of "sun", "rain".',
    });
    const saved = await setImageAttributes({ actor: annotator, imageId, values: { weather: "rain", blurry: false, stray: 1 }, taskId: task.id });
    expect(saved.attributes).toEqual({ weather: "rain", blurry: false });
    expect(await readImageAttributes({ imageId })).toEqual({ weather: "rain", blurry: false });
    expect(await db().auditEvent.count({ where: { projectId, action: "project.image_attributes" } })).toBe(1);

    // A removed attribute's value is no longer read.
    await updateImageAttributeDefinitions({ actor: manager, projectId, attributes: [{ name: "weather", type: "select", options: ["sun", "rain"] }] });
    expect(await readImageAttributes({ imageId })).toEqual({ weather: "rain" });
  });

  it("are exported with each image in COCO and SA-1B", async () => {
    const { manager, projectId, imageId } = await setup();
    await updateImageAttributeDefinitions({ actor: manager, projectId, attributes: [{ name: "scene", type: "text" }] });
    await setImageAttributes({ actor: manager, imageId, values: { scene: "harbour at dusk" } });
    const files = async (format: "coco" | "sa1b") => {
      const started = await startExport({ actor: manager, projectId, input: { format, statuses: [...TASK_STATUSES] } });
      expect((await runExportJob({ exportId: started.id })).status).toBe("done");
      return readZip(storedFilePath(exportKeyFor(started.id)));
    };
    const coco = JSON.parse((await files("coco")).get("annotations/instances.json")!.toString("utf8")) as { images: { attributes?: unknown }[] };
    expect(coco.images.map((image) => image.attributes)).toEqual([{ scene: "harbour at dusk" }]);
    const sa1b = [...(await files("sa1b")).entries()].filter(([name]) => name.startsWith("sa1b/")).map(([, bytes]) => JSON.parse(bytes.toString("utf8")) as { image: { attributes?: unknown } });
    expect(sa1b.map((document) => document.image.attributes)).toEqual([{ scene: "harbour at dusk" }]);
  });
});
