// The one zip of a dataset import form (YOLO, mask PNGs): field "dataset",
// read under the upload size cap so an oversized body is refused while it
// streams, not after it filled memory.
import { AppError } from "../errors/app-error";
import { readCappedFormData } from "../http/read-capped-form-data";

const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export async function readDatasetZip(options: { request: Request; maxZipBytes: number; what: string }): Promise<{ bytes: Uint8Array; fileName: string }> {
  const form = await readCappedFormData({ request: options.request, maxBodyBytes: options.maxZipBytes + MULTIPART_OVERHEAD_BYTES, expected: 'the dataset zip in a field named "dataset"' });
  const dataset = form.get("dataset");
  if (dataset === null || typeof dataset === "string" || dataset.size === 0) throw new AppError("bad_request", `Attach the ${options.what} as a zip in a field named "dataset".`);
  return { bytes: new Uint8Array(await dataset.arrayBuffer()), fileName: dataset.name || "dataset.zip" };
}
