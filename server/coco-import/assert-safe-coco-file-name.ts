// COCO file_name values name files we will look up in a zip or a server
// folder. A name that climbs out ("..") or is absolute is refused outright:
// it is either a mistake or a probe, and never what a dataset needs.
import { AppError } from "../errors/app-error";

export function assertSafeCocoFileName(options: { fileName: string; imageId: number }): void {
  const { fileName, imageId } = options;
  const unsafe = (why: string) =>
    new AppError("bad_request", `Image ${imageId}: file_name "${fileName}" ${why}; use a path relative to the images folder.`, {
      reason: "unsafe_file_name",
      imageId,
      fileName,
    });
  if (fileName.includes("\0")) throw unsafe("contains a NUL character");
  const normalised = fileName.replace(/\\/g, "/");
  if (normalised.startsWith("/") || /^[A-Za-z]:/.test(normalised) || normalised.startsWith("//")) throw unsafe("is an absolute path");
  if (normalised.split("/").includes("..")) throw unsafe('contains ".."');
  if (normalised.endsWith("/")) throw unsafe("names a folder, not a file");
}
