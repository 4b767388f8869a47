"use client";
// The project's danger zone (managers, under "Edit"): deleting the project
// with everything in it, after typing its name. The server refuses while
// someone is working on one of its images and says who; that message shows
// here. On success the project list opens and names what was deleted.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteProjectAction } from "@/app/actions/project-actions";
import { buttonDanger, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { markDeletingHere } from "./deleting-here";

export function DeleteProjectSection(props: { projectId: string; name: string; imageCount: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = typed.trim() === props.name.trim();
  const remove = () =>
    startTransition(async () => {
      setError(null);
      markDeletingHere(props.projectId);
      const result = await deleteProjectAction({ projectId: props.projectId, confirmName: typed });
      if (!result.ok) {
        markDeletingHere(null);
        return setError(result.error);
      }
      router.push(`/projects?deleted=${encodeURIComponent(result.data.name)}`);
    });
  if (!open) {
    return (
      <button type="button" className="text-sm text-red-700 hover:underline" onClick={() => setOpen(true)} data-testid="open-delete-project">
        Delete this project…
      </button>
    );
  }
  return (
    <section className="space-y-2 rounded-md border border-red-200 bg-red-50/60 p-3" role="alertdialog" aria-label={`Delete ${props.name}?`}>
      <p className="text-sm text-slate-800">
        This deletes <span className="font-medium">{props.name}</span> with its {props.imageCount.toLocaleString("en-US")} image{props.imageCount === 1 ? "" : "s"}, their
        masks, tasks and reviews, its batches, label classes, exports and detector versions. It cannot be undone; export the dataset first if you need it.
      </p>
      <label htmlFor="delete-project-confirm" className="block text-sm text-slate-700">
        Type <span className="font-mono font-medium">{props.name}</span> to confirm
      </label>
      <input
        id="delete-project-confirm"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        // Enter here must not submit the edit form around it (that would save the name instead).
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          if (matches && !pending) remove();
        }}
        className={inputField}
        autoComplete="off"
        spellCheck={false}
      />
      <FormError message={error} />
      <div className="flex gap-2">
        <button type="button" className={buttonDanger} disabled={!matches || pending} onClick={remove} data-testid="confirm-delete-project">
          {pending ? "Deleting…" : "Delete project"}
        </button>
        <button type="button" className="text-sm text-slate-600 hover:underline" onClick={() => { setOpen(false); setTyped(""); setError(null); }}>
          Keep it
        </button>
      </div>
    </section>
  );
}
