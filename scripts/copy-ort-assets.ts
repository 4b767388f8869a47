// Copies the onnxruntime-web runtime files the browser decoder loads into
// public/ort/, so they are served by the app itself (same origin, with the
// COOP/COEP headers next.config.ts sets on every path). The decoder worker
// sets `ort.env.wasm.wasmPaths = "/ort/"`; with that prefix ORT imports the
// Emscripten glue (.mjs) and fetches the .wasm from here, and the glue's
// pthread workers are started from the same .mjs URL. Only the plain
// SIMD+threads build is copied (14 MB): `onnxruntime-web/wasm` never loads
// the JSEP/JSPI/asyncify variants.
//
// Usage: npx tsx scripts/copy-ort-assets.ts [--out public/ort]
// Idempotent: files whose size and mtime already match are left alone.
import { copyFile, mkdir, stat, utimes } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ORT_WEB_ASSETS = ["ort-wasm-simd-threaded.wasm", "ort-wasm-simd-threaded.mjs"] as const;

/** dist/ of the installed onnxruntime-web (its package.json is not exported, so go via a dist file). */
export function ortWebDistDir(): string {
  const require = createRequire(path.join(process.cwd(), "noop.js"));
  return path.dirname(require.resolve("onnxruntime-web/ort-wasm-simd-threaded.wasm"));
}

async function upToDate(source: string, target: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([stat(source), stat(target)]);
    // utimes round-trips through a double of seconds: allow a millisecond or two.
    return a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 2;
  } catch {
    return false;
  }
}

export async function copyOrtAssets({ outDir }: { outDir: string }): Promise<{ copied: string[]; skipped: string[] }> {
  const distDir = ortWebDistDir();
  await mkdir(outDir, { recursive: true });
  const copied: string[] = [];
  const skipped: string[] = [];
  for (const name of ORT_WEB_ASSETS) {
    const source = path.join(distDir, name);
    const target = path.join(outDir, name);
    if (await upToDate(source, target)) {
      skipped.push(name);
      continue;
    }
    await copyFile(source, target);
    // Keep the source mtime so the next run can skip the 14 MB copy.
    const { atime, mtime } = await stat(source);
    await utimes(target, atime, mtime);
    copied.push(name);
  }
  return { copied, skipped };
}

async function main() {
  const flag = process.argv.indexOf("--out");
  const outDir = path.resolve(flag >= 0 && process.argv[flag + 1] ? process.argv[flag + 1]! : "public/ort");
  const { copied, skipped } = await copyOrtAssets({ outDir });
  console.log(
    `[copy-ort-assets] ${outDir}: copied ${copied.length ? copied.join(", ") : "nothing"}` +
      (skipped.length ? `; up to date: ${skipped.join(", ")}` : ""),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error("[copy-ort-assets] failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
