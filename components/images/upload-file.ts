// One file, one request: XMLHttpRequest because fetch cannot report upload
// progress. Resolves with the server's verdict, never rejects.
export type UploadOutcome =
  | { kind: "imported"; imageId: string }
  | { kind: "duplicate"; imageId: string }
  | { kind: "error"; message: string };

export function uploadFile(options: { url: string; file: File; onProgress: (fraction: number) => void }): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", options.url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ kind: "error", message: "Network error: the upload did not reach the server." });
    request.onload = () => {
      const body = request.response as { status?: string; imageId?: string; image?: { id: string }; error?: { message?: string } } | null;
      if (request.status >= 200 && request.status < 300 && body) {
        const imageId = body.image?.id ?? body.imageId ?? "";
        resolve(body.status === "duplicate" ? { kind: "duplicate", imageId } : { kind: "imported", imageId });
        return;
      }
      resolve({ kind: "error", message: body?.error?.message ?? `Upload failed (HTTP ${request.status}).` });
    };
    const form = new FormData();
    form.append("file", options.file, options.file.name);
    request.send(form);
  });
}
