"use client";
// The editor's Image panel: the project's image attributes (weather, blurry…)
// for the whole picture. A change is saved at once under the same lease as
// the masks; a refused save is shown and the shown values go back.
import { useState } from "react";
import type { AttributeValues, LabelAttribute } from "@/lib/schemas/label-attributes";
import { taskApi } from "../../tasks/task-api";
import { ObjectAttributes } from "./object-attributes";

export function ImageAttributesPanel(props: { imageId: string; taskId: string | null; definitions: readonly LabelAttribute[]; initial: AttributeValues; editable: boolean }) {
  const [values, setValues] = useState(props.initial);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" });
  if (props.definitions.length === 0) return null;
  const save = async (next: AttributeValues) => {
    const before = values;
    setValues(next);
    setState({ kind: "saving" });
    try {
      const answer = await taskApi<{ attributes: AttributeValues }>(`/api/images/${encodeURIComponent(props.imageId)}/attributes`, {
        method: "PUT",
        body: { attributes: next, taskId: props.taskId },
      });
      setValues(answer.attributes);
      setState({ kind: "saved" });
    } catch (failure) {
      setValues(before);
      setState({ kind: "error", message: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  return (
    <section data-testid="image-attributes" data-state={state.kind}>
      <h2 className="mb-1 flex items-center justify-between text-xs font-semibold uppercase tracking-wide text-slate-500">
        Whole image
        <span className="font-normal normal-case text-slate-400">{state.kind === "saving" ? "saving…" : state.kind === "saved" ? "saved" : ""}</span>
      </h2>
      <div className="px-0.5">
        <ObjectAttributes definitions={props.definitions} values={values} expanded editable={props.editable} onChange={(next) => void save(next)} />
      </div>
      {state.kind === "error" && <p className="mt-1 text-xs text-red-700" role="alert">{state.message}</p>}
    </section>
  );
}
