// Helpers for e2e/editor.spec.ts: finding the demo project and its shapes,
// clicking image pixels through the editor's zoom/pan, and reading state.
import { expect, type Page } from "@playwright/test";

export type Shape = { x: number; y: number; area: number; depth: number };

export async function demoImages(page: Page): Promise<{ projectId: string; images: { id: string; fileName: string }[] }> {
  await page.goto("/projects");
  const href = await page.getByRole("link", { name: /Demo: shapes and scenes/ }).first().getAttribute("href");
  const projectId = href?.split("/").pop();
  if (!projectId) throw new Error("demo project link not found");
  const response = await page.request.get(`/api/projects/${projectId}/images?page=1&pageSize=50`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; fileName: string }[] };
  return { projectId, images: body.items.sort((a, b) => a.fileName.localeCompare(b.fileName)) };
}

export async function openEditor(page: Page, projectId: string, imageId: string): Promise<void> {
  await page.goto(`/projects/${projectId}/annotate/${imageId}`);
  // The worker process encodes the demo images in the background after seeding.
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 150_000 });
}

/**
 * The saturated shapes of a demo scene (pale sky, muted ground, coloured
 * shapes with dark outlines): one entry per shape, its most interior point
 * and its pixel area, largest first.
 */
export async function findShapes(page: Page, imageId: string): Promise<Shape[]> {
  return page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
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
    const shape = new Uint8Array(width * height);
    for (let i = 0; i < width * height; i++) {
      const r = data[i * 4]! / 255, g = data[i * 4 + 1]! / 255, b = data[i * 4 + 2]! / 255;
      const max = Math.max(r, g, b), min = Math.min(r, g, b);
      const l = (max + min) / 2;
      const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
      shape[i] = s > 0.55 && l > 0.3 && l < 0.7 ? 1 : 0;
    }
    const label = new Int32Array(width * height);
    const shapes: { x: number; y: number; area: number; depth: number }[] = [];
    for (let start = 0; start < width * height; start++) {
      if (!shape[start] || label[start]) continue;
      const id = shapes.length + 1;
      const stack = [start];
      label[start] = id;
      let area = 0;
      let best = { x: 0, y: 0, depth: -1 };
      while (stack.length) {
        const i = stack.pop()!;
        area++;
        const x = i % width;
        const y = (i - x) / width;
        if (x % 3 === 0 && y % 3 === 0) {
          let depth = 0;
          while (depth < 150 && x - depth > 0 && x + depth < width - 1 && y - depth > 0 && y + depth < height - 1 &&
            shape[i - depth] && shape[i + depth] && shape[i - depth * width] && shape[i + depth * width]) depth++;
          if (depth > best.depth) best = { x, y, depth };
        }
        for (const n of [i - 1, i + 1, i - width, i + width]) {
          if (n < 0 || n >= width * height || label[n] || !shape[n] || (n === i - 1 && x === 0) || (n === i + 1 && x === width - 1)) continue;
          label[n] = id;
          stack.push(n);
        }
      }
      shapes.push({ ...best, area });
    }
    return shapes.filter((s) => s.area > 1500 && s.depth > 12).sort((a, b) => b.area - a.area);
  }, `/api/images/${imageId}/file`);
}

/** Screen position of image pixel (x, y), through the stage's current zoom and pan. */
export async function screenPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const stage = page.getByTestId("editor-stage");
  const box = await stage.boundingBox();
  if (!box) throw new Error("stage not visible");
  const scale = Number(await stage.getAttribute("data-scale"));
  const [ox, oy] = ((await stage.getAttribute("data-offset")) ?? "0,0").split(",").map(Number);
  return { x: box.x + (ox ?? 0) + x * scale, y: box.y + (oy ?? 0) + y * scale };
}

export async function clickPixel(page: Page, x: number, y: number, options: { button?: "left" | "right"; shift?: boolean } = {}): Promise<void> {
  const p = await screenPoint(page, x, y);
  await page.mouse.move(p.x, p.y);
  if (options.shift) await page.keyboard.down("Shift");
  await page.mouse.down({ button: options.button ?? "left" });
  await page.mouse.up({ button: options.button ?? "left" });
  if (options.shift) await page.keyboard.up("Shift");
}

/** Drags through image pixels with the left button (brush strokes, boxes). */
export async function dragPixels(page: Page, points: { x: number; y: number }[]): Promise<void> {
  const [first, ...rest] = points;
  if (!first) return;
  const start = await screenPoint(page, first.x, first.y);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const p of rest) {
    const s = await screenPoint(page, p.x, p.y);
    await page.mouse.move(s.x, s.y, { steps: 6 });
  }
  await page.mouse.up();
}

export async function decodeCount(page: Page): Promise<number> {
  return Number((await page.getByTestId("editor-stage").getAttribute("data-decode-count")) ?? "0");
}

/** Waits for the next click's mask to be drawn; returns pointerdown -> drawn ms. */
export async function waitForDecode(page: Page, before: number): Promise<number> {
  await expect.poll(() => decodeCount(page), { timeout: 30_000 }).toBeGreaterThan(before);
  const hook = await page.evaluate(() => window.__maskwrightEditorDecode);
  if (!hook) throw new Error("no decode published");
  return hook.ms;
}

export async function editorObjects(
  page: Page,
): Promise<{ id: string; counts: string; labelClassId: string | null; version: number; source: string; originId: string | null }[]> {
  return page.evaluate(() => window.__maskwrightEditor?.objects() ?? []);
}

export async function serverObjects(page: Page, imageId: string): Promise<{ id: string; rle: { counts: string }; area: number; version: number; labelClassId: string | null }[]> {
  const response = await page.request.get(`/api/images/${imageId}/annotations`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { annotations: { id: string; rle: { counts: string }; area: number; version: number; labelClassId: string | null }[] }).annotations;
}

export async function expectAllSaved(page: Page): Promise<void> {
  // Edits are diffed ~100 ms after they happen: let the last one reach the outbox first.
  await page.waitForTimeout(400);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-tone", "ok", { timeout: 30_000 });
  await expect(page.getByTestId("editor")).toHaveAttribute("data-unsaved", "0");
}

export function rowArea(page: Page, id: string) {
  return page.locator(`[data-testid="object-row"][data-object-id="${id}"]`);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
