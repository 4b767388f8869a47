"use client";

import { useCallback, useRef, useState, type DragEvent } from "react";
import { useRouter } from "next/navigation";
import { uploadFile, type UploadOutcome } from "./upload-file";
import { buttonSecondary } from "../ui/button-styles";

type Row = { key: string; name: string; size: number; progress: number; outcome: UploadOutcome | null };

const PARALLEL_UPLOADS = 3;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ImageUploader({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const update = useCallback((key: string, patch: Partial<Row>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }, []);

  const uploadAll = useCallback(
    async (files: File[]) => {
      const batch = files.map((file, index) => ({ key: `${Date.now()}-${index}-${file.name}`, file }));
      setRows((current) => [...batch.map(({ key, file }) => ({ key, name: file.name, size: file.size, progress: 0, outcome: null })), ...current]);
      let next = 0;
      // A small pool: every file gets its own request and its own error.
      const worker = async () => {
        while (next < batch.length) {
          const item = batch[next++];
          if (!item) break;
          const outcome = await uploadFile({
            projectId,
            file: item.file,
            onProgress: (fraction) => update(item.key, { progress: fraction }),
          });
          update(item.key, { outcome, progress: 1 });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, batch.length) }, worker));
      router.refresh();
    },
    [projectId, router, update],
  );

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) void uploadAll(files);
  }

  return (
    <div className="space-y-3">
      <div
        onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"}`}
        data-testid="upload-dropzone"
      >
        <p className="text-sm text-slate-700"><span className="font-medium">Drop images here</span> or</p>
        <button type="button" className={buttonSecondary} onClick={() => inputRef.current?.click()}>Choose files…</button>
        <p className="text-xs text-slate-500">JPEG, PNG, WebP, TIFF, GIF, AVIF, or a .zip of them. Duplicates are detected and skipped.</p>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept="image/*,.zip,application/zip"
          className="sr-only"
          data-testid="upload-input"
          aria-label="Choose images to upload"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = "";
            if (files.length) void uploadAll(files);
          }}
        />
      </div>
      {rows.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" aria-label="Uploads" data-testid="upload-list">
          {rows.map((row) => (
            <li key={row.key} className="flex items-center gap-3 px-3 py-2" data-testid="upload-row" data-state={row.outcome?.kind ?? "uploading"}>
              <span className="min-w-0 flex-1 truncate" title={row.name}>{row.name}</span>
              <span className="text-xs text-slate-500">{formatBytes(row.size)}</span>
              {row.outcome === null ? (
                <span className="h-1.5 w-32 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={Math.round(row.progress * 100)} aria-valuemin={0} aria-valuemax={100} aria-label={`Uploading ${row.name}`}>
                  <span className="block h-full bg-brand-500 transition-all" style={{ width: `${Math.round(row.progress * 100)}%` }} />
                </span>
              ) : row.outcome.kind === "imported" ? (
                <span className="text-emerald-700">Imported</span>
              ) : row.outcome.kind === "duplicate" ? (
                <span className="text-amber-700">Already in project</span>
              ) : row.outcome.kind === "archive" ? (
                <ArchiveOutcome outcome={row.outcome} />
              ) : (
                <span className="max-w-md text-right text-red-700" role="alert">{row.outcome.message}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ArchiveOutcome({ outcome }: { outcome: Extract<UploadOutcome, { kind: "archive" }> }) {
  const summary = `${outcome.imported} imported, ${outcome.duplicates} already in project`;
  if (outcome.failures.length === 0) return <span className="text-emerald-700" data-testid="archive-summary">{summary}</span>;
  return (
    <details className="max-w-md text-right" data-testid="archive-summary">
      <summary className="cursor-pointer text-red-700">{summary}, {outcome.failures.length} failed</summary>
      <ul className="mt-1 space-y-0.5 text-xs text-red-700">
        {outcome.failures.map((failure, index) => (
          <li key={index}>{failure}</li>
        ))}
      </ul>
    </details>
  );
}
