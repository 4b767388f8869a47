// Which decoder ONNX file the browser should run for a model, and the URL it
// is served from. The derived multimask variant (scripts/derive-multimask-
// decoder.ts) is preferred: it returns all four candidate masks and IoUs in
// one run. When it is missing or stale (models:derive not run) the shipped
// decoder is served instead and the worker reads its single mask.
//
// Files are hash-verified once per process (16 MB, ~50 ms); a fallback is
// re-checked after a minute so running models:derive needs no restart.
import { AppError } from "../errors/app-error";
import type { DecoderModelInfo } from "@/lib/decoder/protocol";
import { defaultModelsDir, loadModelManifest, resolveFileRefPath, verifyModelFile } from "./load-model-manifest";

export type BrowserDecoderVariant = "multimask" | "original";

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
  const candidates = [
    { variant: "multimask" as const, ref: entry.multimaskDecoder },
    { variant: "original" as const, ref: entry.decoder },
  ];
  const problems: string[] = [];
  for (const { variant, ref } of candidates) {
    try {
      const filePath = resolveFileRefPath({ ref, modelsDir });
      await verifyModelFile({ filePath, expectedSha256: ref.sha256, description: `${entry.id} ${variant} decoder` });
      const url = `/api/models/${encodeURIComponent(entry.id)}/decoder?v=${ref.sha256}`;
      return { model, variant, filePath, sha256: ref.sha256, url };
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
    if (resolved.variant !== "multimask") cache.set(modelId, { file, expiresAt: now + FALLBACK_RECHECK_MS });
    return resolved;
  } catch (error) {
    cache.delete(modelId);
    throw error;
  }
}
