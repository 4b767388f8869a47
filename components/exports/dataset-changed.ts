// A same-page signal that the project's masks changed (an import finished), so
// panels that computed something from them (the checks before export) run again.
export const DATASET_CHANGED_EVENT = "maskwright:dataset-changed";

export function announceDatasetChanged(): void {
  window.dispatchEvent(new Event(DATASET_CHANGED_EVENT));
}
