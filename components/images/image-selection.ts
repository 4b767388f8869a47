// The Images tab's selection, as plain immutable data: which images a manager
// ticked (with what the bulk actions need to say about them), kept per project
// across pages and filters so a selection can be built from several views.
export type SelectedImage = { fileName: string; maskCount: number };
export type ImageSelection = ReadonlyMap<string, SelectedImage>;

export const EMPTY_SELECTION: ImageSelection = new Map();

export function toggleImage(selection: ImageSelection, imageId: string, image: SelectedImage): ImageSelection {
  const next = new Map(selection);
  if (next.has(imageId)) next.delete(imageId);
  else next.set(imageId, image);
  return next;
}

/** Selects (or unselects) every image given, e.g. the page shown. */
export function setImages(selection: ImageSelection, images: ({ id: string } & SelectedImage)[], selected: boolean): ImageSelection {
  const next = new Map(selection);
  for (const image of images) {
    if (selected) next.set(image.id, { fileName: image.fileName, maskCount: image.maskCount });
    else next.delete(image.id);
  }
  return next;
}

export function removeImages(selection: ImageSelection, imageIds: Iterable<string>): ImageSelection {
  const next = new Map(selection);
  for (const id of imageIds) next.delete(id);
  return next;
}

export function selectedMaskCount(selection: ImageSelection): number {
  let total = 0;
  for (const image of selection.values()) total += image.maskCount;
  return total;
}

/** What survives a reload (sessionStorage); anything unreadable is an empty selection. */
export function serializeSelection(selection: ImageSelection): string {
  return JSON.stringify([...selection.entries()]);
}

export function parseSelection(text: string | null): ImageSelection {
  if (!text) return EMPTY_SELECTION;
  try {
    const entries = JSON.parse(text) as unknown;
    if (!Array.isArray(entries)) return EMPTY_SELECTION;
    const valid = entries.filter(
      (entry): entry is [string, SelectedImage] =>
        Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1]?.fileName === "string" && Number.isInteger(entry[1]?.maskCount),
    );
    return new Map(valid.map(([id, image]) => [id, { fileName: image.fileName, maskCount: image.maskCount }]));
  } catch {
    return EMPTY_SELECTION;
  }
}
