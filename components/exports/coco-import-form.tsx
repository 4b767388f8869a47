"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { CocoImportResult } from "@/lib/schemas/exports";
import { buttonSecondary, inputField, labelText } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";
import { announceDatasetChanged } from "./dataset-changed";
import { fileInput } from "./file-input-style";

type Props = { projectId: string; isAdmin: boolean; importRoot: string | null; kind?: "coco" | "label-studio" };

const KINDS = {
  coco: { route: "coco-import", title: "Import COCO pre-labels", json: "COCO instances JSON", button: "Import pre-labels" },
  "label-studio": { route: "label-studio-import", title: "Import a Label Studio export", json: "Label Studio JSON export", button: "Import Label Studio export" },
} as const;

type Answer = CocoImportResult & { tasksWithoutMasks?: number; skippedResults?: Record<string, number> };

/** What a Label Studio import left out, as a clause: "; 2 tasks without masks, 3 rectanglelabels left out". */
function leftOut(result: Answer): string {
  const parts = [
    ...(result.tasksWithoutMasks ? [`${result.tasksWithoutMasks} task(s) without masks`] : []),
    ...Object.entries(result.skippedResults ?? {}).map(([type, count]) => `${count} ${type}`),
  ];
  return parts.length > 0 ? `; left out: ${parts.join(", ")}` : "";
}

/** COCO (or Label Studio) JSON + images (zip upload, or a server folder for admins) -> pre-labels. */
export function CocoImportForm({ projectId, isAdmin, importRoot, kind = "coco" }: Props) {
  const text = KINDS[kind];
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Answer | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const images = form.get("images");
    if (images instanceof File && images.size === 0) form.delete("images");
    setPending(true);
    setError(null);
    setResult(null);
    const response = await fetch(`/api/projects/${projectId}/${text.route}`, { method: "POST", body: form }).catch(() => null);
    setPending(false);
    if (!response) return setError("Network error: the server could not be reached.");
    const body = (await response.json().catch(() => null)) as (Answer & { error?: { message: string } }) | null;
    if (!response.ok || !body) return setError(body?.error?.message ? `Nothing was imported. ${body.error.message}` : `The import failed (HTTP ${response.status}).`);
    setResult(body);
    router.refresh();
    announceDatasetChanged();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={text.title}>
      <div>
        <label htmlFor={`${kind}-json`} className={labelText}>{text.json}</label>
        <input id={`${kind}-json`} name="annotations" type="file" accept=".json,application/json" required className={fileInput} />
      </div>
      <div>
        <label htmlFor={`${kind}-images`} className={labelText}>Images (zip)</label>
        <input id={`${kind}-images`} name="images" type="file" accept=".zip,application/zip" className={fileInput} />
        <p className="mt-1 text-xs text-slate-500">Optional when the images are already in the project (matched by file name).</p>
      </div>
      {isAdmin && importRoot && (
        <div>
          <label htmlFor={`${kind}-folder`} className={labelText}>…or a folder under <code className="text-xs">{importRoot}</code></label>
          <input id={`${kind}-folder`} name="folder" className={inputField} placeholder="e.g. datasets/coco-mini/images" />
        </div>
      )}
      <FormError message={error} />
      {result && (
        <FormSuccess
          message={`Imported ${result.annotations} annotation(s) on ${result.images} image(s) (${result.imagesImported} new, ${result.imagesAlreadyPresent} already in the project)${result.labelClassesCreated.length > 0 ? `; new label classes: ${result.labelClassesCreated.join(", ")}` : ""}${leftOut(result)}.`}
        />
      )}
      <button type="submit" className={buttonSecondary} disabled={pending}>{pending ? "Importing…" : text.button}</button>
    </form>
  );
}
