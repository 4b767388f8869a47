// Review sampling's trust rule (lib/schemas/projects.ts trustAt), shared by
// the submit's decision and the Analytics tab: over an annotator's latest
// reviewed hand-ins, the share accepted exactly as handed in. No reviewed
// hand-in yet means not trusted: trust is earned in review, not assumed.
import type { HandInQuality } from "@/lib/schemas/hand-in-quality";
import { acceptedAsHandedIn } from "./compare-hand-in";

export function reviewTrust(recent: readonly HandInQuality[], trustAt: number): { reviewed: number; asHandedIn: number; trusted: boolean } {
  const asHandedIn = recent.filter(acceptedAsHandedIn).length;
  return { reviewed: recent.length, asHandedIn, trusted: recent.length > 0 && asHandedIn * 100 >= trustAt * recent.length };
}
