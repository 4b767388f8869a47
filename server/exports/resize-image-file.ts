// The picture of a resized export: turned upright by its EXIF orientation
// (stored sizes are as displayed), scaled to exactly the size its masks were
// scaled to, in its own format so its file name stays true.
import sharp from "sharp";

export async function resizeImageFile(options: { filePath: string; width: number; height: number }): Promise<Buffer> {
  const image = sharp(options.filePath, { limitInputPixels: false });
  const format = (await image.metadata()).format;
  const resized = image.rotate().resize(options.width, options.height, { fit: "fill" });
  switch (format) {
    case "jpeg":
      return resized.jpeg({ quality: 92 }).toBuffer();
    case "png":
    case "webp":
    case "tiff":
    case "gif":
    case "heif":
      return resized.toFormat(format).toBuffer();
    default:
      // A format sharp reads but does not write: PNG bytes under the original name beat no file.
      return resized.png().toBuffer();
  }
}
