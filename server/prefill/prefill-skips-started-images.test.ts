// The pre-fill job never puts masks on an image somebody has started: an
// annotate task past "todo" or a live manual/imported mask. A fresh image
// goes on (here: to wait for its embedding).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.MASKWRIGHT_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "mw-prefill-started-"));

const { db } = await import("../db/client");
const { queue, stopQueue } = await import("../jobs/queue");
const { createTestProject, createTestUser } = await import("../testing/fixtures/image-test-project");
const { runPrefillImageJob } = await import("./run-prefill-image-job");
const { closeTestDb } = await import("../testing/close-test-db");

type State = "fresh" | "todo" | "in_progress" | "submitted" | "manual" | "manual-deleted";

beforeAll(async () => {
  await queue(); // the waiting path re-queues the job
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function imageIn(projectId: string, state: State): Promise<string> {
  const sha256 = randomUUID().replace(/-/g, "").padEnd(64, "0");
  const image = await db().image.create({
    data: { projectId, sha256, fileName: `${state}.png`, mime: "image/png", byteSize: 1, width: 40, height: 30, storageKey: `objects/${sha256.slice(0, 2)}/${sha256}` },
  });
  if (state === "todo" || state === "in_progress" || state === "submitted") {
    await db().task.create({ data: { projectId, imageId: image.id, stage: "annotate", status: state } });
  }
  if (state === "manual" || state === "manual-deleted") {
    await db().annotation.create({
      data: { projectId, imageId: image.id, source: "manual", rleCounts: "0", maskHeight: 30, maskWidth: 40, bbox: [1, 1, 10, 10], area: 100, deletedAt: state === "manual-deleted" ? new Date() : null },
    });
  }
  return image.id;
}

describe("runPrefillImageJob on started images", () => {
  it("skips images with work on them and leaves them unchanged; goes on with untouched ones", async () => {
    const manager = await createTestUser();
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    for (const state of ["in_progress", "submitted", "manual"] as const) {
      const imageId = await imageIn(project.id, state);
      const before = await db().annotation.count({ where: { imageId } });
      expect(await runPrefillImageJob({ imageId }), state).toEqual({ status: "skipped", reason: "image_started" });
      expect(await db().annotation.count({ where: { imageId } })).toBe(before);
    }
    // Untouched: no task, a "todo" task, or only a deleted manual mask. No embedding yet, so it waits.
    for (const state of ["fresh", "todo", "manual-deleted"] as const) {
      const imageId = await imageIn(project.id, state);
      expect(await runPrefillImageJob({ imageId }), state).toEqual({ status: "waiting", reason: "embedding_not_ready" });
    }
  }, 60_000);
});
