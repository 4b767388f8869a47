import { batchFocusParam } from "@/lib/schemas/tasks";

/** `?batch=<id>` on submit, skip and review routes: claim the next image from that batch only. */
export function readBatchFocus(request: Request): string | undefined {
  return batchFocusParam.parse(new URL(request.url).searchParams.get("batch") ?? undefined);
}
