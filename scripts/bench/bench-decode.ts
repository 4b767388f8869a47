// Click-to-mask benchmark: browser decoder (onnxruntime-web WASM in a Web
// Worker, headless Chromium) against native onnxruntime-node on this machine.
//
//   npm run bench:decode [-- --clicks 30] [--warmup 3] [--threads N] [--url http://127.0.0.1:3000]
//
// Without --url it starts the built app itself (free port, embedded database,
// temporary data dir; needs `npx next build` first) and stops it afterwards.
// With --url it uses a running app that has the demo seed. --threads overrides
// the page's WASM thread count (default: min(4, cores) when cross-origin
// isolated); native uses the same count as the browser ended up with.
// Final line: {"bench":"decode","threads","click_to_mask_ms_p50","click_to_mask_ms_p95","native_decode_ms_p50", ...}
import os from "node:os";
import { parseArgs } from "node:util";
import { copyOrtAssets } from "../copy-ort-assets";
import { quantizeBrowserDecoder } from "../quantize-browser-decoder";
import { measureBrowserDecode } from "./decode-bench-browser";
import { benchClicks, percentile, promptsFor } from "./decode-bench-clicks";
import { measureNativeDecode } from "./decode-bench-native";
import { startBenchServer, type BenchServer } from "./decode-bench-server";

const log = (line: string) => console.log(`[bench:decode] ${line}`);
const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { clicks: { type: "string" }, warmup: { type: "string" }, url: { type: "string" }, threads: { type: "string" } },
  });
  const clickCount = Math.max(30, Number.parseInt(values.clicks ?? "30", 10));
  const warmup = Math.max(0, Number.parseInt(values.warmup ?? "3", 10));
  const threads = values.threads ? Number.parseInt(values.threads, 10) : undefined;
  const clicks = benchClicks(clickCount);
  log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`);

  let server: BenchServer | null = null;
  let baseUrl = values.url;
  if (!baseUrl) {
    const { copied } = await copyOrtAssets({ outDir: "public/ort" });
    if (copied.length) log(`copied ${copied.join(", ")} into public/ort (the build serves them from there)`);
    // Read by the server at run time, so building it here needs no rebuild of the app.
    const int8 = await quantizeBrowserDecoder();
    if (!int8.skipped) log(`built the int8 browser decoder ${int8.outputPath}`);
    server = await startBenchServer({ log });
    baseUrl = server.baseUrl;
  }
  try {
    const browser = await measureBrowserDecode({ baseUrl, clicks, warmupClicks: warmup, threads, log });
    const clickMs = browser.samples.map((s) => s.ms);
    const runMs = browser.samples.map((s) => s.runMs);
    log(
      `browser: ${browser.samples.length} clicks, ${browser.threads} WASM threads (crossOriginIsolated ${browser.crossOriginIsolated}); ` +
        `click-to-mask p50 ${round(percentile(clickMs, 50))} ms, p95 ${round(percentile(clickMs, 95))} ms; ` +
        `session.run in the worker p50 ${round(percentile(runMs, 50))} ms`,
    );
    const empty = browser.samples.filter((s) => s.maskPixels === 0).length;
    if (empty > 0) log(`warning: ${empty} clicks produced an empty mask`);

    // Native after the browser is closed, so the two never share the CPUs.
    const native = await measureNativeDecode({
      compactEmbedding: browser.embedding,
      prompts: promptsFor(clicks, browser.image),
      imageSize: browser.image,
      threads: Math.max(1, browser.threads),
    });
    const nativeP50 = percentile(native.decodePromptMs, 50);
    const nativeLowResP50 = percentile(native.lowResMs, 50);
    log(
      `native onnxruntime-node (${native.threads} threads): decodePrompt p50 ${round(nativeP50)} ms ` +
        `(incl. full-size mask); browser-equivalent low-res feeds p50 ${round(nativeLowResP50)} ms`,
    );
    const clickP50 = percentile(clickMs, 50);
    log(
      `click-to-mask p50 / native: ${round(clickP50 / nativeP50)}x (decodePrompt), ${round(clickP50 / nativeLowResP50)}x (low-res feeds); ` +
        `load average now ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`,
    );
    console.log(
      JSON.stringify({
        bench: "decode",
        threads: browser.threads,
        click_to_mask_ms_p50: round(clickP50),
        click_to_mask_ms_p95: round(percentile(clickMs, 95)),
        native_decode_ms_p50: round(nativeP50),
        native_decode_lowres_ms_p50: round(nativeLowResP50),
        worker_run_ms_p50: round(percentile(runMs, 50)),
        // Best cases: on a shared, busy machine they approximate an idle one.
        click_to_mask_ms_min: round(Math.min(...clickMs)),
        native_decode_ms_min: round(Math.min(...native.decodePromptMs)),
        clicks: browser.samples.length,
        load_average_1m: round(os.loadavg()[0] ?? 0),
      }),
    );
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:decode] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
