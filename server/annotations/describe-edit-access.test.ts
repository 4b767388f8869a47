import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { importImage } from "../images/import-image";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { describeEditAccess } from "./describe-edit-access";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let colleague: Actor;
let projectId: string;
let imageId: string;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  annotator = await createTestUser();
  colleague = await createTestUser();
  projectId = (
    await createTestProject({
      members: [
        { actor: manager, role: "manager" },
        { actor: annotator, role: "annotator" },
        { actor: colleague, role: "annotator" },
      ],
    })
  ).id;
  const result = await importImage({ actor: manager, projectId, fileName: "lease.png", bytes: await makePng({ width: 16, height: 16, seed: 5 }) });
  if (result.status !== "imported") throw new Error("expected imported");
  imageId = result.image.id;
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function accessFor(actor: Actor) {
  return describeEditAccess({ actor, access: await requireProjectAccess({ actor, projectId }), imageId });
}

async function setLease(data: { status: "todo" | "in_progress" | "accepted"; assigneeId: string | null; expiresInMs: number | null }) {
  await db().task.updateMany({
    where: { imageId, stage: "annotate" },
    data: { status: data.status, assigneeId: data.assigneeId, leaseExpiresAt: data.expiresInMs === null ? null : new Date(Date.now() + data.expiresInMs) },
  });
}

describe("describeEditAccess", () => {
  it("lets managers edit any image, with or without a task", async () => {
    await setLease({ status: "todo", assigneeId: null, expiresInMs: null });
    expect(await accessFor(manager)).toEqual({ canEdit: true, readOnlyReason: null });
  });

  it("opens an image the annotator has not taken from the queue read-only, saying how to take one", async () => {
    await setLease({ status: "todo", assigneeId: null, expiresInMs: null });
    const access = await accessFor(annotator);
    expect(access.canEdit).toBe(false);
    expect(access.readOnlyReason).toMatch(/taken from the queue.*Start labeling/);
  });

  it("lets the annotator holding a live lease edit, and says when someone else holds it or it ran out", async () => {
    await setLease({ status: "in_progress", assigneeId: annotator.id, expiresInMs: 60_000 });
    expect(await accessFor(annotator)).toEqual({ canEdit: true, readOnlyReason: null });
    expect((await accessFor(colleague)).readOnlyReason).toBe("Someone else is working on this image right now: you can look, not edit.");
    await setLease({ status: "in_progress", assigneeId: annotator.id, expiresInMs: -60_000 });
    expect((await accessFor(annotator)).readOnlyReason).toMatch(/ran out/);
  });

  it("names a finished image's status", async () => {
    await setLease({ status: "accepted", assigneeId: annotator.id, expiresInMs: null });
    expect((await accessFor(annotator)).readOnlyReason).toMatch(/accepted, not in progress/);
  });

  it("says when the image is in no work queue at all", async () => {
    await db().task.deleteMany({ where: { imageId } });
    expect((await accessFor(annotator)).readOnlyReason).toMatch(/not in the work queue/);
  });
});
