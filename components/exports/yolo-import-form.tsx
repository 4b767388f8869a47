"use client";
// One zip in YOLO segmentation layout -> pre-labels (through the COCO import).
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { CocoImportResult } from "@/lib/schemas/exports";
import { buttonSecondary, labelText } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";
import { usePendingAction } from "../ui/use-pending-action";
import { fileInput } from "./file-input-style";

type YoloImportAnswer = CocoImportResult & { emptyPolygons: number; error?: { message: string } };

export function YoloImportForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const { pending, error, run } = usePendingAction();
  const [result, setResult] = useState<YoloImportAnswer | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setResult(null);
    await run(async () => {
      const response = await fetch(`/api/projects/${projectId}/yolo-import`, { method: "POST", body: form }).catch(() => null);
      if (!response) throw new Error("Network error: the server could not be reached.");
      const body = (await response.json().catch(() => null)) as YoloImportAnswer | null;
      if (!response.ok || !body) throw new Error(body?.error?.message ? `Nothing was imported. ${body.error.message}` : `The import failed (HTTP ${response.status}).`);
      setResult(body);
      router.refresh();
    });
  }

  const skipped = result && result.emptyPolygons > 0 ? `; ${result.emptyPolygons} polygon(s) too thin to cover a pixel were left out` : "";
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Import a YOLO dataset">
      <div>
        <label htmlFor="yolo-zip" className={labelText}>YOLO segmentation dataset (zip)</label>
        <input id="yolo-zip" name="dataset" type="file" accept=".zip,application/zip" required className={fileInput} />
        <p className="mt-1 text-xs text-slate-500">
          images/ with labels/*.txt beside them (also train/ and valid/ splits, or labels next to their images), and the class names in classes.txt or data.yaml.
        </p>
      </div>
      <FormError message={error} />
      {result && (
        <FormSuccess
          message={`Imported ${result.annotations} mask(s) on ${result.images} image(s) (${result.imagesImported} new, ${result.imagesAlreadyPresent} already in the project)${result.labelClassesCreated.length > 0 ? `; new label classes: ${result.labelClassesCreated.join(", ")}` : ""}${skipped}.`}
        />
      )}
      <button type="submit" className={buttonSecondary} disabled={pending}>{pending ? "Importing…" : "Import YOLO dataset"}</button>
    </form>
  );
}
