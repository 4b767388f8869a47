// A 64-bit difference hash (dHash) of a picture: shrunk to 9 × 8 grey pixels,
// one bit per horizontal neighbour pair (is the left one darker?). Resizing,
// re-encoding, small crops and colour tweaks change only a few bits, so two
// pictures a few bits apart are near-duplicates (lib/images/near-duplicates).
import sharp from "sharp";

export async function computeDhash(picture: Buffer): Promise<string> {
  const { data } = await sharp(picture).rotate().grayscale().resize(9, 8, { fit: "fill", kernel: "cubic" }).raw().toBuffer({ resolveWithObject: true });
  let hex = "";
  for (let y = 0; y < 8; y++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | ((data[y * 9 + x] as number) < (data[y * 9 + x + 1] as number) ? 1 : 0);
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}
