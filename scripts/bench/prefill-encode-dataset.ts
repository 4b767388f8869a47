// Encodes benchmark images with the real SAM encoder, caching raw float32
// embeddings by image SHA-256 in a temp folder so repeated runs skip the
// encoder (~1 s per image on 2 cores).
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { createEncoderSession } from "@/server/sam/create-encoder-session";
import { encodeImage } from "@/server/sam/encode-image";
import type { CocoImage } from "./prefill-coco-dataset";

/** Where the prefill benches cache embeddings unless told otherwise (shared so one run warms the others). */
export const DEFAULT_EMBEDDING_CACHE_DIR = path.join(os.tmpdir(), "maskwright-prefill-bench");

export interface EncodedImage {
  coco: CocoImage;
  embedding: Float32Array;
  geometry: ResizeGeometry;
}

export async function encodeDataset({ images, cacheDir }: { images: CocoImage[]; cacheDir: string | null }): Promise<EncodedImage[]> {
  let encoder: Awaited<ReturnType<typeof createEncoderSession>> | null = null;
  const out: EncodedImage[] = [];
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  for (const coco of images) {
    const bytes = await readFile(coco.imagePath);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const cached = cacheDir ? path.join(cacheDir, `${sha}.json`) : null;
    let entry: { geometry: ResizeGeometry; embedding: Float32Array } | null = null;
    if (cached) {
      try {
        const meta = JSON.parse(await readFile(cached, "utf8")) as { geometry: ResizeGeometry };
        const raw = await readFile(cached.replace(/\.json$/, ".f32"));
        entry = { geometry: meta.geometry, embedding: new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)) };
      } catch {
        entry = null;
      }
    }
    if (!entry) {
      encoder ??= await createEncoderSession();
      const encoded = await encodeImage({ encoder, image: bytes });
      entry = { geometry: encoded.geometry, embedding: encoded.embedding.slice() };
      if (cached) {
        await writeFile(cached.replace(/\.json$/, ".f32"), Buffer.from(entry.embedding.buffer));
        await writeFile(cached, JSON.stringify({ geometry: entry.geometry }));
      }
    }
    // Ground truth is in the file's stored orientation: skip images whose EXIF turns them.
    if (entry.geometry.width !== coco.width || entry.geometry.height !== coco.height) {
      console.error(`skipping ${coco.fileName}: encoded ${entry.geometry.width}x${entry.geometry.height}, annotated ${coco.width}x${coco.height}`);
      continue;
    }
    out.push({ coco, ...entry });
  }
  await encoder?.session.release();
  return out;
}
