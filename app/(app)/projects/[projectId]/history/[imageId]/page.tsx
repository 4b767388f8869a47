import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { getImageHistory, type HistoryEntry } from "@/server/reviews/get-image-history";
import { card } from "@/components/ui/button-styles";
import { formatUtc } from "@/components/ui/format-utc";
import { describeHandIn } from "@/components/quality/describe-hand-in";
import { RequestReviewButton } from "@/components/reviews/request-review-button";

export const metadata: Metadata = { title: "Image history" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string; imageId: string }> };

const ACTIONS: Record<string, string> = {
  "image.import": "imported the image",
  "batch.create": "put it in a batch",
  "task.claim": "opened it",
  "task.submit": "submitted it for review",
  "task.skip": "skipped it",
  "task.release": "gave it back to the pool",
  "task.lease_expired": "— the lease expired; back to the pool",
  "task.released_on_revoke": "— returned to the pool (access removed)",
  "review.accept": "accepted it",
  "review.reject": "rejected it",
  "review.request": "sent it to review",
  "annotation.create": "added a mask",
  "annotation.update": "changed a mask",
  "annotation.delete": "deleted a mask",
};

function describe(entry: HistoryEntry): string {
  const base = ACTIONS[entry.action] ?? entry.action;
  const stage = entry.data.stage === "review" ? " (review)" : "";
  const reason = typeof entry.data.reason === "string" ? `: “${entry.data.reason}”` : "";
  if (entry.action === "task.submit" && entry.data.reviewed === false) return "handed it in; accepted without review (not drawn for review: the project reviews a sample)";
  return `${base}${entry.action === "task.claim" ? stage : ""}${reason}`;
}

export default async function ImageHistoryPage({ params }: Props) {
  const { projectId, imageId } = await params;
  const actor = await pageActor();
  const history = await getImageHistory({ actor, imageId }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  if (history.image.projectId !== projectId) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">History of {history.image.fileName}</h1>
      <Link href={`/projects/${projectId}/queue`} className="text-sm text-brand-700 hover:underline">Back to the work queue</Link>
      {history.canRequestReview && <RequestReviewButton imageId={history.image.id} />}
      <ol className={`${card} divide-y divide-slate-100`} data-testid="image-history">
        {history.entries.length === 0 && <li className="p-4 text-sm text-slate-500">Nothing has happened to this image yet.</li>}
        {history.entries.map((entry, index) => (
          <li key={index} className="p-3 text-sm" data-testid="history-entry" data-action={entry.action}>
            <time className="mr-3 tabular-nums text-slate-500" dateTime={entry.at}>{formatUtc(entry.at)}</time>
            <span className="font-medium">{entry.actor?.name ?? "System"}</span> {describe(entry)}
            {entry.handIn && (
              <p className="mt-1 pl-[7.5rem] text-xs text-slate-600" data-testid="hand-in-quality">
                {describeHandIn(entry.handIn.quality)}
              </p>
            )}
            {entry.comments && entry.comments.length > 0 && (
              <ul className="mt-1 list-disc pl-10 text-slate-700">
                {entry.comments.map((comment, i) => (
                  <li key={i}>
                    {comment.comment}
                    {comment.pinX !== null && comment.pinY !== null && <span className="text-slate-500"> (at {Math.round(comment.pinX)}, {Math.round(comment.pinY)})</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
