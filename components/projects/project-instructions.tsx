// The project's labelling instructions, where annotators and reviewers work
// (editor panel, review page, work queue): plain text with its line breaks,
// folded to a short preview until opened, since they are read many times.
export function ProjectInstructions({ text, compact = false, defaultOpen = false }: { text: string; compact?: boolean; defaultOpen?: boolean }) {
  if (text.trim() === "") return null;
  return (
    <details className={`rounded-md border border-sky-200 bg-sky-50 ${compact ? "px-2.5 py-1.5 text-xs" : "px-3 py-2 text-sm"}`} open={defaultOpen} data-testid="project-instructions">
      <summary className="cursor-pointer font-medium text-sky-900">Instructions</summary>
      <p className="mt-1 whitespace-pre-wrap break-words text-slate-700">{text}</p>
    </details>
  );
}

/** "Before handing in: …" under the instructions, when the project has hand-in rules. */
export function describeHandInRules(rules: { requireLabels: boolean; minMasks: number; requireImageAttributes?: boolean }): string | null {
  const parts = [rules.requireImageAttributes ? "every image attribute set" : null, rules.requireLabels ? "every mask needs a label" : null, rules.minMasks > 0 ? `at least ${rules.minMasks} mask${rules.minMasks === 1 ? "" : "s"} per image` : null].filter(Boolean);
  return parts.length === 0 ? null : `Before handing in: ${parts.join("; ")}.`;
}

export function HandInRulesNote({ rules }: { rules: { requireLabels: boolean; minMasks: number; requireImageAttributes?: boolean } }) {
  const text = describeHandInRules(rules);
  if (!text) return null;
  return <p className="rounded-md border border-sky-200 bg-white px-3 py-2 text-sm text-sky-900" data-testid="hand-in-rules">{text}</p>;
}
