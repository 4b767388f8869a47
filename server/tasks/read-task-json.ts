// Request bodies of the queue routes: small JSON objects. An empty body is {}
// (e.g. a bare POST to claim); anything that is not JSON is a clear 4xx.
import { AppError } from "../errors/app-error";

const MAX_BYTES = 256 * 1024;

export async function readTaskJson(options: { request: Request }): Promise<unknown> {
  const text = await options.request.text();
  if (text.length > MAX_BYTES) throw new AppError("payload_too_large", `The request is larger than ${MAX_BYTES} bytes.`);
  if (text.trim() === "") return {};
  const type = options.request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) throw new AppError("unsupported_media_type", "Send the request body as application/json.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
