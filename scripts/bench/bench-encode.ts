// Encoder benchmark CLI (core in bench-encode-raw.ts).
//
//   npx tsx scripts/bench/bench-encode.ts [--images DIR [--masks DIR]] [--count 8] [--threads N] [--provider cpu|cuda] [--clicks 5] [--mantissa-bits 9]
//
// Without --images it uses generated images. --masks defaults to the
// images folder's sibling masks/ (dataset layout). Final line:
// {"bench":"encode","provider","threads","encode_ms_p50","raw_ort_ms_p50","images_per_s","embedding_wire_bytes","compact_vs_fp32_mask_iou"}
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readExecutionProvider } from "@/server/sam/create-inference-session";
import { measureEncode } from "./bench-encode-raw";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      images: { type: "string" },
      masks: { type: "string" },
      count: { type: "string" },
      threads: { type: "string" },
      provider: { type: "string" },
      clicks: { type: "string" },
      "mantissa-bits": { type: "string" },
    },
  });
  const number = (v: string | undefined) => (v === undefined ? undefined : Number.parseInt(v, 10));
  let masksDir = values.masks;
  if (values.images && !masksDir) {
    const sibling = path.join(path.dirname(path.resolve(values.images)), "masks");
    if (!existsSync(sibling)) throw new Error(`No --masks given and ${sibling} does not exist`);
    masksDir = sibling;
  }
  const result = await measureEncode({
    imagesDir: values.images,
    masksDir,
    count: number(values.count),
    threads: number(values.threads),
    executionProvider: readExecutionProvider(values.provider),
    clicks: number(values.clicks),
    mantissaBits: number(values["mantissa-bits"]),
  });
  console.log(
    `encoder p50 ${result.encode_ms_p50} ms (raw ORT ${result.raw_ort_ms_p50} ms), ${result.images_per_s} images/s, ` +
      `${result.threads} threads on ${result.provider}; wire ${(result.embedding_wire_bytes / 1024).toFixed(0)} KiB; ` +
      `compact vs fp32 mask IoU ${result.compact_vs_fp32_mask_iou}`,
  );
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
