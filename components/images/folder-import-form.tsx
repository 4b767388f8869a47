"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { buttonSecondary, inputField, labelText } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";

type FileResult = { path: string; status: "imported" | "duplicate" | "failed"; error?: { message: string } };
type FolderResult = { imported: number; duplicates: number; failed: number; truncated: boolean; results: FileResult[] };

/** Admin-only: import every image of a folder under the server's import root. */
export function FolderImportForm({ projectId, importRoot }: { projectId: string; importRoot: string | null }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<FolderResult | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setResult(null);
    const response = await fetch(`/api/projects/${projectId}/images/import-folder`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ folder: String(form.get("folder") ?? ""), recursive: form.get("recursive") === "on" }),
    }).catch(() => null);
    setPending(false);
    if (!response) return setError("Network error: the server could not be reached.");
    const body = (await response.json().catch(() => null)) as (FolderResult & { error?: { message: string } }) | null;
    if (!response.ok || !body) return setError(body?.error?.message ?? `Folder import failed (HTTP ${response.status}).`);
    setResult(body);
    router.refresh();
  }

  if (!importRoot) {
    return <p className="text-sm text-slate-600">Server folder import is off. Set <code>MASKWRIGHT_IMPORT_ROOT</code> to enable it.</p>;
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Import server folder">
      <div>
        <label htmlFor="import-folder" className={labelText}>Folder under <code className="text-xs">{importRoot}</code></label>
        <div className="flex gap-2">
          <input id="import-folder" name="folder" required className={inputField} placeholder="e.g. batch-2026-11" />
          <button type="submit" className={`${buttonSecondary} shrink-0 whitespace-nowrap`} disabled={pending}>{pending ? "Importing…" : "Import folder"}</button>
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="recursive" className="rounded border-slate-300" /> Include sub-folders
      </label>
      <FormError message={error} />
      {result && (
        <div className="space-y-2">
          <FormSuccess message={`${result.imported} imported, ${result.duplicates} already in the project, ${result.failed} failed${result.truncated ? " (stopped at the file limit)" : ""}.`} />
          {result.results.filter((file) => file.status === "failed").length > 0 && (
            <ul className="max-h-48 overflow-auto rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800" data-testid="folder-import-failures">
              {result.results
                .filter((file) => file.status === "failed")
                .map((file) => <li key={file.path}>{file.error?.message ?? file.path}</li>)}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
