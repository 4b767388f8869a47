"use client";
// "Spot-check N at random" (managers): sends N images that review sampling
// accepted without review, drawn by the server at random (of one annotator's
// when given), back to the review queue. Shown on the Images tab's "Accepted
// without review" view and per annotator on Analytics. It stays mounted when
// the refresh after sending empties its list, so the confirmation stays.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_BULK_IMAGES } from "@/lib/schemas/images";
import { countOf } from "../ui/count-of";
import { buttonSecondary, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { requestJson } from "../ui/request-json";
import { usePendingAction } from "../ui/use-pending-action";

type Props = {
  projectId: string;
  /** Draw only from this annotator's hand-ins. */
  annotator?: { id: string; name: string };
  /** How many wait, when the page knows: 0 shows no form (only a confirmation, if any). */
  waiting?: number;
  /** One line, for a table cell. */
  compact?: boolean;
};

const DEFAULT_COUNT = 5;

export function SpotCheckControl({ projectId, annotator, waiting, compact = false }: Props) {
  const router = useRouter();
  const { pending, error, run } = usePendingAction();
  const [count, setCount] = useState(String(Math.max(1, Math.min(DEFAULT_COUNT, waiting ?? DEFAULT_COUNT))));
  const [sent, setSent] = useState<string | null>(null);
  const from = annotator ? ` from ${annotator.name}` : "";

  const send = () =>
    run(async () => {
      setSent(null);
      const json = { count: Number(count), ...(annotator ? { annotatorId: annotator.id } : {}) };
      const result = await requestJson<{ requested: unknown[]; available: number }>(`/api/projects/${projectId}/images/spot-check`, { json, failure: "Could not send images to review" });
      const n = result.requested.length;
      // "Sent 2 of 3 images to review." / "Sent 1 image to review."
      setSent(n < result.available ? `Sent ${n.toLocaleString("en-US")} of ${countOf(result.available, "image")} to review.` : `Sent ${countOf(n, "image")} to review.`);
      router.refresh();
    });

  const confirmation = sent && <span role="status" className="text-emerald-700" data-testid="spot-check-sent">{sent}</span>;
  if (waiting === 0) {
    if (!confirmation) return compact ? <span className="text-slate-400">—</span> : null;
    return compact ? confirmation : <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm">{confirmation}</p>;
  }

  const input = (
    <input
      type="number"
      min={1}
      // Not capped at `waiting`: the server sends what waits, and a refresh must not leave a stale value over the cap.
      max={MAX_BULK_IMAGES}
      required
      value={count}
      onChange={(event) => setCount(event.target.value)}
      aria-label={`Images to spot-check${from}`}
      className={`${inputField.replace("w-full", "")} w-20 shrink-0 py-1`}
    />
  );
  const button = (
    <button type="submit" className={`${buttonSecondary} whitespace-nowrap`} disabled={pending} title={`Drawn at random from the images accepted without review${from}`}>
      {pending ? "Sending…" : compact ? "Spot-check" : "Send to review"}
    </button>
  );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    send();
  };

  if (compact) {
    return (
      <form className="inline-flex flex-col items-end gap-1" aria-label={`Spot check${from}`} data-testid="spot-check" onSubmit={submit}>
        <span className="inline-flex items-center gap-2">{input}{button}</span>
        {confirmation && <span className="text-xs">{confirmation}</span>}
        <FormError message={error} />
      </form>
    );
  }
  return (
    <form className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm" aria-label={`Spot check${from}`} data-testid="spot-check" onSubmit={submit}>
      <span className="text-slate-700">Spot check: send</span>
      {input}
      <span className="text-slate-700">drawn at random from the images accepted without review{from}</span>
      {button}
      {confirmation}
      <FormError message={error} />
    </form>
  );
}
