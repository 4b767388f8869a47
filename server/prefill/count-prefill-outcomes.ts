// What happened to pre-filled masks, per image and per project, derived from
// Annotation rows alone (nothing extra is stored, so the numbers can never
// drift from the masks):
//   kept      - the pre-fill row is live, its pixels were never edited (no
//               tool telemetry on it) and somebody decided on it: it was
//               accepted (given a label) or its image was submitted with it;
//   pending   - live and untouched, but nobody has decided yet: no label and
//               the image not submitted. Counting these as "kept" would call
//               every fresh pre-fill a success before an annotator saw it;
//   corrected - a live mask descends from it through originId (a correction,
//               or a correction of a correction), or it was edited in place
//               with a tool;
//   deleted   - the pre-fill row is deleted and no live mask descends from it;
//   manual added after pre-fill - live manual masks with no origin, created
//               after the image's pre-fill, and the seconds spent on them.
// For analytics and managers; the caller checks permissions
// (getPrefillOutcomes does for routes).
import type { PrefillOutcomeCounts, PrefillOutcomes } from "@/lib/schemas/detector";
import { db } from "../db/client";

function emptyCounts(): PrefillOutcomeCounts {
  return { prefilled: 0, kept: 0, pending: 0, corrected: 0, deleted: 0, manualAdded: 0, manualSeconds: 0, secondsPerManualMask: null };
}

export async function countPrefillOutcomes(options: { projectId: string; imageIds?: string[] }): Promise<PrefillOutcomes> {
  const imageFilter = options.imageIds ? { imageId: { in: options.imageIds } } : {};
  const prefills = await db().annotation.findMany({
    where: { projectId: options.projectId, source: "prefill", ...imageFilter },
    select: { id: true, imageId: true, labelClassId: true, deletedAt: true, createdAt: true, toolsUsed: true, clicks: true },
  });
  const prefillImages = [...new Set(prefills.map((row) => row.imageId))];
  // Images an annotator has handed in (a rejected one was handed in, too).
  const submitted = new Set(
    (
      await db().task.findMany({
        where: { imageId: { in: prefillImages }, stage: "annotate", status: { in: ["submitted", "accepted", "rejected"] } },
        select: { imageId: true },
      })
    ).map((task) => task.imageId),
  );
  const others = await db().annotation.findMany({
    where: { projectId: options.projectId, imageId: { in: prefillImages }, source: { not: "prefill" } },
    select: { id: true, imageId: true, originId: true, deletedAt: true, createdAt: true, source: true, secondsSpent: true },
  });
  // originId -> children, to find live descendants of each pre-fill.
  const children = new Map<string, { id: string; live: boolean }[]>();
  for (const row of [...others, ...prefills.map((p) => ({ ...p, originId: null as string | null }))]) {
    if (!row.originId) continue;
    const list = children.get(row.originId) ?? [];
    list.push({ id: row.id, live: row.deletedAt === null });
    children.set(row.originId, list);
  }
  const hasLiveDescendant = (id: string): boolean => {
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const child of children.get(stack.pop()!) ?? []) {
        if (seen.has(child.id)) continue;
        if (child.live) return true;
        seen.add(child.id);
        stack.push(child.id);
      }
    }
    return false;
  };

  const perImage = new Map<string, PrefillOutcomeCounts>();
  const firstPrefill = new Map<string, number>();
  for (const row of prefills) {
    const counts = perImage.get(row.imageId) ?? emptyCounts();
    perImage.set(row.imageId, counts);
    firstPrefill.set(row.imageId, Math.min(firstPrefill.get(row.imageId) ?? Infinity, row.createdAt.getTime()));
    counts.prefilled++;
    const editedInPlace = row.toolsUsed.length > 0 || row.clicks > 0;
    if (hasLiveDescendant(row.id) || (row.deletedAt === null && editedInPlace)) counts.corrected++;
    else if (row.deletedAt !== null) counts.deleted++;
    else if (row.labelClassId !== null || submitted.has(row.imageId)) counts.kept++;
    else counts.pending++;
  }
  for (const row of others) {
    const since = firstPrefill.get(row.imageId);
    if (row.source !== "manual" || row.originId !== null || row.deletedAt !== null || since === undefined) continue;
    if (row.createdAt.getTime() < since) continue;
    const counts = perImage.get(row.imageId)!;
    counts.manualAdded++;
    counts.manualSeconds += row.secondsSpent;
  }
  const project = { ...emptyCounts(), images: perImage.size };
  const images = [...perImage.entries()].map(([imageId, counts]) => {
    counts.secondsPerManualMask = counts.manualAdded > 0 ? counts.manualSeconds / counts.manualAdded : null;
    for (const key of ["prefilled", "kept", "pending", "corrected", "deleted", "manualAdded", "manualSeconds"] as const) project[key] += counts[key];
    return { imageId, ...counts };
  });
  project.secondsPerManualMask = project.manualAdded > 0 ? project.manualSeconds / project.manualAdded : null;
  return { project, images };
}
