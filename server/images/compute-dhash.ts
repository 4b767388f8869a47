// A 64-bit difference hash (dHash) of a picture: shrunk to 9 × 8 grey pixels,
// one bit per horizontal neighbour pair (is the left one darker?). Resizing,
// re-encoding, small crops and colour tweaks change only a few bits, so two
// pictures a few bits apart are near-duplicates (lib/images/near-duplicates).
import sharp from "sharp";

export async function computeDhash(picture: Buffer, options: { turned?: boolean } = {}): Promise<string> {
  // turned: the picture turned 90° clockwise first, so a copy turned by 90° or 270° can be found
  // (mirrored and upside-down copies are derived from the hash itself: lib/images/near-duplicates).
  const upright = sharp(picture).rotate();
  const oriented = options.turned ? sharp(await upright.toBuffer()).rotate(90) : upright;
  const { data } = await oriented.grayscale().resize(9, 8, { fit: "fill", kernel: "cubic" }).raw().toBuffer({ resolveWithObject: true });
  let hex = "";
  for (let y = 0; y < 8; y++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | ((data[y * 9 + x] as number) < (data[y * 9 + x + 1] as number) ? 1 : 0);
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}

/** Both hashes the near-duplicate search reads: upright and turned 90° clockwise. */
export async function computeDhashes(picture: Buffer): Promise<{ dhash: string; dhashTurned: string }> {
  return { dhash: await computeDhash(picture), dhashTurned: await computeDhash(picture, { turned: true }) };
}
