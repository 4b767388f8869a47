"use client";
// The batch the person chose on the work queue (`?batch=` on the editor and
// review pages): submit, skip and review decisions carry it so the next image
// comes from the same batch.
import { useSearchParams } from "next/navigation";

export function useBatchFocus(): { batchId: string | null; query: string } {
  const batchId = useSearchParams().get("batch");
  return { batchId, query: batchId ? `?batch=${encodeURIComponent(batchId)}` : "" };
}
