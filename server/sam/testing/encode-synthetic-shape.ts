// Test fixture: a generated shape image (create-synthetic-image) run through
// the real SAM encoder, for tests that need a true embedding of a known object.
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { createEncoderSession } from "../create-encoder-session";
import { encodeImage } from "../encode-image";
import { createSyntheticImage, type SyntheticImage } from "./create-synthetic-image";

export async function encodeSyntheticShape(options: Parameters<typeof createSyntheticImage>[0]): Promise<{
  shape: SyntheticImage;
  embedding: Float32Array;
  geometry: ResizeGeometry;
}> {
  const shape = await createSyntheticImage(options);
  const encoder = await createEncoderSession();
  try {
    const { embedding, geometry } = await encodeImage({ encoder, image: shape.bytes });
    return { shape, embedding: embedding.slice(), geometry };
  } finally {
    await encoder.session.release();
  }
}
