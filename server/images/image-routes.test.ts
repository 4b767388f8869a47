// The HTTP contracts of the image routes, with the session lookup replaced by
// a fixed actor (everything below it, database and files included, is real).
import { mkdtempSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { stopQueue } from "../jobs/queue";
import { makePng, makeSvg } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { makeThumbnail } from "./make-thumbnail";
import * as imagesRoute from "../../app/api/projects/[projectId]/images/route";
import * as folderRoute from "../../app/api/projects/[projectId]/images/import-folder/route";
import * as fileRoute from "../../app/api/images/[imageId]/file/route";
import * as thumbnailRoute from "../../app/api/images/[imageId]/thumbnail/route";
import * as imageRoute from "../../app/api/images/[imageId]/route";
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

const MAX_UPLOAD = 300_000;
const importRoot = mkdtempSync(path.join(os.tmpdir(), "maskwright-route-import-"));
setupTempDataDir({ importRoot });
process.env.MASKWRIGHT_MAX_UPLOAD_BYTES = String(MAX_UPLOAD);

let manager: Actor;
let annotator: Actor;
let outsider: Actor;
let admin: Actor;
let projectId: string;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  annotator = await createTestUser();
  outsider = await createTestUser({ role: "manager" });
  admin = await createTestUser({ role: "admin" });
  projectId = (
    await createTestProject({
      members: [
        { actor: manager, role: "manager" },
        { actor: annotator, role: "annotator" },
      ],
    })
  ).id;
  await fs.mkdir(path.join(importRoot, "set"));
  await fs.writeFile(path.join(importRoot, "set", "one.png"), await makePng({ width: 20, height: 20, seed: 90 }));
  await fs.writeFile(path.join(importRoot, "set", "two.svg.png"), makeSvg());
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
  await fs.rm(importRoot, { recursive: true, force: true });
});

const projectParams = () => ({ params: Promise.resolve({ projectId }) });
const imageParams = (imageId: string) => ({ params: Promise.resolve({ imageId }) });
const base = "http://localhost:3000";

function uploadRequest(files: { name: string; bytes: Uint8Array }[]): Request {
  const form = new FormData();
  for (const file of files) form.append("file", new Blob([Buffer.from(file.bytes)]), file.name);
  return new Request(`${base}/api/projects/${projectId}/images`, { method: "POST", body: form });
}

async function upload(actor: Actor | null, files: { name: string; bytes: Uint8Array }[]): Promise<Response> {
  session.actor = actor;
  return imagesRoute.POST(uploadRequest(files), projectParams());
}

describe("POST /api/projects/:projectId/images", () => {
  it("answers 201 imported, then 200 duplicate", async () => {
    const bytes = await makePng({ width: 64, height: 32, seed: 91 });
    const first = await upload(manager, [{ name: "up.png", bytes }]);
    expect(first.status).toBe(201);
    const body = (await first.json()) as { status: string; image: { id: string; width: number; fileName: string } };
    expect(body).toMatchObject({ status: "imported", image: { fileName: "up.png", width: 64, height: 32, mime: "image/png" } });
    const second = await upload(manager, [{ name: "again.png", bytes }]);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ status: "duplicate", imageId: body.image.id });
  });

  it("answers 415 with the file's name for an SVG", async () => {
    const response = await upload(manager, [{ name: "drawing.svg", bytes: makeSvg() }]);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "unsupported_media_type", message: expect.stringMatching(/^drawing\.svg: /) } });
  });

  it("wants exactly one multipart file field", async () => {
    const png = await makePng({ width: 8, height: 8, seed: 92 });
    const two = await upload(manager, [{ name: "a.png", bytes: png }, { name: "b.png", bytes: png }]);
    expect(two.status).toBe(400);
    expect(await two.json()).toMatchObject({ error: { message: "Send one file per request." } });
    const none = await upload(manager, []);
    expect(none.status).toBe(400);
    session.actor = manager;
    const json = await imagesRoute.POST(new Request(`${base}/x`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }), projectParams());
    expect(json.status).toBe(415);
  });

  it("refuses an oversized upload from its Content-Length, before reading it", async () => {
    session.actor = manager;
    const request = new Request(`${base}/x`, {
      method: "POST",
      body: "tiny",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_UPLOAD * 10) },
    });
    const response = await imagesRoute.POST(request, projectParams());
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("stops reading a streamed body that passes the limit", async () => {
    session.actor = manager;
    const chunk = new Uint8Array(64 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n\r\n'));
        sent += chunk.length;
        if (sent > MAX_UPLOAD * 4) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const init = { method: "POST", body, duplex: "half", headers: { "content-type": "multipart/form-data; boundary=x" } } as RequestInit;
    const response = await imagesRoute.POST(new Request(`${base}/x`, init), projectParams());
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(MAX_UPLOAD * 4);
  });

  it("answers 413 for a file over the limit inside a well-formed form", async () => {
    const response = await upload(manager, [{ name: "huge.png", bytes: new Uint8Array(MAX_UPLOAD + 1) }]);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/^huge\.png: /) } });
  });

  it("answers 403 to an annotator, 404 to a non-member, 401 when signed out", async () => {
    const bytes = await makePng({ width: 8, height: 8, seed: 93 });
    expect((await upload(annotator, [{ name: "x.png", bytes }])).status).toBe(403);
    expect((await upload(outsider, [{ name: "x.png", bytes }])).status).toBe(404);
    expect((await upload(null, [{ name: "x.png", bytes }])).status).toBe(401);
  });
});

describe("GET /api/projects/:projectId/images", () => {
  it("lists a page", async () => {
    session.actor = annotator;
    const response = await imagesRoute.GET(new Request(`${base}/api/projects/${projectId}/images?page=1&pageSize=1`), projectParams());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown[]; total: number; pageSize: number };
    expect(body.items).toHaveLength(1);
    expect(body.pageSize).toBe(1);
    expect(body.total).toBeGreaterThanOrEqual(1);
  });

  it("rejects a bad page size", async () => {
    session.actor = annotator;
    const response = await imagesRoute.GET(new Request(`${base}/x?pageSize=5000`), projectParams());
    expect(response.status).toBe(400);
  });

  it("filters by status and file name, and names an unknown status", async () => {
    session.actor = annotator;
    const filtered = await imagesRoute.GET(new Request(`${base}/x?status=todo&q=${encodeURIComponent("no such file %")}`), projectParams());
    expect(filtered.status).toBe(200);
    expect(await filtered.json()).toMatchObject({ items: [], total: 0 });
    const bad = await imagesRoute.GET(new Request(`${base}/x?status=finished`), projectParams());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("status");
  });
});

describe("DELETE /api/images/:imageId", () => {
  it("answers 401 signed out, 403 to an annotator, 404 to a non-member, 200 to a manager, then 404", async () => {
    const response = await upload(manager, [{ name: "to-delete.png", bytes: await makePng({ width: 21, height: 13, seed: 77 }) }]);
    const { image } = (await response.json()) as { image: { id: string } };
    const remove = (actor: Actor | null) => {
      session.actor = actor;
      return imageRoute.DELETE(new Request(`${base}/api/images/${image.id}`, { method: "DELETE" }), imageParams(image.id));
    };
    expect((await remove(null)).status).toBe(401);
    expect((await remove(annotator)).status).toBe(403);
    expect((await remove(outsider)).status).toBe(404);
    const done = await remove(manager);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ imageId: image.id, fileName: "to-delete.png", masks: 0 });
    expect((await remove(manager)).status).toBe(404);
  });
});

describe("DELETE /api/projects/:projectId/images", () => {
  it("deletes the selected images for a manager; 400 names a bad body, 403 to an annotator", async () => {
    const ids: string[] = [];
    for (const seed of [81, 82]) {
      const response = await upload(manager, [{ name: `bulk-${seed}.png`, bytes: await makePng({ width: 23, height: 13, seed }) }]);
      ids.push(((await response.json()) as { image: { id: string } }).image.id);
    }
    const remove = (actor: Actor | null, body: string) => {
      session.actor = actor;
      return imagesRoute.DELETE(new Request(`${base}/api/projects/${projectId}/images`, { method: "DELETE", body, headers: { "content-type": "application/json" } }), projectParams());
    };
    expect((await remove(null, JSON.stringify({ imageIds: ids }))).status).toBe(401);
    const empty = await remove(manager, JSON.stringify({ imageIds: [] }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toBe("imageIds: Select at least one image");
    expect((await remove(manager, "{not json")).status).toBe(400);
    expect((await remove(annotator, JSON.stringify({ imageIds: ids }))).status).toBe(403);
    const done = await remove(manager, JSON.stringify({ imageIds: [...ids, "gone-already"] }));
    expect(done.status).toBe(200);
    const body = (await done.json()) as { deleted: { imageId: string }[]; missingIds: string[] };
    expect(body.deleted.map((d) => d.imageId).sort()).toEqual([...ids].sort());
    expect(body.missingIds).toEqual(["gone-already"]);
    expect((await remove(manager, JSON.stringify({ imageIds: ids }))).status).toBe(404);
  });
});

describe("GET /api/images/:imageId/file and /thumbnail", () => {
  let imageId = "";
  let bytes: Buffer;
  let sha = "";

  beforeAll(async () => {
    bytes = await makePng({ width: 500, height: 250, seed: 94 });
    const response = await upload(manager, [{ name: "served.png", bytes }]);
    const body = (await response.json()) as { image: { id: string; sha256: string } };
    imageId = body.image.id;
    sha = body.image.sha256;
  });

  it("streams the original with type, length, immutable caching and the sha as ETag", async () => {
    session.actor = annotator;
    const response = await fileRoute.GET(new Request(`${base}/api/images/${imageId}/file`), imageParams(imageId));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(response.headers.get("etag")).toBe(`"${sha}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    session.actor = annotator;
    const request = new Request(`${base}/x`, { headers: { "if-none-match": `"${sha}"` } });
    const response = await fileRoute.GET(request, imageParams(imageId));
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
  });

  it("answers 404 to non-members, like a missing image", async () => {
    session.actor = outsider;
    const response = await fileRoute.GET(new Request(`${base}/x`), imageParams(imageId));
    expect(response.status).toBe(404);
    const missing = await fileRoute.GET(new Request(`${base}/x`), imageParams("nope"));
    expect(await response.json()).toEqual(await missing.json());
  });

  it("serves the thumbnail once made", async () => {
    session.actor = annotator;
    const before = await thumbnailRoute.GET(new Request(`${base}/x`), imageParams(imageId));
    expect(before.status).toBe(404);
    expect(await before.json()).toMatchObject({ error: { code: "not_found", details: { thumbnailReady: false } } });
    await makeThumbnail({ imageId });
    const after = await thumbnailRoute.GET(new Request(`${base}/x`), imageParams(imageId));
    expect(after.status).toBe(200);
    expect(after.headers.get("content-type")).toBe("image/webp");
    expect(after.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect((await after.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});

describe("POST /api/projects/:projectId/images/import-folder", () => {
  const post = (actor: Actor, body: string) => {
    session.actor = actor;
    const request = new Request(`${base}/x`, { method: "POST", body, headers: { "content-type": "application/json" } });
    return folderRoute.POST(request, projectParams());
  };

  it("imports for an admin with per-file results", async () => {
    const response = await post(admin, JSON.stringify({ folder: "set" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      folder: "set",
      imported: 1,
      failed: 1,
      results: [
        { path: "one.png", status: "imported" },
        { path: "two.svg.png", status: "failed", error: { code: "unsupported_media_type" } },
      ],
    });
  });

  it("answers 403 to a manager, 403 to an escape, 400 to bad input", async () => {
    expect((await post(manager, JSON.stringify({ folder: "set" }))).status).toBe(403);
    expect((await post(admin, JSON.stringify({ folder: "../.." }))).status).toBe(403);
    expect((await post(admin, "not json")).status).toBe(400);
    expect((await post(admin, JSON.stringify({ folder: "" }))).status).toBe(400);
  });
});
