"use client";
// "Reviewed by" on a batch card: tick the reviewers (managers and reviewers of
// the project) whose queues its hand-ins go to, each hand-in to whoever has
// the fewest open reviews; none ticked: the project's review pool. Each tick
// saves at once (the batch's waiting reviews are dealt out again).
import { useState } from "react";

type Person = { id: string; name: string };

export function BatchReviewerPicker(props: { batchId: string; current: Person[]; candidates: Person[]; disabled: boolean; onChange: (reviewerIds: string[]) => void }) {
  const { current } = props;
  const saved = current.map((person) => person.id).join(",");
  // Ticks show at once; the saved list replaces them when the batch reloads (or the save fails).
  const [state, setState] = useState({ saved, ticked: saved });
  if (state.saved !== saved) setState({ saved, ticked: saved });
  const chosen = new Set(state.ticked ? state.ticked.split(",") : []);
  // A reviewer who left stays listed (ticked) until the list changes.
  const people = [...props.candidates, ...current.filter((person) => !props.candidates.some((candidate) => candidate.id === person.id))];
  const toggle = (id: string, on: boolean) => {
    // Someone no longer a reviewer here (left, or now an annotator) drops off the list with any change:
    // the server accepts only current reviewers and managers.
    const eligible = [...chosen].filter((other) => props.candidates.some((candidate) => candidate.id === other));
    const next = on ? [...eligible, id] : eligible.filter((other) => other !== id);
    setState({ saved, ticked: next.join(",") });
    props.onChange(next);
  };
  const summary = current.length === 0 ? "Any reviewer" : current.map((person) => person.name).join(", ");
  return (
    <details className="group relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1 text-sm shadow-sm" data-testid="batch-reviewers">
        {summary} <span className="text-slate-400">▾</span>
      </summary>
      <div className="absolute z-10 mt-1 max-h-64 w-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg" role="group" aria-label="Reviewed by">
        {people.length === 0 && <p className="text-xs text-slate-500">No reviewers or managers in the project.</p>}
        {people.map((person) => (
          <label key={person.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={chosen.has(person.id)} disabled={props.disabled} onChange={(event) => toggle(person.id, event.target.checked)} />
            {person.name}
          </label>
        ))}
      </div>
    </details>
  );
}
