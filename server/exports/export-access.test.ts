// Who may start, list, poll and download exports (managers and admins only),
// through the real routes; the download streams the finished zip; expired
// exports lose their file and their download.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { expireExports } from "./expire-exports";
import { runExportJob } from "./run-export-job";
import * as projectExportsRoute from "../../app/api/projects/[projectId]/exports/route";
import * as exportRoute from "../../app/api/exports/[exportId]/route";
import * as downloadRoute from "../../app/api/exports/[exportId]/download/route";
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

setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let reviewer: Actor;
let outsider: Actor;
let admin: Actor;
let projectId: string;
let exportId: string;

const base = "http://localhost";
const projectParams = () => ({ params: Promise.resolve({ projectId }) });
const exportParams = () => ({ params: Promise.resolve({ exportId }) });

function start(actor: Actor, body: unknown = { format: "coco" }): Promise<Response> {
  session.actor = actor;
  return projectExportsRoute.POST(
    new Request(`${base}/api/projects/${projectId}/exports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    projectParams(),
  );
}
function list(actor: Actor): Promise<Response> {
  session.actor = actor;
  return projectExportsRoute.GET(new Request(`${base}/api/projects/${projectId}/exports`), projectParams());
}
function status(actor: Actor): Promise<Response> {
  session.actor = actor;
  return exportRoute.GET(new Request(`${base}/api/exports/${exportId}`), exportParams());
}
function download(actor: Actor): Promise<Response> {
  session.actor = actor;
  return downloadRoute.GET(new Request(`${base}/api/exports/${exportId}/download`), exportParams());
}

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  annotator = await createTestUser();
  reviewer = await createTestUser({ role: "reviewer" });
  outsider = await createTestUser({ role: "manager" });
  admin = await createTestUser({ role: "admin" });
  projectId = (
    await createTestProject({
      members: [
        { actor: manager, role: "manager" },
        { actor: annotator, role: "annotator" },
        { actor: reviewer, role: "reviewer" },
      ],
    })
  ).id;
  const response = await start(manager, { format: "yolo", statuses: ["accepted", "submitted"] });
  expect(response.status).toBe(202);
  exportId = ((await response.json()) as { id: string }).id;
  expect(await runExportJob({ exportId })).toMatchObject({ status: "done" });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("export routes", () => {
  it("annotators and reviewers get 403 on start, list, status and download", async () => {
    for (const actor of [annotator, reviewer]) {
      const before = await db().export.count({ where: { projectId } });
      expect((await start(actor)).status).toBe(403);
      expect(await db().export.count({ where: { projectId } })).toBe(before);
      expect((await list(actor)).status).toBe(403);
      expect((await status(actor)).status).toBe(403);
      const refused = await download(actor);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).not.toBe("application/zip");
    }
  });

  it("non-members get 404 (nothing leaks); signed-out callers 401", async () => {
    expect((await start(outsider)).status).toBe(404);
    expect((await download(outsider)).status).toBe(404);
    session.actor = null;
    expect((await downloadRoute.GET(new Request(`${base}/api/exports/${exportId}/download`), exportParams())).status).toBe(401);
  });

  it("rejects bad options with 400", async () => {
    const response = await start(manager, { format: "tiff" });
    expect(response.status).toBe(400);
    expect((await start(manager, { format: "coco", batchId: "nope" })).status).toBe(400);
    expect((await start(manager, { format: "coco", statuses: [] })).status).toBe(400);
    const tooSmall = await start(manager, { format: "coco", maxSide: 8 });
    expect(tooSmall.status).toBe(400);
    expect(((await tooSmall.json()) as { error: { message: string } }).error.message).toContain("maxSide is at least 32 px");
    const badSplit = await start(manager, { format: "yolo", split: { train: 70, val: 20, test: 20 } });
    expect(badSplit.status).toBe(400);
    expect(((await badSplit.json()) as { error: { message: string } }).error.message).toContain("train, val and test must add up to 100");
  });

  it("the manager and an admin list, poll and download the finished zip", async () => {
    const listed = (await (await list(manager)).json()) as { items: { id: string; status: string; options: { format: string; statuses: string[] }; downloadUrl: string | null }[] };
    const item = listed.items.find((candidate) => candidate.id === exportId);
    expect(item).toMatchObject({ status: "done", options: { format: "yolo", statuses: ["accepted", "submitted"] }, downloadUrl: `/api/exports/${exportId}/download` });
    expect(await (await status(admin)).json()).toMatchObject({ id: exportId, status: "done", progress: 1 });
    const response = await download(admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="maskwright-yolo-.*\.zip"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(bytes.length).toBe(Number(response.headers.get("content-length")));
  });

  it("a kept export outlives its expiry; let go, it expires 7 days from then; only managers, only finished ones", async () => {
    const keep = (actor: Actor, id: string, body: unknown) => {
      session.actor = actor;
      return exportRoute.PATCH(
        new Request(`${base}/api/exports/${id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
        { params: Promise.resolve({ exportId: id }) },
      );
    };
    expect((await keep(annotator, exportId, { keep: true })).status).toBe(403);
    expect((await keep(manager, exportId, { keep: "yes" })).status).toBe(400);
    const queued = ((await (await start(manager, { format: "png" })).json()) as { id: string }).id;
    const early = await keep(manager, queued, { keep: true });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toBe("Only a finished export can be kept; this one is queued.");

    const kept = await keep(manager, exportId, { keep: true });
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({ id: exportId, status: "done", expiresAt: null });
    expect(await expireExports({ projectId, now: new Date(Date.now() + 365 * 24 * 3600 * 1000) })).toBe(0);
    expect(existsSync(storedFilePath(exportKeyFor(exportId)))).toBe(true);
    expect(await db().auditEvent.count({ where: { projectId, action: "export.keep", targetId: exportId } })).toBe(1);

    const before = Date.now();
    const released = (await (await keep(admin, exportId, { keep: false })).json()) as { expiresAt: string };
    const expiresIn = new Date(released.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000 - 1000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);
  });

  it("an expired export loses its file and its download when exports are listed", async () => {
    const filePath = storedFilePath(exportKeyFor(exportId));
    expect(existsSync(filePath)).toBe(true);
    await db().export.update({ where: { id: exportId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const listed = (await (await list(manager)).json()) as { items: { id: string; status: string; downloadUrl: string | null }[] };
    expect(listed.items.find((candidate) => candidate.id === exportId)).toMatchObject({ status: "expired", downloadUrl: null });
    expect(existsSync(filePath)).toBe(false);
    const response = await download(manager);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });
});
