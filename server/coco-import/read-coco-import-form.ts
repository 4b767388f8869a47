// Reads the COCO import upload (multipart/form-data): "annotations" (the
// JSON file, required), "images" (a zip, optional) and "folder" (text,
// optional). The body is capped while it streams in, so a request that lies
// about its length cannot make the server buffer more than the limits allow.
import { cocoImportFields } from "@/lib/schemas/exports";
import { AppError } from "../errors/app-error";
import { readCappedFormData } from "../http/read-capped-form-data";

const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export type CocoImportForm = { json: Uint8Array; jsonFileName: string; zip?: Uint8Array; folder?: string };

export async function readCocoImportForm(options: { request: Request; maxJsonBytes: number; maxZipBytes: number }): Promise<CocoImportForm> {
  const { maxJsonBytes, maxZipBytes } = options;
  const form = await readCappedFormData({
    request: options.request,
    maxBodyBytes: maxJsonBytes + maxZipBytes + MULTIPART_OVERHEAD_BYTES,
    expected: 'the COCO JSON in a field named "annotations"',
    tooLargeHint: "For larger datasets, import from a server folder.",
  });

  const annotations = form.get("annotations");
  if (annotations === null || typeof annotations === "string") throw new AppError("bad_request", 'Attach the COCO JSON file in a field named "annotations".');
  if (annotations.size > maxJsonBytes) {
    throw new AppError("payload_too_large", `The annotations file is larger than the limit of ${Math.round(maxJsonBytes / (1024 * 1024))} MB.`, { reason: "json_too_large" });
  }
  const images = form.get("images");
  let zip: Uint8Array | undefined;
  if (images !== null && typeof images !== "string" && images.size > 0) {
    if (images.size > maxZipBytes) throw new AppError("payload_too_large", "The images zip is larger than the upload limit.", { reason: "upload_too_large" });
    zip = new Uint8Array(await images.arrayBuffer());
  }
  const fields = cocoImportFields.parse({ folder: typeof form.get("folder") === "string" ? form.get("folder") : undefined });
  return { json: new Uint8Array(await annotations.arrayBuffer()), jsonFileName: annotations.name || "annotations.json", zip, folder: fields.folder };
}
