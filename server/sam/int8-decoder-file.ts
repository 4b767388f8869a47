// Where the int8 browser decoder lives and how it is checked. It is derived
// at build time (scripts/quantize-browser-decoder.ts) from the multimask
// decoder, which the manifest pins by sha256; a sidecar JSON records which
// source it came from and what it hashes to, so a stale or damaged file is
// ignored (the browser then gets the fp32 multimask decoder).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

export const INT8_DERIVATION = "int8-matmul-per-column-v2";

const sidecarSchema = z
  .object({
    derivation: z.literal(INT8_DERIVATION),
    sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    quantizedMatMuls: z.number().int().nonnegative(),
  })
  .strict();

export type Int8DecoderSidecar = z.infer<typeof sidecarSchema>;

export function int8DecoderPaths({ modelsDir, modelId }: { modelsDir: string; modelId: string }): { onnx: string; sidecar: string } {
  const base = path.join(modelsDir, "derived", `${modelId}-multimask-int8`);
  return { onnx: `${base}.onnx`, sidecar: `${base}.json` };
}

/** The sidecar, or null when it is missing or not ours. */
export async function readInt8DecoderSidecar(sidecarPath: string): Promise<Int8DecoderSidecar | null> {
  let raw: string;
  try {
    raw = await readFile(sidecarPath, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
