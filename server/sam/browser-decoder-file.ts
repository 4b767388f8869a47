// Which decoder ONNX file the browser should run for a model, and the URL it
// is served from. Preference order:
//   1. the int8 variant of the multimask decoder (scripts/quantize-browser-
//      decoder.ts; ~15% faster in WASM, 6.7 MB instead of 16.5 MB, masks
//      within ~0.1% IoU of fp32), unless MASKWRIGHT_BROWSER_DECODER=fp32;
//   2. the derived multimask decoder (scripts/derive-multimask-decoder.ts):
//      all four candidate masks and IoUs in one run;
//   3. the shipped decoder; the worker then reads its single mask.
// A missing or stale file falls through to the next one.
//
// Files are hash-verified once per process (16 MB, ~50 ms); a fallback is
// re-checked after a minute so building the derived files needs no restart.
import { AppError } from "../errors/app-error";
import type { DecoderModelInfo } from "@/lib/decoder/protocol";
import type { ModelFileRef } from "@/lib/models/manifest-schema";
import { int8DecoderPaths, readInt8DecoderSidecar } from "./int8-decoder-file";
import { defaultModelsDir, loadModelManifest, resolveFileRefPath, verifyModelFile } from "./load-model-manifest";

export type BrowserDecoderVariant = "multimask-int8" | "multimask" | "original";

function wantInt8(): boolean {
  const setting = (process.env.MASKWRIGHT_BROWSER_DECODER ?? "int8").trim().toLowerCase();
  if (setting !== "int8" && setting !== "fp32") {
    throw new Error(`MASKWRIGHT_BROWSER_DECODER must be "int8" or "fp32", got "${process.env.MASKWRIGHT_BROWSER_DECODER}"`);
  }
  return setting === "int8";
}

export interface BrowserDecoderFile {
  model: DecoderModelInfo;
  variant: BrowserDecoderVariant;
  filePath: string;
  sha256: string;
  /** Versioned URL: the query pins the bytes, so responses may be cached for a year. */
  url: string;
}

const FALLBACK_RECHECK_MS = 60_000;
const cache = new Map<string, { file: Promise<BrowserDecoderFile>; expiresAt: number }>();

async function resolveUncached(modelId: string): Promise<BrowserDecoderFile> {
  const modelsDir = defaultModelsDir();
  const manifest = await loadModelManifest({ modelsDir });
  const entry = manifest.models.find((m) => m.id === modelId);
  if (!entry) throw new AppError("not_found", "Model not found.");
  const model: DecoderModelInfo = {
    id: entry.id,
    inputSize: entry.inputSize,
    lowResMaskSize: entry.lowResMaskSize,
    embeddingDims: [...entry.embeddingDims],
  };
  const problems: string[] = [];
  const candidates: { variant: BrowserDecoderVariant; ref: ModelFileRef }[] = [];
  if (wantInt8()) {
    const paths = int8DecoderPaths({ modelsDir, modelId: entry.id });
    const sidecar = await readInt8DecoderSidecar(paths.sidecar);
    if (!sidecar) problems.push(`${entry.id} int8 decoder not built (no ${paths.sidecar})`);
    else if (sidecar.sourceSha256 !== entry.multimaskDecoder.sha256) problems.push(`${entry.id} int8 decoder is stale`);
    else candidates.push({ variant: "multimask-int8", ref: { path: paths.onnx, sha256: sidecar.sha256 } });
  }
  candidates.push({ variant: "multimask", ref: entry.multimaskDecoder }, { variant: "original", ref: entry.decoder });
  for (const { variant, ref } of candidates) {
    try {
      const filePath = resolveFileRefPath({ ref, modelsDir });
      const { sha256 } = ref;
      await verifyModelFile({ filePath, expectedSha256: sha256, description: `${entry.id} ${variant} decoder` });
      const url = `/api/models/${encodeURIComponent(entry.id)}/decoder?v=${sha256}`;
      return { model, variant, filePath, sha256, url };
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  throw new Error(`No usable decoder for model ${entry.id}: ${problems.join("; ")}`);
}

export async function resolveBrowserDecoder({ modelId }: { modelId: string }): Promise<BrowserDecoderFile> {
  const now = Date.now();
  const cached = cache.get(modelId);
  if (cached && cached.expiresAt > now) return cached.file;
  const file = resolveUncached(modelId);
  cache.set(modelId, { file, expiresAt: Number.POSITIVE_INFINITY });
  try {
    const resolved = await file;
    const best = wantInt8() ? "multimask-int8" : "multimask";
    if (resolved.variant !== best) cache.set(modelId, { file, expiresAt: now + FALLBACK_RECHECK_MS });
    return resolved;
  } catch (error) {
    cache.delete(modelId);
    throw error;
  }
}
