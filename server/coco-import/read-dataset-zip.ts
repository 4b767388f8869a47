// The one zip of an import form (YOLO, mask PNGs: field "dataset"; a zip of images: "archive"),
// read under the upload size cap so an oversized body is refused while it
// streams, not after it filled memory.
import { AppError } from "../errors/app-error";
import { readCappedFormData } from "../http/read-capped-form-data";

const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export async function readDatasetZip(options: { request: Request; maxZipBytes: number; what: string; field?: string }): Promise<{ bytes: Uint8Array; fileName: string }> {
  const field = options.field ?? "dataset";
  const form = await readCappedFormData({ request: options.request, maxBodyBytes: options.maxZipBytes + MULTIPART_OVERHEAD_BYTES, expected: `the ${options.what} as a zip in a field named "${field}"` });
  const dataset = form.get(field);
  if (dataset === null || typeof dataset === "string" || dataset.size === 0) throw new AppError("bad_request", `Attach the ${options.what} as a zip in a field named "${field}".`);
  return { bytes: new Uint8Array(await dataset.arrayBuffer()), fileName: dataset.name || "dataset.zip" };
}
