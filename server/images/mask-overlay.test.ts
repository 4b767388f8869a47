// GET /api/images/:imageId/mask-overlay with the session lookup replaced by a
// fixed actor (database and rendering real): the PNG has the thumbnail's size,
// masks in their labels' colours with solid edges, small masks on top, an ETag
// that changes with what is drawn, and nothing for non-members.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMask, encodeMaskToRle, rleArea, rleBbox } from "@/lib/mask";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/fixtures/image-test-project";
import * as overlayRoute from "../../app/api/images/[imageId]/mask-overlay/route";
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

// 800 × 400 pictures have 320 × 160 thumbnails: a scale of 0.4.
const WIDTH = 800;
const HEIGHT = 400;
let member: Actor;
let outsider: Actor;
let projectId: string;
let imageId: string;
let red: string;
let bigMaskId: string;

function rectMask(x0: number, y0: number, x1: number, y1: number) {
  const mask = createMask(WIDTH, HEIGHT);
  for (let y = y0; y < y1; y++) mask.data.fill(1, y * WIDTH + x0, y * WIDTH + x1);
  const rle = encodeMaskToRle(mask);
  return { rleCounts: rle.counts, maskHeight: HEIGHT, maskWidth: WIDTH, bbox: rleBbox(rle), area: rleArea(rle) };
}

beforeAll(async () => {
  member = await createTestUser();
  outsider = await createTestUser({ role: "manager" });
  projectId = (await createTestProject({ members: [{ actor: member, role: "annotator" }] })).id;
  imageId = (await db().image.create({ data: { projectId, sha256: `overlay-${Date.now()}`, fileName: "o.png", mime: "image/png", byteSize: 1, width: WIDTH, height: HEIGHT, storageKey: "none" } })).id;
  red = (await db().labelClass.create({ data: { projectId, name: "red thing", color: "#ff0000" } })).id;
  const blue = (await db().labelClass.create({ data: { projectId, name: "blue thing", color: "#0000ff" } })).id;
  bigMaskId = (await db().annotation.create({ data: { projectId, imageId, labelClassId: red, ...rectMask(100, 100, 500, 300) } })).id;
  // A small blue mask inside the red one: drawn on top of it.
  await db().annotation.create({ data: { projectId, imageId, labelClassId: blue, ...rectMask(200, 150, 300, 250) } });
  // Deleted masks are not drawn.
  await db().annotation.create({ data: { projectId, imageId, labelClassId: blue, deletedAt: new Date(), ...rectMask(600, 0, 800, 100) } });
});

afterAll(async () => {
  await closeTestDb();
});

const params = (id: string) => ({ params: Promise.resolve({ imageId: id }) });
const get = (headers: Record<string, string> = {}) => overlayRoute.GET(new Request(`http://localhost/api/images/${imageId}/mask-overlay`, { headers }), params(imageId));

async function pixels(response: Response) {
  const { data, info } = await sharp(Buffer.from(await response.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 4));
  return { info, at };
}

describe("GET /api/images/:imageId/mask-overlay", () => {
  it("draws the live masks at thumbnail size in their labels' colours", async () => {
    session.actor = member;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const { info, at } = await pixels(response);
    expect([info.width, info.height, info.channels]).toEqual([320, 160, 4]);
    // Inside the red mask (200, 80 in the picture is 80, 32 here): light fill.
    const fill = at(60, 60);
    expect(fill.slice(0, 3)).toEqual([255, 0, 0]);
    expect(fill[3]).toBeLessThan(128);
    // Its edge is solid.
    expect(at(40, 60).slice(0, 3)).toEqual([255, 0, 0]);
    expect(at(40, 60)[3]).toBeGreaterThan(200);
    // The small blue mask lies on top of the red one.
    expect(at(100, 80).slice(0, 3)).toEqual([0, 0, 255]);
    // Background and the deleted mask's place stay transparent.
    expect(at(5, 5)[3]).toBe(0);
    expect(at(300, 20)[3]).toBe(0);
  });

  it("answers 304 while nothing drawn changed, and a new ETag after a change", async () => {
    session.actor = member;
    const etag = (await get()).headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect((await get({ "if-none-match": etag })).status).toBe(304);
    await db().labelClass.update({ where: { id: red }, data: { color: "#00ff00" } });
    const recoloured = await get({ "if-none-match": etag });
    expect(recoloured.status).toBe(200);
    expect(recoloured.headers.get("etag")).not.toBe(etag);
    expect((await pixels(recoloured)).at(60, 60).slice(0, 3)).toEqual([0, 255, 0]);
    await db().annotation.update({ where: { id: bigMaskId }, data: { deletedAt: new Date() } });
    const after = await get();
    expect((await pixels(after)).at(60, 60)[3]).toBe(0);
  });

  it("is not found for non-members and unknown images, and needs a session", async () => {
    session.actor = outsider;
    const hidden = await get();
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ error: { code: "not_found", message: "Image not found." } });
    session.actor = member;
    expect((await overlayRoute.GET(new Request("http://localhost/x"), params("missing-image"))).status).toBe(404);
    session.actor = null;
    expect((await get()).status).toBe(401);
  });
});
