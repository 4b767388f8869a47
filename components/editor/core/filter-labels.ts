// The label search of the editor's side panel: with more classes than number
// keys, the annotator types part of a name instead of scrolling.

export type IndexedLabel<L> = { label: L; index: number };

/** Labels whose name contains the query (case-insensitive), names starting with it first; each keeps its list index (the relabel command takes it). */
export function filterLabels<L extends { name: string }>(labels: readonly L[], query: string): IndexedLabel<L>[] {
  const needle = query.trim().toLowerCase();
  const indexed = labels.map((label, index) => ({ label, index }));
  if (!needle) return indexed;
  const matches = indexed.filter(({ label }) => label.name.toLowerCase().includes(needle));
  const starts = (entry: IndexedLabel<L>) => (entry.label.name.toLowerCase().startsWith(needle) ? 0 : 1);
  return matches.sort((a, b) => starts(a) - starts(b) || a.index - b.index);
}
