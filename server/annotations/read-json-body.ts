// Reads a JSON request body with a size cap (masks of large images are a few
// MB of RLE at worst) and a clear 4xx for anything that is not JSON.
import { AppError } from "../errors/app-error";

export const MAX_ANNOTATION_BODY_BYTES = 20 * 1024 * 1024;

export async function readJsonBody(options: { request: Request; maxBytes?: number }): Promise<unknown> {
  const { request } = options;
  const maxBytes = options.maxBytes ?? MAX_ANNOTATION_BODY_BYTES;
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type", "Send the annotation as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The request is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("payload_too_large", `The request is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
