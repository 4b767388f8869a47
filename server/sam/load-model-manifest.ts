// Reads models/manifest.json, validates it and turns an entry's file
// references into absolute, hash-verified paths. Everything that opens a SAM
// model goes through resolveModelFiles so a swapped or corrupt file is caught
// with a message naming it instead of as a strange ONNX Runtime error.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  isPackageFileRef,
  modelManifestSchema,
  type ModelEntry,
  type ModelFileRef,
  type ModelFileRole,
  type ModelManifest,
} from "@/lib/models/manifest-schema";
import { hashFileSha256 } from "./hash-file-sha256";
import { describeZodError } from "@/lib/schemas/describe-zod-error";

export const MANIFEST_FILE_NAME = "manifest.json";

/** models/ of the repository, or MASKWRIGHT_MODELS_DIR. */
export function defaultModelsDir(): string {
  return process.env.MASKWRIGHT_MODELS_DIR ?? path.resolve(process.cwd(), "models");
}

export async function loadModelManifest(options: { modelsDir?: string } = {}): Promise<ModelManifest> {
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  const manifestPath = path.join(modelsDir, MANIFEST_FILE_NAME);
  let raw: string;
  try {
    raw = await readFile(manifestPath, "utf8");
  } catch (error) {
    throw new Error(`Cannot read model manifest ${manifestPath}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`Model manifest ${manifestPath} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = modelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = describeZodError(parsed.error, "(root)");
    throw new Error(`Model manifest ${manifestPath} is invalid: ${issues}`);
  }
  return parsed.data;
}

export function getModelEntry({ manifest, modelId }: { manifest: ModelManifest; modelId?: string }): ModelEntry {
  const id = modelId ?? manifest.defaultModelId;
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) {
    const known = manifest.models.map((m) => m.id).join(", ");
    throw new Error(`Unknown model id "${id}" (manifest has: ${known})`);
  }
  return entry;
}

/**
 * Absolute path of a file reference. Package files are looked up in the
 * node_modules directories Node would search from the working directory;
 * require.resolve itself is not used because packages' "exports" maps hide
 * non-JS files such as dist/encoder.onnx.
 */
export function resolveFileRefPath({ ref, modelsDir }: { ref: ModelFileRef; modelsDir: string }): string {
  if (!isPackageFileRef(ref)) return path.resolve(modelsDir, ref.path);
  const require = createRequire(path.join(process.cwd(), "noop.js"));
  const searchDirs = require.resolve.paths(ref.package) ?? [];
  for (const dir of searchDirs) {
    const packageRoot = path.join(dir, ref.package);
    if (existsSync(path.join(packageRoot, "package.json"))) return path.join(packageRoot, ref.path);
  }
  throw new Error(`Model package "${ref.package}" is not installed (needed for ${ref.path})`);
}

export async function verifyModelFile({
  filePath,
  expectedSha256,
  description,
}: {
  filePath: string;
  expectedSha256: string;
  description: string;
}): Promise<void> {
  if (!existsSync(filePath)) throw new Error(`Model file missing: ${description} (${filePath})`);
  const actual = await hashFileSha256({ filePath });
  if (actual !== expectedSha256) {
    throw new Error(
      `Model file checksum mismatch: ${description} (${filePath}) has sha256 ${actual}, manifest expects ${expectedSha256}`,
    );
  }
}

export interface ResolvedModelFiles {
  model: ModelEntry;
  encoderPath: string;
  decoderPath: string;
  multimaskDecoderPath: string;
}

const ALL_ROLES: readonly ModelFileRole[] = ["encoder", "decoder", "multimaskDecoder"];

/**
 * Absolute paths of a model's files. `verify` (default: every role) lists the
 * files whose presence and sha256 are checked; an encoder-only worker can
 * pass ["encoder"] so it does not depend on the derived decoder being built.
 */
export async function resolveModelFiles(
  options: { modelId?: string; modelsDir?: string; verify?: readonly ModelFileRole[] } = {},
): Promise<ResolvedModelFiles> {
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  const manifest = await loadModelManifest({ modelsDir });
  const model = getModelEntry({ manifest, modelId: options.modelId });
  const paths: Record<ModelFileRole, string> = {
    encoder: resolveFileRefPath({ ref: model.encoder, modelsDir }),
    decoder: resolveFileRefPath({ ref: model.decoder, modelsDir }),
    multimaskDecoder: resolveFileRefPath({ ref: model.multimaskDecoder, modelsDir }),
  };
  for (const role of options.verify ?? ALL_ROLES) {
    const hint = role === "multimaskDecoder" ? "; run `npm run models:derive`" : "";
    try {
      await verifyModelFile({
        filePath: paths[role],
        expectedSha256: model[role].sha256,
        description: `${model.id} ${role}`,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}${hint}`);
    }
  }
  return {
    model,
    encoderPath: paths.encoder,
    decoderPath: paths.decoder,
    multimaskDecoderPath: paths.multimaskDecoder,
  };
}
