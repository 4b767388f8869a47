// Wraps a request so its body errors once more than `maxBytes` stream in:
// a client that lies about (or omits) Content-Length still cannot make the
// server buffer more than the limit.
export function capRequestBody(request: Request, maxBytes: number): { request: Request; exceeded: () => boolean } {
  let seen = 0;
  if (!request.body) return { request, exceeded: () => false };
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new Error("request body over the limit"));
        else controller.enqueue(chunk);
      },
    }),
  );
  // duplex "half" is required by undici for a streamed request body; the DOM typings lack it.
  const init = { method: request.method, headers: request.headers, body: counted, duplex: "half" } as RequestInit;
  return { request: new Request(request.url, init), exceeded: () => seen > maxBytes };
}
