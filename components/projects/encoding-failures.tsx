import type { EncodingFailure } from "@/server/sam/list-encoding-failures";

export function EncodingFailures({ failures }: { failures: EncodingFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <details className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="encoding-failure-list">
      <summary className="cursor-pointer font-medium">{failures.length} image(s) could not be encoded for click-to-mask</summary>
      <ul className="mt-2 space-y-1">
        {failures.map((failure) => (
          <li key={failure.imageId}>
            <span className="font-medium">{failure.fileName}</span>: {failure.error}
            <span className="text-red-700"> (after {failure.attempts} attempt{failure.attempts === 1 ? "" : "s"})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
