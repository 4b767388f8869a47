// Multipart uploads (COCO and YOLO imports): the body is capped while it
// streams in, so a request that lies about its length cannot make the server
// buffer more than the limit; each failure is a 4xx saying what to send.
import { AppError } from "../errors/app-error";
import { capRequestBody } from "./cap-request-body";

export async function readCappedFormData(options: { request: Request; maxBodyBytes: number; expected: string; tooLargeHint?: string }): Promise<FormData> {
  const { request, maxBodyBytes } = options;
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media_type", `Send multipart/form-data with ${options.expected}.`);
  }
  const tooLarge = () =>
    new AppError("payload_too_large", `The upload is larger than the limit (${Math.round(maxBodyBytes / (1024 * 1024))} MB).${options.tooLargeHint ? ` ${options.tooLargeHint}` : ""}`, {
      reason: "upload_too_large",
    });
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLarge();
  const capped = capRequestBody(request, maxBodyBytes);
  try {
    return await capped.request.formData();
  } catch {
    if (capped.exceeded()) throw tooLarge();
    throw new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  }
}
