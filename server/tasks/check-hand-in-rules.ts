// Refuses a hand-in that breaks the project's rules, saying what to fix:
// image attributes without a value, masks without a label (pre-fills not yet
// accepted count), or fewer masks than the project asks for. Runs inside the hand-in's transaction, so the
// masks it counts are the ones handed in.
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { handInRulesOf } from "../projects/read-hand-in-rules";
import { readLabelAttributes, storedAttributeValuesFor } from "@/lib/schemas/label-attributes";

/** `project` is the project's settings and image attributes as the submit's transaction read them. */
export async function checkHandInRules(options: { tx: Prisma.TransactionClient; projectId: string; imageId: string; project: { settings: unknown; imageAttributes: unknown } }): Promise<void> {
  const { tx, projectId, imageId, project } = options;
  const rules = handInRulesOf(project.settings);
  if (!rules.requireLabels && rules.minMasks === 0 && !rules.requireImageAttributes) return;
  if (rules.requireImageAttributes) {
    const definitions = readLabelAttributes(project.imageAttributes);
    const image = await tx.image.findUniqueOrThrow({ where: { id: imageId }, select: { attributes: true } });
    const values = storedAttributeValuesFor(definitions, image.attributes);
    const missing = definitions.filter((definition) => values[definition.name] === undefined).map((definition) => definition.name);
    if (missing.length > 0) {
      throw new AppError("conflict", `This project needs every image attribute set: ${missing.map((name) => `“${name}”`).join(", ")} ${missing.length === 1 ? "has" : "have"} no value yet (the editor's Whole image panel).`, {
        reason: "image_attributes_missing",
        missing,
      });
    }
  }
  const live = { projectId, imageId, deletedAt: null };
  const [masks, unlabelled] = await Promise.all([tx.annotation.count({ where: live }), rules.requireLabels ? tx.annotation.count({ where: { ...live, labelClassId: null } }) : 0]);
  if (unlabelled > 0) {
    throw new AppError("conflict", `This project needs a label on every mask: ${unlabelled} of ${masks} ${masks === 1 ? "has" : "have"} none. Give ${unlabelled === 1 ? "it a label or delete it" : "them labels or delete them"} (pre-filled masks count until accepted), then hand in.`, {
      reason: "unlabelled_masks",
      unlabelled,
    });
  }
  if (masks < rules.minMasks) {
    throw new AppError("conflict", `This project asks for at least ${rules.minMasks} mask${rules.minMasks === 1 ? "" : "s"} per image; this one has ${masks}. Label more, or skip the image if it has nothing to label.`, {
      reason: "too_few_masks",
      masks,
      minMasks: rules.minMasks,
    });
  }
}
