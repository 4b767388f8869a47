// Every bad input the COCO import must refuse, through the real route: a
// clear 4xx naming the problem, and the database exactly as before (no image,
// task, label class, annotation or audit row, no stored file).
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { buildCocoFixture, makeZip, patchZipName, type CocoFixture } from "../exports/testing/coco-fixture";
import * as importRoute from "../../app/api/projects/[projectId]/coco-import/route";
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
// A small JSON limit so the size check can be tested with a small file.
vi.mock("./parse-coco-json", async (importOriginal) => {
  const original = await importOriginal<typeof import("./parse-coco-json")>();
  return { ...original, DEFAULT_MAX_COCO_JSON_BYTES: 64 * 1024 };
});

const dataDir = setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let projectId: string;
let fixture: CocoFixture;
let goodZip: Buffer;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  annotator = await createTestUser();
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] })).id;
  fixture = await buildCocoFixture({ seed: 5 });
  goodZip = await makeZip(fixture.images.map((image) => ({ name: image.fileName, bytes: image.bytes })));
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function snapshot() {
  const objects = path.join(dataDir, "objects");
  const files = existsSync(objects) ? (await fs.readdir(objects, { recursive: true })).length : 0;
  return {
    images: await db().image.count({ where: { projectId } }),
    tasks: await db().task.count({ where: { projectId } }),
    labelClasses: await db().labelClass.count({ where: { projectId } }),
    annotations: await db().annotation.count({ where: { projectId } }),
    audit: await db().auditEvent.count({ where: { projectId } }),
    files,
  };
}

function post(options: { json: string | Buffer; zip?: Buffer; actor?: Actor }): Promise<Response> {
  session.actor = options.actor ?? manager;
  const form = new FormData();
  form.append("annotations", new Blob([new Uint8Array(Buffer.from(options.json))]), "instances.json");
  if (options.zip) form.append("images", new Blob([new Uint8Array(options.zip)]), "images.zip");
  const request = new Request(`http://localhost/api/projects/${projectId}/coco-import`, { method: "POST", body: form });
  return importRoute.POST(request, { params: Promise.resolve({ projectId }) });
}

type Dataset = { images: Record<string, unknown>[]; annotations: Record<string, unknown>[]; categories: Record<string, unknown>[] };
function dataset(change: (data: Dataset) => void = () => {}): string {
  const data = structuredClone(fixture.json) as unknown as Dataset;
  change(data);
  return JSON.stringify(data);
}

async function expectRejected(response: Response, status: number, reason: string, message: RegExp) {
  const body = (await response.json()) as { error: { code: string; message: string; details?: { reason?: string } } };
  expect({ status: response.status, reason: body.error.details?.reason }).toEqual({ status, reason });
  expect(body.error.message).toMatch(message);
}

const annotation = (data: Dataset, index: number) => data.annotations[index] as Record<string, unknown>;

describe("POST /api/projects/:projectId/coco-import rejects bad input and changes nothing", () => {
  const cases: { name: string; request: () => Promise<{ json: string | Buffer; zip?: Buffer }>; status: number; reason: string; message: RegExp }[] = [
    {
      name: 'a file_name with ".."',
      request: async () => ({ json: dataset((d) => void ((d.images[0] as Record<string, unknown>).file_name = "../../etc/passwd.png")), zip: goodZip }),
      status: 400,
      reason: "unsafe_file_name",
      message: /Image 42: file_name "\.\.\/\.\.\/etc\/passwd\.png" contains "\.\."/,
    },
    {
      name: "an absolute file_name",
      request: async () => ({ json: dataset((d) => void ((d.images[1] as Record<string, unknown>).file_name = "/srv/data/border.png")), zip: goodZip }),
      status: 400,
      reason: "unsafe_file_name",
      message: /Image 7: .* is an absolute path/,
    },
    {
      name: 'a zip entry escaping with ".." (zip slip)',
      request: async () => {
        const zip = await makeZip([...fixture.images.map((image) => ({ name: image.fileName, bytes: image.bytes })), { name: "aa/evil.png", bytes: Buffer.from("x") }]);
        return { json: dataset(), zip: patchZipName(zip, "aa/evil.png", "../evil.png") };
      },
      status: 400,
      reason: "zip_slip",
      message: /"\.\.\/evil\.png" contains "\.\." .*zip slip/,
    },
    {
      name: "a zip entry with an absolute path",
      request: async () => {
        const zip = await makeZip([...fixture.images.map((image) => ({ name: image.fileName, bytes: image.bytes })), { name: "Xetc/cron.png", bytes: Buffer.from("x") }]);
        return { json: dataset(), zip: patchZipName(zip, "Xetc/cron.png", "/etc/cron.png") };
      },
      status: 400,
      reason: "zip_slip",
      message: /absolute path/,
    },
    {
      name: "a symbolic link in the zip",
      request: async () => {
        const zip = await makeZip([...fixture.images.map((image) => ({ name: image.fileName, bytes: image.bytes })), { name: "link.png", bytes: Buffer.from("/etc/passwd"), mode: 0o120777 }]);
        return { json: dataset(), zip };
      },
      status: 400,
      reason: "zip_symlink",
      message: /"link\.png" is a symbolic link/,
    },
    {
      name: "RLE counts that do not sum to height x width",
      request: async () => ({ json: dataset((d) => void (annotation(d, 5).segmentation = { size: [5, 7], counts: [34, 2] })), zip: goodZip }),
      status: 400,
      reason: "invalid_rle",
      message: /Annotation 2003: invalid RLE: RLE counts sum to 36, expected height\*width = 5\*7 = 35/,
    },
    {
      name: "an RLE whose size is not the image's",
      request: async () => ({ json: dataset((d) => void (annotation(d, 5).segmentation = { size: [7, 5], counts: [34, 1] })), zip: goodZip }),
      status: 400,
      reason: "rle_size",
      message: /Annotation 2003: RLE size is 7x5/,
    },
    {
      name: "a polygon with NaN (as Python's json writes it)",
      request: async () => ({ json: dataset((d) => void (annotation(d, 3).segmentation = [[6.2, 0, 7, 0, "NAN_TOKEN", 5, 6.2, 5]])).replace('"NAN_TOKEN"', "NaN"), zip: goodZip }),
      status: 400,
      reason: "invalid_polygon",
      message: /Annotation 2001: invalid polygon: polygon 0 coordinate 4 is NaN/,
    },
    {
      name: "a polygon with Infinity",
      request: async () => ({ json: dataset((d) => void (annotation(d, 3).segmentation = [[6.2, 0, 7, 0, 7, "INF", 6.2, 5]])).replace('"INF"', "1e999"), zip: goodZip }),
      status: 400,
      reason: "invalid_polygon",
      message: /polygon 0 coordinate 5 is Infinity/,
    },
    {
      name: "a polygon with fewer than 3 points",
      request: async () => ({ json: dataset((d) => void (annotation(d, 1).segmentation = [[10, 6, 12, 6]])), zip: goodZip }),
      status: 400,
      reason: "invalid_polygon",
      message: /Annotation 1002: invalid polygon: polygon 0 has 2 point\(s\); at least 3 are required/,
    },
    {
      name: "an image missing from the zip",
      request: async () => ({ json: dataset(), zip: await makeZip([{ name: fixture.images[0]?.fileName ?? "", bytes: fixture.images[0]?.bytes ?? Buffer.alloc(0) }]) }),
      status: 400,
      reason: "missing_image",
      message: /1 image\(s\) listed in the COCO file were not found in the uploaded zip or among the project's images: border-5\.png/,
    },
    {
      name: "an unknown category id",
      request: async () => ({ json: dataset((d) => void (annotation(d, 2).category_id = 99)), zip: goodZip }),
      status: 400,
      reason: "unknown_category",
      message: /Annotation 1003 has category_id 99, which is not in the file's categories list/,
    },
    {
      name: "a JSON file over the size limit",
      request: async () => ({ json: dataset((d) => void (d.images[0] = { ...d.images[0], padding: "x".repeat(70 * 1024) })), zip: goodZip }),
      status: 413,
      reason: "json_too_large",
      message: /limit/,
    },
  ];

  for (const testCase of cases) {
    it(`refuses ${testCase.name}`, async () => {
      const before = await snapshot();
      await expectRejected(await post(await testCase.request()), testCase.status, testCase.reason, testCase.message);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses an annotator (403) and changes nothing", async () => {
    const before = await snapshot();
    const response = await post({ json: dataset(), zip: goodZip, actor: annotator });
    expect(response.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("accepts the same file when it is valid (the cases above fail for their own reason only)", async () => {
    const response = await post({ json: dataset(), zip: goodZip });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ images: 2, imagesImported: 2, annotations: 6, labelClassesCreated: ["cat", "dog", "unused"] });
    // Importing again reuses the images and label classes (duplicates by content and by name).
    const again = await post({ json: dataset() });
    expect(await again.json()).toMatchObject({ images: 2, imagesImported: 0, imagesAlreadyPresent: 2, labelClassesCreated: [] });
  });
});
