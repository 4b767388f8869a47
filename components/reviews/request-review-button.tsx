"use client";
// "Send to review" on an accepted image's history page (managers): a spot
// check of an image review sampling let through, or a second look.
import { useRouter } from "next/navigation";
import { requestJson } from "../ui/request-json";
import { usePendingAction } from "../ui/use-pending-action";
import { buttonSecondary } from "../ui/button-styles";
import { FormError } from "../ui/form-message";

export function RequestReviewButton({ imageId }: { imageId: string }) {
  const router = useRouter();
  const { pending, error, run } = usePendingAction();
  const send = () =>
    run(async () => {
      await requestJson(`/api/images/${imageId}/review-request`, { json: {}, failure: "Could not send the image to review" });
      router.refresh();
    });
  return (
    <div className="space-y-1">
      <button type="button" className={buttonSecondary} onClick={send} disabled={pending} data-testid="request-review">
        {pending ? "Sending…" : "Send to review"}
      </button>
      <p className="text-xs text-slate-500">Back to the review queue (the batch&apos;s reviewer, else any reviewer); the reviewer then accepts, corrects or sends it back.</p>
      <FormError message={error} />
    </div>
  );
}
