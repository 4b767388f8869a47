"use client";
// A manager's tick box on an image card (top left, over the thumbnail): adds
// the image to the Images tab's selection for the bulk actions.
import { toggleImage } from "./image-selection";
import { useImageSelection } from "./use-image-selection";

export function SelectImageCheckbox(props: { projectId: string; imageId: string; fileName: string; maskCount: number }) {
  const [selection, update] = useImageSelection(props.projectId);
  const checked = selection.has(props.imageId);
  const anySelected = selection.size > 0;
  return (
    <label
      className={`absolute left-1.5 top-1.5 flex h-6 w-6 cursor-pointer items-center justify-center rounded bg-white/90 shadow transition ${
        checked || anySelected ? "opacity-100" : "opacity-0 group-hover:opacity-100 focus-within:opacity-100"
      }`}
    >
      <input
        type="checkbox"
        className="h-4 w-4 cursor-pointer accent-brand-600"
        checked={checked}
        onChange={() => update((current) => toggleImage(current, props.imageId, { fileName: props.fileName, maskCount: props.maskCount }))}
        aria-label={`Select ${props.fileName}`}
        data-testid="select-image"
      />
    </label>
  );
}
