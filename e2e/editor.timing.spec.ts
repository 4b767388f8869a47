// The click-to-mask time inside the editor, in Chromium with the real model:
// pointerdown to mask drawn over repeated clicks on two demo images, with the
// bare click-to-mask page measured in the same run as the floor. Runs after
// editor.spec.ts (files run in name order), as it did when it was that
// file's last test. Prints one JSON line and writes e2e-artifacts/editor-click-to-mask.json.
import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/session";
import { clickPixel, decodeCount, demoImages, findShapes, openEditor, percentile, waitForDecode } from "./editor-helpers";

test("click-to-mask inside the editor: pointerdown to mask drawn", async ({ page }) => {
  test.setTimeout(420_000);
  await signInAs(page, "manager");
  const { projectId, images } = await demoImages(page);
  const clicks: { ms: number; runMs: number; roundTripMs: number }[] = [];
  for (const image of images.slice(4, 6)) {
    await openEditor(page, projectId, image.id);
    const shapes = await findShapes(page, image.id);
    for (let round = 0; round < 3; round++) {
      for (const shape of shapes) {
        // A person moves to the object and clicks; a second (background) click refines it.
        for (const [dx, positive] of [[0, true], [shape.depth * 0.5, false]] as const) {
          const count = await decodeCount(page);
          await clickPixel(page, shape.x + dx, shape.y, { button: positive ? "left" : "right" });
          await waitForDecode(page, count);
          const hook = await page.evaluate(() => window.__maskwrightEditorDecode);
          clicks.push({ ms: hook!.ms, runMs: hook!.runMs, roundTripMs: hook!.roundTripMs });
          await page.waitForTimeout(250);
        }
        await page.keyboard.press("Escape");
      }
    }
  }
  expect(clicks.length).toBeGreaterThanOrEqual(20);

  // The same clicks on the bare click-to-mask page, in the same run and under the same load: the floor.
  const bare: number[] = [];
  const image = images[4]!;
  await page.goto(`/projects/${projectId}/images/${image.id}/try`);
  await expect(page.getByTestId("click-to-mask")).toHaveAttribute("data-ready", "true", { timeout: 150_000 });
  const shapes = await findShapes(page, image.id);
  const stage = page.getByTestId("click-to-mask-stage");
  const box = (await stage.boundingBox())!;
  for (let i = 0; i < 12; i++) {
    const shape = shapes[i % shapes.length]!;
    const before = Number(await page.getByTestId("click-to-mask").getAttribute("data-decode-count"));
    await stage.click({ position: { x: (shape.x / 960) * box.width, y: (shape.y / 640) * box.height } });
    await expect.poll(async () => Number(await page.getByTestId("click-to-mask").getAttribute("data-decode-count")), { timeout: 30_000 }).toBeGreaterThan(before);
    bare.push((await page.evaluate(() => window.__maskwrightLastDecode?.ms)) ?? Number.NaN);
    await page.getByTestId("reset-mask").click();
    await page.waitForTimeout(250);
  }

  const ms = clicks.map((c) => c.ms);
  const result = {
    clicks: clicks.length,
    threads: Number(await page.getByTestId("decode-threads").textContent()),
    editor_p50_ms: Math.round(percentile(ms, 50)),
    editor_p95_ms: Math.round(percentile(ms, 95)),
    model_run_p50_ms: Math.round(percentile(clicks.map((c) => c.runMs), 50)),
    worker_round_trip_p50_ms: Math.round(percentile(clicks.map((c) => c.roundTripMs), 50)),
    editor_overhead_p50_ms: Math.round(percentile(clicks.map((c) => c.ms - c.roundTripMs), 50)),
    bare_page_clicks: bare.length,
    bare_page_p50_ms: Math.round(percentile(bare, 50)),
    bare_page_p95_ms: Math.round(percentile(bare, 95)),
    load_average: (await fs.readFile("/proc/loadavg", "utf8").catch(() => "")).split(" ").slice(0, 3).join(" "),
  };
  console.log(`[editor click-to-mask] ${JSON.stringify(result)}`);
  await fs.mkdir("e2e-artifacts", { recursive: true });
  await fs.writeFile("e2e-artifacts/editor-click-to-mask.json", `${JSON.stringify({ ...result, clicks_ms: clicks.map((c) => Math.round(c.ms)) }, null, 2)}\n`);
  expect(result.editor_p50_ms).toBeLessThan(3000);
});
