// Browser half of the decode benchmark: headless Chromium (Debian's) opens
// the click-to-mask page as the demo annotator and clicks; the page itself
// measures pointerdown -> mask drawn -> next animation frame
// (window.__maskwrightLastDecode, set by components/sam/click-to-mask-view).
import { chromium, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import type { BenchClick } from "./decode-bench-clicks";

export interface BrowserDecodeSample {
  ms: number;
  runMs: number;
  roundTripMs: number;
  maskPixels: number;
  iou: number;
}

export interface BrowserBenchResult {
  samples: BrowserDecodeSample[];
  threads: number;
  crossOriginIsolated: boolean;
  image: { id: string; width: number; height: number };
  /** The compact embedding bytes the page decoded, for the native half. */
  embedding: Uint8Array;
}

type LastDecode = { ms: number; runMs: number; roundTripMs: number; maskPixels: number; iou: number; count: number; threads: number | null };

async function signIn(page: Page): Promise<void> {
  const annotator = DEMO_ACCOUNTS.find((a) => a.role === "annotator");
  if (!annotator) throw new Error("no demo annotator");
  await page.goto("/login");
  await page.getByLabel("Email").fill(annotator.email);
  await page.getByLabel("Password").fill(annotator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/projects$/);
}

async function firstDemoImage(page: Page): Promise<{ projectId: string; id: string; width: number; height: number }> {
  const href = await page.getByRole("link", { name: /Demo: shapes and scenes/ }).first().getAttribute("href");
  const projectId = href?.split("/").pop();
  if (!projectId) throw new Error("demo project not found");
  const response = await page.request.get(`/api/projects/${projectId}/images?page=1&pageSize=50`);
  const { items } = (await response.json()) as { items: { id: string; fileName: string; width: number; height: number }[] };
  const image = items.find((i) => i.fileName === "demo-scene-01.png") ?? items[0];
  if (!image) throw new Error("the demo project has no images");
  return { projectId, id: image.id, width: image.width, height: image.height };
}

/** Waits until the encoder has finished every demo image, so it does not compete for the CPU. */
async function waitForAllEmbeddings(page: Page, projectId: string, log: (line: string) => void): Promise<void> {
  const response = await page.request.get(`/api/projects/${projectId}/images?page=1&pageSize=50`);
  const { items } = (await response.json()) as { items: { id: string }[] };
  const deadline = Date.now() + 240_000;
  for (const item of items) {
    for (;;) {
      const status = (await page.request.get(`/api/images/${item.id}/embedding`, { headers: { "cache-control": "no-cache" } })).status();
      if (status === 200) break;
      if (status !== 409) throw new Error(`Embedding of image ${item.id}: HTTP ${status}`);
      if (Date.now() > deadline) throw new Error("The demo embeddings were not ready within 240 s");
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  log(`all ${items.length} demo embeddings are ready`);
}

export async function measureBrowserDecode({
  baseUrl,
  clicks,
  warmupClicks,
  threads: threadOverride,
  log,
}: {
  baseUrl: string;
  /** ?threads= for the page; default: the page's automatic choice. */
  threads?: number;
  clicks: readonly BenchClick[];
  warmupClicks: number;
  log: (line: string) => void;
}): Promise<BrowserBenchResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signIn(page);
    const image = await firstDemoImage(page);
    await waitForAllEmbeddings(page, image.projectId, log);
    const query = threadOverride ? `?threads=${threadOverride}` : "";
    await page.goto(`/projects/${image.projectId}/images/${image.id}/try${query}`);
    const view = page.getByTestId("click-to-mask");
    await view.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 120_000 });
    const stage = page.getByTestId("click-to-mask-stage");
    const box = await stage.boundingBox();
    if (!box) throw new Error("the click-to-mask stage is not visible");

    const run = async (click: BenchClick): Promise<LastDecode> => {
      if (click.startsGroup && (await page.getByTestId("reset-mask").isEnabled())) await page.getByTestId("reset-mask").click();
      const before = await page.evaluate(() => window.__maskwrightLastDecode?.count ?? 0);
      await stage.click({ button: click.positive ? "left" : "right", position: { x: click.fx * box.width, y: click.fy * box.height } });
      await page.waitForFunction((n) => (window.__maskwrightLastDecode?.count ?? 0) > n, before, { timeout: 30_000 });
      return (await page.evaluate(() => window.__maskwrightLastDecode)) as LastDecode;
    };

    // Warm-up: first runs pay for WASM compilation paths and allocations.
    for (const click of clicks.slice(0, warmupClicks)) await run(click);
    const samples: BrowserDecodeSample[] = [];
    let threads = 0;
    for (const click of clicks) {
      const last = await run(click);
      threads = last.threads ?? 0;
      samples.push({ ms: last.ms, runMs: last.runMs, roundTripMs: last.roundTripMs, maskPixels: last.maskPixels, iou: last.iou });
    }
    const crossOriginIsolated = await page.evaluate(() => globalThis.crossOriginIsolated);
    const embedding = new Uint8Array(await (await page.request.get(`/api/images/${image.id}/embedding`)).body());
    return { samples, threads, crossOriginIsolated, image: { id: image.id, width: image.width, height: image.height }, embedding };
  } finally {
    await browser.close();
  }
}
