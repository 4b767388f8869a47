// Reads the one image of an upload request (multipart/form-data, field
// "file"). The body is capped while it streams in, so a request that lies
// about (or omits) Content-Length still cannot make the server buffer more
// than the upload limit.
import { AppError } from "../errors/app-error";
import { capRequestBody } from "../http/cap-request-body";

/** Room for multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export type UploadedFile = { fileName: string; bytes: Uint8Array };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(maxUploadBytes: number): AppError {
  return new AppError("payload_too_large", `The upload is larger than the limit of ${megabytes(maxUploadBytes)} per file.`, {
    maxUploadBytes,
  });
}

export async function readUploadForm(options: { request: Request; maxUploadBytes: number }): Promise<UploadedFile> {
  const { maxUploadBytes } = options;
  const contentType = options.request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media_type", 'Send the image as multipart/form-data with one field named "file".');
  }
  const maxBodyBytes = maxUploadBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(options.request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLarge(maxUploadBytes);

  const limited = capRequestBody(options.request, maxBodyBytes);
  let form: FormData;
  try {
    form = await limited.request.formData();
  } catch {
    if (limited.exceeded()) throw tooLarge(maxUploadBytes);
    throw new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  }

  const files = form.getAll("file");
  if (files.length > 1) throw new AppError("bad_request", "Send one file per request.");
  const file = files[0];
  if (file === undefined || typeof file === "string") {
    throw new AppError("bad_request", 'Attach the image as a file in a form field named "file".');
  }
  if (file.size > maxUploadBytes) {
    throw new AppError("payload_too_large", `${file.name}: The file is ${megabytes(file.size)}; the upload limit is ${megabytes(maxUploadBytes)}.`, {
      fileName: file.name,
    });
  }
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
