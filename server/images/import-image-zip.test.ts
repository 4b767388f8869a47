// A zip of images from the Images tab, through the real route: each image is
// imported like an upload (duplicates skipped, a broken file reported while
// the rest go on), other entries skipped; hostile or empty zips and callers
// who may not import are refused, and nothing is imported then.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { makeZip, patchZipName } from "../exports/testing/coco-fixture";
import { stopQueue } from "../jobs/queue";
import { makeCorruptPng, makeJpeg, makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import * as zipRoute from "../../app/api/projects/[projectId]/images/zip/route";
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
let projectId: string;

function post(actor: Actor, zip: Buffer, field = "archive"): Promise<Response> {
  session.actor = actor;
  const form = new FormData();
  form.set(field, new Blob([new Uint8Array(zip)], { type: "application/zip" }), "day-1.zip");
  return zipRoute.POST(new Request(`http://localhost/api/projects/${projectId}/images/zip`, { method: "POST", body: form }), { params: Promise.resolve({ projectId }) });
}

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  annotator = await createTestUser();
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] })).id;
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("POST /api/projects/:id/images/zip", () => {
  it("imports each image, skips duplicates and other files, and names a broken one while the rest go in", async () => {
    const first = await makePng({ width: 30, height: 20, seed: 501 });
    const zip = await makeZip([
      { name: "day-1/a.png", bytes: first },
      { name: "day-1/sub/b.jpg", bytes: await makeJpeg({ width: 24, height: 18, seed: 502 }) },
      { name: "day-1/copy-of-a.png", bytes: first },
      { name: "day-1/broken.png", bytes: makeCorruptPng() },
      { name: "day-1/readme.txt", bytes: Buffer.from("shot on day 1") },
      { name: "__MACOSX/day-1/._a.png", bytes: Buffer.from("resource fork") },
    ]);
    const response = await post(manager, zip);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { imported: number; duplicates: number; failed: number; skipped: number; results: { path: string; status: string; error?: { message: string } }[] };
    expect(body).toMatchObject({ archive: "day-1.zip", imported: 2, duplicates: 1, failed: 1, skipped: 2 });
    expect(body.results.map((result) => `${result.path} ${result.status}`)).toEqual([
      "day-1/a.png imported",
      "day-1/broken.png failed",
      "day-1/copy-of-a.png duplicate",
      "day-1/sub/b.jpg imported",
    ]);
    expect(body.results.find((result) => result.status === "failed")?.error?.message).toMatch(/^broken\.png: /);
    const images = await db().image.findMany({ where: { projectId }, select: { fileName: true }, orderBy: { fileName: "asc" } });
    expect(images.map((image) => image.fileName)).toEqual(["a.png", "b.jpg"]);
    expect(await db().auditEvent.count({ where: { projectId, action: "image.import_zip" } })).toBe(1);
  });

  it("refuses a zip without images, a hostile zip, the wrong field and an annotator, importing nothing", async () => {
    const before = await db().image.count({ where: { projectId } });
    const empty = await post(manager, await makeZip([{ name: "notes.txt", bytes: Buffer.from("no pictures") }]));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe("day-1.zip holds no images (JPEG, PNG, WebP, TIFF, GIF, AVIF).");
    const hostile = patchZipName(await makeZip([{ name: "xx/evil.png", bytes: await makePng({ width: 8, height: 8, seed: 503 }) }]), "xx/evil.png", "../evil.png");
    const refused = await post(manager, hostile);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("zip slip");
    expect((await post(manager, await makeZip([{ name: "c.png", bytes: await makePng({ width: 9, height: 9, seed: 504 }) }]), "file")).status).toBe(400);
    expect((await post(annotator, await makeZip([{ name: "c.png", bytes: await makePng({ width: 9, height: 9, seed: 504 }) }]))).status).toBe(403);
    expect(await db().image.count({ where: { projectId } })).toBe(before);
  });
});
