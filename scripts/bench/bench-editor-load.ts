// Editor load benchmark: a manager's project with one large picture carrying
// many masks (an SA-1B-like density), opened in headless Chromium until the
// editor lists every mask; reports the time and the page's JS heap.
//
//   npm run bench:editor-load [-- --masks 150] [--width 2400] [--height 1600] [--runs 3] [--url http://127.0.0.1:3000]
//
// Without --url it starts the built app itself (as bench:decode does; needs
// `npm run build` first). With --url it uses a running app with the demo seed.
// Final line: {"bench":"editor-load","masks","width","height","load_ms_median","js_heap_mb", ...}
import { randomUUID } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { createMask, encodeMaskToRle, paintDisc } from "../../lib/mask";
import { DEMO_ACCOUNTS } from "../../server/seed/demo-accounts";
import { startBenchServer, type BenchServer } from "./decode-bench-server";

const log = (line: string) => console.log(`[bench:editor-load] ${line}`);

async function signInAsManager(page: Page): Promise<void> {
  const manager = DEMO_ACCOUNTS.find((account) => account.role === "manager")!;
  await page.goto("/login");
  await page.getByLabel("Email").fill(manager.email);
  await page.getByLabel("Password").fill(manager.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/projects$/);
}

/** A new project with one plain picture and `masks` discs on it, through the REST routes. */
async function seedImage(page: Page, options: { masks: number; width: number; height: number }): Promise<{ projectId: string; imageId: string }> {
  const { masks, width, height } = options;
  const project = (await (await page.request.post("/api/projects", { data: { name: `bench:editor-load ${masks} masks ${Date.now()}` } })).json()) as { id: string };
  const png = await sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 160 } } }).png().toBuffer();
  const uploaded = await page.request.post(`/api/projects/${project.id}/images`, { multipart: { file: { name: "large.png", mimeType: "image/png", buffer: png } } });
  if (uploaded.status() !== 201) throw new Error(`upload: ${uploaded.status()} ${await uploaded.text()}`);
  const body = (await uploaded.json()) as { id?: string; image?: { id: string } };
  const imageId = body.image?.id ?? body.id!;
  const columns = Math.max(1, Math.floor(width / 120));
  for (let i = 0; i < masks; i++) {
    const mask = createMask(width, height);
    paintDisc(mask, 60 + (i % columns) * 115, 60 + Math.floor(i / columns) * 130, 30 + (i % 5) * 6, 1);
    const saved = await page.request.post(`/api/images/${imageId}/annotations`, { data: { id: randomUUID(), labelClassId: null, rle: encodeMaskToRle(mask) } });
    if (saved.status() !== 201) throw new Error(`mask ${i}: ${saved.status()} ${await saved.text()}`);
  }
  return { projectId: project.id, imageId };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { masks: { type: "string" }, width: { type: "string" }, height: { type: "string" }, runs: { type: "string" }, url: { type: "string" } } });
  const masks = Math.max(1, Number.parseInt(values.masks ?? "150", 10));
  const width = Math.max(64, Number.parseInt(values.width ?? "2400", 10));
  const height = Math.max(64, Number.parseInt(values.height ?? "1600", 10));
  const runs = Math.max(1, Number.parseInt(values.runs ?? "3", 10));
  let server: BenchServer | null = null;
  let baseUrl = values.url;
  if (!baseUrl) {
    server = await startBenchServer({ log });
    baseUrl = server.baseUrl;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"] });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signInAsManager(page);
    const { projectId, imageId } = await seedImage(page, { masks, width, height });
    log(`seeded ${masks} masks on a ${width}x${height} picture`);
    const loads: number[] = [];
    let heap = 0;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      await page.goto(`/projects/${projectId}/annotate/${imageId}`);
      await page.waitForFunction((count) => document.querySelector('[data-testid="editor"]')?.getAttribute("data-object-count") === String(count), masks, { timeout: 300_000 });
      loads.push(performance.now() - t0);
      // Collected first, so the figure is what the open editor holds, not the previous page's garbage.
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.detach();
      heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
      log(`run ${run + 1}: ${Math.round(loads[run]!)} ms, JS heap ${Math.round(heap / 1e6)} MB`);
    }
    const sorted = [...loads].sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: "editor-load",
        masks,
        width,
        height,
        load_ms_median: Math.round(sorted[Math.floor(sorted.length / 2)]!),
        load_ms_min: Math.round(sorted[0]!),
        js_heap_mb: Math.round(heap / 1e6),
        load_average_1m: Number(os.loadavg()[0]!.toFixed(2)),
      }),
    );
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
