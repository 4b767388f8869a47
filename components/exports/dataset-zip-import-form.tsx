"use client";
// One dataset zip (YOLO segmentation, mask PNGs, CVAT XML) -> pre-labels, through the
// route that converts it for the COCO import; the answer says what came in.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { CocoImportResult } from "@/lib/schemas/exports";
import { buttonSecondary, labelText } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";
import { usePendingAction } from "../ui/use-pending-action";
import { announceDatasetChanged } from "./dataset-changed";
import { fileInput } from "./file-input-style";

type ImportAnswer = CocoImportResult & { emptyPolygons?: number; objectsWithoutClass?: number; skippedShapes?: Record<string, number>; error?: { message: string } };

export type DatasetZipKind = "yolo" | "png" | "cvat";

const KINDS: Record<DatasetZipKind, { route: string; title: string; field: string; hint: string; button: string }> = {
  yolo: {
    route: "yolo-import",
    title: "Import a YOLO dataset",
    field: "YOLO segmentation dataset (zip)",
    hint: "images/ with labels/*.txt beside them (also train/ and valid/ splits, or labels next to their images), and the class names in classes.txt or data.yaml.",
    button: "Import YOLO dataset",
  },
  png: {
    route: "png-import",
    title: "Import PNG masks",
    field: "Mask PNGs (zip)",
    hint: "This project's PNG export, or Pascal VOC / CVAT \"Segmentation mask 1.1\": SegmentationClass/ (+ SegmentationObject/ for objects), labelmap.txt, JPEGImages/. Pictures already in the project may be left out.",
    button: "Import PNG masks",
  },
  cvat: {
    route: "cvat-import",
    title: "Import a CVAT export",
    field: "CVAT for images 1.1 (zip)",
    hint: "annotations.xml, with images/ for pictures not in the project yet. Masks and polygons come in; boxes, lines, points and tags are left out.",
    button: "Import CVAT export",
  },
};

function leftOut(result: ImportAnswer): string {
  const parts: string[] = [];
  if (result.emptyPolygons) parts.push(`${result.emptyPolygons} polygon(s) too thin to cover a pixel were left out`);
  if (result.objectsWithoutClass) parts.push(`${result.objectsWithoutClass} object(s) without a class were left out`);
  const skipped = Object.entries(result.skippedShapes ?? {}).map(([kind, count]) => `${count} ${kind}${count === 1 ? "" : kind.endsWith("x") ? "es" : "s"}`);
  if (skipped.length > 0) parts.push(`${skipped.join(", ")} left out (not areas)`);
  return parts.map((part) => `; ${part}`).join("");
}

export function DatasetZipImportForm({ projectId, kind }: { projectId: string; kind: DatasetZipKind }) {
  const router = useRouter();
  const { pending, error, run } = usePendingAction();
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const text = KINDS[kind];
  const inputId = `${kind}-zip`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setResult(null);
    await run(async () => {
      const response = await fetch(`/api/projects/${projectId}/${text.route}`, { method: "POST", body: form }).catch(() => null);
      if (!response) throw new Error("Network error: the server could not be reached.");
      const body = (await response.json().catch(() => null)) as ImportAnswer | null;
      if (!response.ok || !body) throw new Error(body?.error?.message ? `Nothing was imported. ${body.error.message}` : `The import failed (HTTP ${response.status}).`);
      setResult(body);
      router.refresh();
      announceDatasetChanged();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={text.title}>
      <div>
        <label htmlFor={inputId} className={labelText}>{text.field}</label>
        <input id={inputId} name="dataset" type="file" accept=".zip,application/zip" required className={fileInput} />
        <p className="mt-1 text-xs text-slate-500">{text.hint}</p>
      </div>
      <FormError message={error} />
      {result && (
        <FormSuccess
          message={`Imported ${result.annotations} mask(s) on ${result.images} image(s) (${result.imagesImported} new, ${result.imagesAlreadyPresent} already in the project)${result.labelClassesCreated.length > 0 ? `; new label classes: ${result.labelClassesCreated.join(", ")}` : ""}${leftOut(result)}.`}
        />
      )}
      <button type="submit" className={buttonSecondary} disabled={pending}>{pending ? "Importing…" : text.button}</button>
    </form>
  );
}
