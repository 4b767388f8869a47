"use client";
// The Images tab's bulk actions (managers): select the page or clear, then cut
// a batch from the selection (to the pool or one person) or delete the
// selected images after a confirmation that says what goes with them. The
// server's refusal (someone is working on one) is shown as it is written.
import { countOf } from "@/components/ui/count-of";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { taskApi } from "../tasks/task-api";
import { buttonDanger, buttonPrimary, buttonSecondary, inputField } from "../ui/button-styles";
import { EMPTY_SELECTION, removeImages, selectedMaskCount, setImages } from "./image-selection";
import { useImageSelection } from "./use-image-selection";

type PageImage = { id: string; fileName: string; maskCount: number };
type Mode = "idle" | "batch" | "delete";
type Notice = { kind: "ok" | "error"; text: string; href?: string };


export function ImageSelectionBar(props: { projectId: string; pageImages: PageImage[]; assignees: { id: string; name: string }[] }) {
  const router = useRouter();
  const [selection, update] = useImageSelection(props.projectId);
  const [mode, setMode] = useState<Mode>("idle");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [batchName, setBatchName] = useState("");
  const [assignee, setAssignee] = useState("");
  const [pending, startTransition] = useTransition();
  const pageSelected = props.pageImages.length > 0 && props.pageImages.every((image) => selection.has(image.id));
  const offPage = [...selection.keys()].filter((id) => !props.pageImages.some((image) => image.id === id)).length;
  const ids = [...selection.keys()];

  const run = (action: () => Promise<Notice>) =>
    startTransition(async () => {
      setNotice(null);
      try {
        setNotice(await action());
        setMode("idle");
        router.refresh();
      } catch (failure) {
        setNotice({ kind: "error", text: failure instanceof Error ? failure.message : String(failure) });
      }
    });

  const createBatch = () =>
    run(async () => {
      const name = batchName.trim() || `Selected images ${new Date().toISOString().slice(0, 10)}`;
      const created = await taskApi<{ taskCount: number; skippedImageIds: string[] }>(`/api/projects/${props.projectId}/batches`, {
        method: "POST",
        body: { name, selection: { kind: "images", imageIds: ids }, assigneeIds: assignee ? [assignee] : [] },
      });
      update(() => EMPTY_SELECTION);
      setBatchName("");
      const skipped = created.skippedImageIds.length;
      return {
        kind: "ok",
        text: `Batch "${name}" holds ${countOf(created.taskCount, "image")}${skipped > 0 ? `; ${countOf(skipped, "image")} already in a batch or done stayed out` : ""}.`,
        href: `/projects/${props.projectId}/batches`,
      };
    });

  const deleteSelected = () =>
    run(async () => {
      const result = await taskApi<{ deleted: unknown[]; missingIds: string[] }>(`/api/projects/${props.projectId}/images`, { method: "DELETE", body: { imageIds: ids } });
      update((current) => removeImages(current, ids));
      const missing = result.missingIds.length;
      return { kind: "ok", text: `Deleted ${countOf(result.deleted.length, "image")}${missing > 0 ? ` (${countOf(missing, "image")} had already gone)` : ""}.` };
    });

  const sendToReview = () =>
    run(async () => {
      const result = await taskApi<{ requested: unknown[] }>(`/api/projects/${props.projectId}/images/review-request`, { method: "POST", body: { imageIds: ids } });
      update(() => EMPTY_SELECTION);
      return { kind: "ok", text: `Sent ${countOf(result.requested.length, "image")} to review.` };
    });

  // An empty view (no images, or none matching) has nothing to select; the bar
  // then shows only its last notice, or nothing.
  const showControls = props.pageImages.length > 0 || selection.size > 0;
  if (!showControls && !notice) return null;

  return (
    <div className="space-y-2" data-testid="image-selection-bar" data-selected={selection.size}>
      {showControls && <div className={`flex flex-wrap items-center gap-2 rounded-md px-3 py-2 text-sm ${selection.size > 0 ? "bg-brand-50 ring-1 ring-brand-200" : "bg-transparent"}`}>
        {props.pageImages.length > 0 && (
          <button type="button" className="text-brand-700 hover:underline" onClick={() => update((current) => setImages(current, props.pageImages, !pageSelected))} data-testid="select-page">
            {pageSelected ? "Unselect this page" : "Select this page"}
          </button>
        )}
        {selection.size > 0 && (
          <>
            <span className="text-slate-700" data-testid="selection-count">
              {countOf(selection.size, "image")} selected{offPage > 0 ? ` (${offPage} on other pages or views)` : ""}
            </span>
            <button type="button" className="text-slate-600 hover:underline" onClick={() => { update(() => EMPTY_SELECTION); setMode("idle"); }}>
              Clear
            </button>
            <span className="flex-1" />
            <button type="button" className={buttonSecondary} onClick={() => setMode(mode === "batch" ? "idle" : "batch")} data-testid="selection-batch">
              Make a batch…
            </button>
            <button type="button" className={buttonSecondary} onClick={sendToReview} disabled={pending} title="Accepted images only: back to the review queue, as a spot check" data-testid="selection-review">
              Send to review
            </button>
            <button type="button" className={buttonDanger} onClick={() => setMode(mode === "delete" ? "idle" : "delete")} data-testid="selection-delete">
              Delete…
            </button>
          </>
        )}
      </div>}
      {selection.size > 0 && mode === "batch" && (
        <form
          className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-3"
          aria-label="Batch from selection"
          onSubmit={(event) => { event.preventDefault(); createBatch(); }}
        >
          <label className="text-sm text-slate-700">
            Batch name
            <input value={batchName} onChange={(event) => setBatchName(event.target.value)} maxLength={100} placeholder="Selected images" className={`${inputField} mt-1 w-56`} />
          </label>
          <label className="text-sm text-slate-700">
            Assign to
            <select value={assignee} onChange={(event) => setAssignee(event.target.value)} className={`${inputField} mt-1 w-48`}>
              <option value="">The project pool</option>
              {props.assignees.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
            </select>
          </label>
          <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Creating…" : `Batch ${countOf(selection.size, "image")}`}</button>
        </form>
      )}
      {selection.size > 0 && mode === "delete" && (
        <div className="space-y-2 rounded-md border border-red-200 bg-red-50/60 p-3 text-sm" role="alertdialog" aria-label="Delete the selected images?">
          <p>
            Delete {countOf(selection.size, "image")}
            {selectedMaskCount(selection) > 0 ? ` and their ${countOf(selectedMaskCount(selection), "mask")}` : ""}? Their tasks and reviews go too; this cannot be undone.
          </p>
          <div className="flex gap-2">
            <button type="button" className={buttonDanger} disabled={pending} onClick={deleteSelected} data-testid="confirm-delete-selection">
              {pending ? "Deleting…" : "Delete images"}
            </button>
            <button type="button" className="text-slate-600 hover:underline" onClick={() => setMode("idle")}>Keep them</button>
          </div>
        </div>
      )}
      {notice && (
        <p role={notice.kind === "error" ? "alert" : "status"} data-testid="selection-notice" className={`rounded-md px-3 py-2 text-sm ${notice.kind === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}>
          {notice.text} {notice.href && <Link href={notice.href} className="underline">Open Batches</Link>}
        </p>
      )}
    </div>
  );
}
