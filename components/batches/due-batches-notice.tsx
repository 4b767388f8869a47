// Managers, on the project page: batches due today or tomorrow, or late, with
// images still open, each with how far off it is; links to the Batches tab.
import Link from "next/link";
import type { DueBatch } from "@/server/batches/list-due-batches";
import { countOf } from "../ui/count-of";
import { BatchDueNote } from "./batch-due-note";

export function DueBatchesNotice({ projectId, batches }: { projectId: string; batches: DueBatch[] }) {
  if (batches.length === 0) return null;
  return (
    <section className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm" aria-label="Batches due" data-testid="due-batches">
      <p className="font-medium text-amber-900">
        {batches.length === 1 ? "A batch is" : `${batches.length} batches are`} due soon or late with images still open ·{" "}
        <Link href={`/projects/${projectId}/batches`} className="underline">Batches</Link>
      </p>
      <ul className="mt-1 space-y-0.5">
        {batches.map((batch) => (
          <li key={batch.id} data-testid="due-batch">
            <span className="font-medium">{batch.name}</span>: {countOf(batch.open, "image")} open, <BatchDueNote dueOn={batch.dueOn} openImages={batch.open} />
          </li>
        ))}
      </ul>
    </section>
  );
}
