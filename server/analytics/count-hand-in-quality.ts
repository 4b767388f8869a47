// Annotation quality from review: each first hand-in of an accepted image
// (the work before any review feedback) against the masks accepted, summed per
// annotator and per label class. Only `quality` and `annotatorId` are read,
// never the stored masks.
import { handInQualitySchema, type AnnotatorQuality, type HandInQuality, type LabelClassQuality, type ProjectQuality } from "@/lib/schemas/hand-in-quality";
import { db } from "../db/client";
import { acceptedAsHandedIn } from "../quality/compare-hand-in";
import { countReviewerChanges, type ScoredHandInRow } from "./count-reviewer-changes";

type Sums = { handIns: number; asHandedIn: number; accepted: number; handedIn: number; matched: number; relabelled: number; iouSum: number };

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function addTo(sums: Sums, quality: HandInQuality) {
  sums.handIns++;
  if (acceptedAsHandedIn(quality)) sums.asHandedIn++;
  sums.accepted += quality.accepted;
  sums.handedIn += quality.handedIn;
  sums.matched += quality.matched;
  sums.relabelled += quality.relabelled;
  sums.iouSum += quality.iouSum;
}

function annotatorRow(userId: string | null, name: string, sums: Sums): AnnotatorQuality {
  return {
    userId,
    name,
    handIns: sums.handIns,
    acceptedAsHandedIn: sums.asHandedIn,
    recall: ratio(sums.matched, sums.accepted),
    precision: ratio(sums.matched, sums.handedIn),
    meanIou: ratio(sums.iouSum, sums.matched),
    labelAgreement: ratio(sums.matched - sums.relabelled, sums.matched),
  };
}

/** `annotatorId` narrows everything to one person's hand-ins (their own figures on the queue page). */
export async function countHandInQuality(options: { projectId: string; annotatorId?: string }): Promise<ProjectQuality> {
  const { projectId, annotatorId } = options;
  const [rows, classes] = await Promise.all([
    db().handIn.findMany({
      where: { projectId, scoredAt: { not: null }, ...(annotatorId ? { annotatorId } : {}) },
      select: { annotatorId: true, quality: true, imageId: true, scoredAt: true, createdAt: true, reviewerId: true },
    }),
    db().labelClass.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, color: true } }),
  ]);
  const perAnnotator = new Map<string | null, Sums>();
  const perLabel = new Map<string, { accepted: number; found: number; extra: number }>();
  let handIns = 0;
  let resubmitted = 0;
  const scored: ScoredHandInRow[] = [];
  for (const row of rows) {
    const parsed = handInQualitySchema.safeParse(row.quality);
    if (!parsed.success) continue;
    const quality = parsed.data;
    scored.push({ ...row, quality });
    if (!quality.firstOfRound) {
      resubmitted++;
      continue;
    }
    handIns++;
    const sums = perAnnotator.get(row.annotatorId) ?? { handIns: 0, asHandedIn: 0, accepted: 0, handedIn: 0, matched: 0, relabelled: 0, iouSum: 0 };
    addTo(sums, quality);
    perAnnotator.set(row.annotatorId, sums);
    for (const [key, label] of Object.entries(quality.labels)) {
      const total = perLabel.get(key) ?? { accepted: 0, found: 0, extra: 0 };
      total.accepted += label.accepted;
      total.found += label.found;
      total.extra += label.extra;
      perLabel.set(key, total);
    }
  }
  const userIds = [...perAnnotator.keys()].filter((id): id is string => id !== null);
  const users = new Map((await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const annotators = [...perAnnotator.entries()]
    .map(([userId, sums]) => annotatorRow(userId, userId ? (users.get(userId) ?? "Former user") : "Unknown", sums))
    .sort((a, b) => b.handIns - a.handIns || a.name.localeCompare(b.name));
  // Classes in the editor's order; a class deleted since keeps its counts under "Deleted class".
  const known = new Set(classes.map((c) => c.id));
  const labelRow = (labelClassId: string | null, name: string, color: string | null): LabelClassQuality => {
    const total = perLabel.get(labelClassId ?? "none") ?? { accepted: 0, found: 0, extra: 0 };
    return { labelClassId, name, color, ...total, recall: ratio(total.found, total.accepted) };
  };
  const labels = classes.map((c) => labelRow(c.id, c.name, c.color));
  if (perLabel.has("none")) labels.push(labelRow(null, "No label", null));
  const deleted = [...perLabel.entries()].filter(([key]) => key !== "none" && !known.has(key));
  if (deleted.length > 0) {
    const sum = deleted.reduce((acc, [, t]) => ({ accepted: acc.accepted + t.accepted, found: acc.found + t.found, extra: acc.extra + t.extra }), { accepted: 0, found: 0, extra: 0 });
    labels.push({ labelClassId: null, name: "Deleted classes", color: null, ...sum, recall: ratio(sum.found, sum.accepted) });
  }
  // The same rows say what each reviewer did; narrowed to one annotator they would describe only part of it.
  const reviewers = annotatorId ? [] : await countReviewerChanges(scored);
  return { handIns, resubmitted, annotators, labels: labels.filter((label) => label.accepted > 0 || label.extra > 0), reviewers };
}
