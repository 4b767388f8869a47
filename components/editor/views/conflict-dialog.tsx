"use client";
// A version conflict: someone else saved this object since this copy was
// loaded. The person chooses; nothing is overwritten or dropped silently.
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { foregroundCount } from "../core/sync-diff";
import type { EditorObject } from "../core/types";

export function ConflictDialog({
  mine,
  theirs,
  message,
  onChoose,
}: {
  mine: EditorObject | null;
  theirs: AnnotationDto;
  message: string;
  onChoose: (choice: "theirs" | "mine") => void;
}) {
  return (
    <div className="absolute inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-6" data-testid="conflict-dialog">
      <div role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl">
        <h2 id="conflict-title" className="text-lg font-semibold">This object was changed by someone else</h2>
        <p className="mt-1 text-sm text-slate-600">{message}</p>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
          <div className="rounded-md border border-slate-200 p-2">
            <dt className="text-xs font-semibold uppercase text-slate-500">Theirs (version {theirs.version})</dt>
            <dd className="mt-1">{theirs.deleted ? "deleted" : `${theirs.area} px`}</dd>
          </div>
          <div className="rounded-md border border-slate-200 p-2">
            <dt className="text-xs font-semibold uppercase text-slate-500">Yours</dt>
            <dd className="mt-1">{mine ? `${foregroundCount(mine.mask)} px` : "deleted"}</dd>
          </div>
        </dl>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" onClick={() => onChoose("theirs")} data-testid="conflict-theirs">
            Reload theirs
          </button>
          <button type="button" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" onClick={() => onChoose("mine")} data-testid="conflict-mine">
            Keep mine
          </button>
        </div>
      </div>
    </div>
  );
}
