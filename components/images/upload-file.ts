// One file, one request: XMLHttpRequest because fetch cannot report upload
// progress. Resolves with the server's verdict, never rejects. A .zip goes to
// the zip route, whose answer sums up every image in it.
export type UploadOutcome =
  | { kind: "imported"; imageId: string }
  | { kind: "duplicate"; imageId: string }
  | { kind: "archive"; imported: number; duplicates: number; failures: string[] }
  | { kind: "error"; message: string };

type UploadAnswer = {
  status?: string;
  imageId?: string;
  image?: { id: string };
  results?: { status: string; error?: { message?: string } }[];
  imported?: number;
  duplicates?: number;
  error?: { message?: string };
};

export function isZipFile(file: File): boolean {
  return /\.zip$/i.test(file.name) || file.type === "application/zip" || file.type === "application/x-zip-compressed";
}

function outcomeOf(body: UploadAnswer): UploadOutcome {
  if (Array.isArray(body.results)) {
    const failures = body.results.filter((result) => result.status === "failed").map((result) => result.error?.message ?? "failed");
    return { kind: "archive", imported: body.imported ?? 0, duplicates: body.duplicates ?? 0, failures };
  }
  const imageId = body.image?.id ?? body.imageId ?? "";
  return body.status === "duplicate" ? { kind: "duplicate", imageId } : { kind: "imported", imageId };
}

export function uploadFile(options: { projectId: string; file: File; onProgress: (fraction: number) => void }): Promise<UploadOutcome> {
  const zip = isZipFile(options.file);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/projects/${options.projectId}/images${zip ? "/zip" : ""}`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ kind: "error", message: "Network error: the upload did not reach the server." });
    request.onload = () => {
      const body = request.response as UploadAnswer | null;
      if (request.status >= 200 && request.status < 300 && body) return resolve(outcomeOf(body));
      resolve({ kind: "error", message: body?.error?.message ?? `Upload failed (HTTP ${request.status}).` });
    };
    const form = new FormData();
    form.append(zip ? "archive" : "file", options.file, options.file.name);
    request.send(form);
  });
}
