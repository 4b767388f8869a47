"use client";
// A manager's "delete" on an image card: a small button over the thumbnail,
// then a confirmation on the card that says what goes with the image (its
// masks, its tasks), and the server's reason when it refuses (someone is
// working on it).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { taskApi } from "../tasks/task-api";

export function DeleteImageControl({ imageId, fileName, maskCount }: { imageId: string; fileName: string; maskCount: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      setError(null);
      try {
        await taskApi(`/api/images/${encodeURIComponent(imageId)}`, { method: "DELETE" });
        router.refresh();
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    });
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="absolute right-1.5 top-1.5 rounded bg-white/90 px-1.5 py-0.5 text-[11px] font-medium text-red-700 opacity-0 shadow transition group-hover:opacity-100 focus:opacity-100"
        aria-label={`Delete image ${fileName}`}
        data-testid="delete-image"
      >
        Delete
      </button>
    );
  }
  return (
    <div className="absolute inset-0 flex flex-col justify-center gap-2 bg-white/95 p-3 text-xs text-slate-800" role="alertdialog" aria-label={`Delete ${fileName}?`}>
      <p>
        Delete <span className="font-medium">{fileName}</span>
        {maskCount > 0 ? ` and its ${maskCount} mask${maskCount === 1 ? "" : "s"}` : ""}? Its tasks and reviews go too; this cannot be undone.
      </p>
      {error && <p className="text-red-700" role="alert">{error}</p>}
      <div className="flex gap-2">
        <button type="button" disabled={pending} onClick={remove} className="rounded bg-red-600 px-2 py-1 font-medium text-white hover:bg-red-700 disabled:opacity-60" data-testid="confirm-delete-image">
          Delete image
        </button>
        <button type="button" onClick={() => { setConfirming(false); setError(null); }} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
          Keep it
        </button>
      </div>
    </div>
  );
}
