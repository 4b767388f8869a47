"use client";
// "Checks before export": the dataset's likely mistakes (masks without a
// label, specks, whole-picture masks, objects drawn twice, images handed in
// empty), each with a link to the images concerned on the Images tab.
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { DatasetChecks } from "@/lib/schemas/dataset-checks";
import { imagesHref } from "../images/images-href";
import { usePendingAction } from "../ui/use-pending-action";
import { requestJson } from "../ui/request-json";
import { DATASET_CHANGED_EVENT } from "./dataset-changed";

export function DatasetChecksPanel({ projectId }: { projectId: string }) {
  const [checks, setChecks] = useState<DatasetChecks | null>(null);
  const { pending, error, run } = usePendingAction();

  const load = useCallback(
    () =>
      run(async () => setChecks(await requestJson<DatasetChecks>(`/api/projects/${projectId}/checks`, { failure: "The checks failed" }))),
    [projectId, run],
  );
  useEffect(() => {
    void load();
    // An import on this page changes what the checks would find.
    const rerun = () => void load();
    window.addEventListener(DATASET_CHANGED_EVENT, rerun);
    return () => window.removeEventListener(DATASET_CHANGED_EVENT, rerun);
  }, [load]);

  return (
    <div data-testid="dataset-checks" aria-busy={pending}>
      <div className="mb-2 flex items-center justify-between gap-3">
        <p className="text-xs text-slate-500">
          {checks ? `${checks.masksChecked} masks on ${checks.imagesChecked} images checked.` : pending ? "Checking…" : ""}
        </p>
        <button type="button" onClick={() => void load()} disabled={pending} className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-50">
          {pending ? "Checking…" : "Check again"}
        </button>
      </div>
      {error && <p className="text-sm text-red-700" role="alert">{error}</p>}
      {checks && (
        <ul className="divide-y divide-slate-100 text-sm">
          {checks.checks.map((check) => (
            <li key={check.issue} className="flex items-center justify-between gap-3 py-1.5" data-testid="dataset-check" data-issue={check.issue} data-images={check.images}>
              <span className="flex items-center gap-2">
                <span aria-hidden className={check.images === 0 ? "text-emerald-600" : "text-amber-600"}>{check.images === 0 ? "✓" : "!"}</span>
                {check.label}
              </span>
              {check.images === 0 ? (
                <span className="text-xs text-slate-500">none</span>
              ) : (
                <Link href={imagesHref(projectId, { issue: check.issue })} className="text-xs font-medium text-brand-700 hover:underline">
                  {check.masks !== null ? `${check.masks} mask(s) on ` : ""}
                  {check.images} image(s) →
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
