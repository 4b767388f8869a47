// Runs of the same thing by the same person (fifty "imported …" lines from one
// upload, a reviewer's morning of "accepted …") read as one line that opens
// into its parts. Only neighbours on the same page group, so paging stays exact.
import type { ActivityItem } from "@/lib/schemas/activity";

export type ActivityGroup = { key: string; items: ActivityItem[] };

/** Shorter runs stay as separate lines: grouping two lines hides more than it saves. */
export const MIN_GROUP = 3;

export function groupActivity(items: ActivityItem[]): ActivityGroup[] {
  const groups: ActivityGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    const first = last?.items[0];
    if (last && first && first.action === item.action && first.actor?.id === item.actor?.id) last.items.push(item);
    else groups.push({ key: item.id, items: [item] });
  }
  // Runs below the minimum go back to one line each.
  return groups.flatMap((group) => (group.items.length >= MIN_GROUP ? [group] : group.items.map((item) => ({ key: item.id, items: [item] }))));
}

const RUN_VERBS: Record<string, (n: number) => string> = {
  "image.import": (n) => `imported ${n} images`,
  "image.delete": (n) => `deleted ${n} images`,
  "task.claim": (n) => `opened ${n} images`,
  "task.submit": (n) => `handed in ${n} images for review`,
  "task.skip": (n) => `skipped ${n} images`,
  "task.release": (n) => `gave ${n} images back to the pool`,
  "task.lease_expired": (n) => `— ${n} leases ran out; their images went back to the pool`,
  "review.accept": (n) => `accepted ${n} images`,
  "review.reject": (n) => `sent ${n} images back`,
  "review.request": (n) => `sent ${n} images to review`,
  "label.create": (n) => `added ${n} label classes`,
  "label.delete": (n) => `deleted ${n} label classes`,
};

/** The one line for a run: a verb for the common runs, else the action and its count. */
export function describeRun(group: ActivityGroup): string {
  const action = group.items[0]?.action ?? "";
  return RUN_VERBS[action]?.(group.items.length) ?? `${action} × ${group.items.length}`;
}
