// HTTP response for image bytes. Content under a URL never changes (it is
// addressed by hash), so browsers may cache it for a year; "private" keeps
// shared caches from storing images that are only for project members.
import type { ImageFileStream } from "./read-image-file";

export const IMAGE_CACHE_CONTROL = "private, max-age=31536000, immutable";

export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

export async function imageFileResponse(options: { request: Request; file: ImageFileStream }): Promise<Response> {
  const { request, file } = options;
  const headers = new Headers({
    "Cache-Control": IMAGE_CACHE_CONTROL,
    ETag: file.etag,
    // Only sniffed, validated raster types are stored; never let a browser reinterpret them.
    "X-Content-Type-Options": "nosniff",
  });
  if (matchesEtag(request.headers.get("if-none-match"), file.etag)) {
    await file.stream.cancel(); // closes the file we opened
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", file.mime);
  headers.set("Content-Length", String(file.byteSize));
  return new Response(file.stream, { status: 200, headers });
}
