import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { runTrainDetectorJob } from "../detector/run-train-detector-job";
import { runExportJob } from "../exports/run-export-job";
import { importImage } from "../images/import-image";
import { makeThumbnail } from "../images/make-thumbnail";
import { readImageFile } from "../images/read-image-file";
import { stopQueue } from "../jobs/queue";
import { runPrefillImageJob } from "../prefill/run-prefill-image-job";
import { exportKeyFor, putDetectorWeights, storedFilePath } from "../storage/content-store";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import * as projectRoute from "../../app/api/projects/[projectId]/route";
import { deleteProject } from "./delete-project";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../auth/actor", async () => {
  const { AppError } = await import("../errors/app-error");
  return {
    requireActor: async () => {
      if (!session.actor) throw new AppError("unauthenticated", "Sign in to continue.");
      return session.actor;
    },
  };
});

let manager: Actor;
let annotator: Actor;
let outsider: Actor;
let seed = 700;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager", name: "Mia Manager" });
  annotator = await createTestUser({ name: "Ann Labeller" });
  outsider = await createTestUser({ role: "manager" });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

const members = () => [
  { actor: manager, role: "manager" as const },
  { actor: annotator, role: "annotator" as const },
];

/** A project with two images (masks on one), a finished export and a trained detector version, files on disk. */
async function fullProject(options: { bytes?: Buffer } = {}) {
  const project = await createTestProject({ members: members() });
  const name = (await db().project.findUniqueOrThrow({ where: { id: project.id } })).name;
  const imageIds: string[] = [];
  for (const bytes of [options.bytes ?? (await makePng({ width: 20, height: 16, seed: seed++ })), await makePng({ width: 21, height: 16, seed: seed++ })]) {
    const result = await importImage({ actor: manager, projectId: project.id, fileName: "photo.png", bytes });
    if (result.status !== "imported") throw new Error("expected imported");
    imageIds.push(result.image.id);
  }
  const mask = { projectId: project.id, imageId: imageIds[0]!, rleCounts: "320", maskHeight: 16, maskWidth: 20, bbox: [0, 0, 20, 16], area: 320 };
  await db().annotation.createMany({ data: [mask, mask, { ...mask, deletedAt: new Date() }] });
  const exportRow = await db().export.create({ data: { projectId: project.id, format: "coco", status: "done", createdById: manager.id, storageKey: "" } });
  const exportKey = exportKeyFor(exportRow.id);
  await fs.mkdir(path.dirname(storedFilePath(exportKey)), { recursive: true });
  await fs.writeFile(storedFilePath(exportKey), "zip");
  await db().export.update({ where: { id: exportRow.id }, data: { storageKey: exportKey } });
  const version = await db().detectorVersion.create({ data: { projectId: project.id, version: 1, status: "trained", sourceModelId: "minisam" } });
  const weights = await putDetectorWeights({ versionId: version.id, bytes: Buffer.from("{}") });
  await db().detectorVersion.update({ where: { id: version.id }, data: { weightsKey: weights.key } });
  return { projectId: project.id, name, imageIds, exportId: exportRow.id, exportKey, versionId: version.id, weightsKey: weights.key };
}

const exists = (key: string) => fs.access(storedFilePath(key)).then(() => true, () => false);

describe("deleteProject", () => {
  it("removes the project with its images, tasks, masks, exports and detector versions, their files, and records it", async () => {
    const p = await fullProject();
    expect(await deleteProject({ actor: manager, projectId: p.projectId, confirmName: ` ${p.name} ` })).toEqual({ projectId: p.projectId, name: p.name, images: 2, masks: 2 });
    expect(await db().project.count({ where: { id: p.projectId } })).toBe(0);
    expect(await db().image.count({ where: { projectId: p.projectId } })).toBe(0);
    expect(await db().task.count({ where: { projectId: p.projectId } })).toBe(0);
    expect(await db().annotation.count({ where: { projectId: p.projectId } })).toBe(0);
    expect(await db().membership.count({ where: { projectId: p.projectId } })).toBe(0);
    expect(await db().export.count({ where: { projectId: p.projectId } })).toBe(0);
    expect(await db().detectorVersion.count({ where: { projectId: p.projectId } })).toBe(0);
    expect(await exists(p.exportKey)).toBe(false);
    expect(await exists(p.weightsKey)).toBe(false);
    const audit = await db().auditEvent.findFirst({ where: { action: "project.delete", targetId: p.projectId } });
    expect(audit).toMatchObject({ actorId: manager.id, projectId: p.projectId, data: { name: p.name, images: 2, masks: 2, exports: 1, detectorVersions: 1 } });
  });

  it("leaves queued jobs of the deleted project nothing to do", async () => {
    const p = await fullProject();
    await db().export.update({ where: { id: p.exportId }, data: { status: "queued" } });
    await db().detectorVersion.update({ where: { id: p.versionId }, data: { status: "training" } });
    await deleteProject({ actor: manager, projectId: p.projectId, confirmName: p.name });
    await expect(runExportJob({ exportId: p.exportId })).resolves.toEqual({ status: "skipped" });
    await expect(runTrainDetectorJob({ detectorVersionId: p.versionId })).resolves.toEqual({ status: "skipped" });
    await expect(runPrefillImageJob({ imageId: p.imageIds[0]! })).resolves.toMatchObject({ status: "skipped", reason: "image_missing" });
    await expect(makeThumbnail({ imageId: p.imageIds[1]! })).resolves.toMatchObject({ status: "skipped", reason: "image_deleted" });
  });

  it("keeps the stored picture for another project's copy of it", async () => {
    const bytes = await makePng({ width: 24, height: 18, seed: 9999 });
    const doomed = await fullProject({ bytes });
    const survivor = await fullProject({ bytes });
    await deleteProject({ actor: manager, projectId: doomed.projectId, confirmName: doomed.name });
    const file = await readImageFile({ actor: manager, imageId: survivor.imageIds[0]!, variant: "original" });
    expect(Buffer.from(await new Response(file.stream).arrayBuffer())).toEqual(bytes);
    expect(await exists(survivor.exportKey)).toBe(true);
    expect(await db().annotation.count({ where: { projectId: survivor.projectId, deletedAt: null } })).toBe(2);
  });

  it("wants the name typed right, lets only managers and admins delete, and changes nothing when refused", async () => {
    const p = await fullProject();
    await expect(deleteProject({ actor: manager, projectId: p.projectId, confirmName: "something else" })).rejects.toMatchObject({
      code: "bad_request",
      message: `Type the project's name, "${p.name}", to delete it.`,
    });
    await expect(deleteProject({ actor: annotator, projectId: p.projectId, confirmName: p.name })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteProject({ actor: outsider, projectId: p.projectId, confirmName: p.name })).rejects.toMatchObject({ code: "not_found" });
    expect(await db().image.count({ where: { projectId: p.projectId } })).toBe(2);
    expect(await exists(p.exportKey)).toBe(true);
    const admin = await createTestUser({ role: "admin" });
    await expect(deleteProject({ actor: admin, projectId: p.projectId, confirmName: p.name })).resolves.toMatchObject({ images: 2 });
  });

  it("is refused while someone else holds one of its images under a live lease, naming them", async () => {
    const p = await fullProject();
    const lease = { status: "in_progress" as const, leaseExpiresAt: new Date(Date.now() + 60_000) };
    await db().task.updateMany({ where: { imageId: p.imageIds[0]!, stage: "annotate" }, data: { ...lease, assigneeId: annotator.id } });
    await expect(deleteProject({ actor: manager, projectId: p.projectId, confirmName: p.name })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Ann Labeller is working on photo.png right now"),
    });
    expect(await db().annotation.count({ where: { projectId: p.projectId } })).toBe(3);
    // The manager's own lease does not stand in the way.
    await db().task.updateMany({ where: { imageId: p.imageIds[0]!, stage: "annotate" }, data: { assigneeId: manager.id } });
    await expect(deleteProject({ actor: manager, projectId: p.projectId, confirmName: p.name })).resolves.toMatchObject({ projectId: p.projectId });
  });
});

describe("DELETE /api/projects/:id", () => {
  const call = (projectId: string, body: string) =>
    projectRoute.DELETE(new Request(`http://localhost/api/projects/${projectId}`, { method: "DELETE", body, headers: { "content-type": "application/json" } }), {
      params: Promise.resolve({ projectId }),
    });

  it("401 signed out, 400 without a JSON body or with the wrong name, 403 for an annotator, 200 for the manager", async () => {
    const p = await fullProject();
    session.actor = null;
    expect((await call(p.projectId, JSON.stringify({ confirmName: p.name }))).status).toBe(401);
    session.actor = manager;
    const notJson = await call(p.projectId, "yes please");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toContain("confirmName");
    const missing = await call(p.projectId, "{}");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toContain("Type the project's name");
    expect((await call(p.projectId, JSON.stringify({ confirmName: "nope" }))).status).toBe(400);
    session.actor = annotator;
    expect((await call(p.projectId, JSON.stringify({ confirmName: p.name }))).status).toBe(403);
    session.actor = manager;
    const ok = await call(p.projectId, JSON.stringify({ confirmName: p.name }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ projectId: p.projectId, name: p.name, images: 2, masks: 2 });
    expect((await call(p.projectId, JSON.stringify({ confirmName: p.name }))).status).toBe(404);
  });
});
