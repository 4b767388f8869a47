// A project's hand-in rules (Project.settings.handIn) and review sampling
// (settings.review), with defaults for anything unset or malformed (the edit
// form validates what it writes).
import { handInRulesSchema, reviewSamplingSchema, type HandInRules, type ReviewSampling } from "@/lib/schemas/projects";
import { asRecord } from "@/lib/as-record";

export function handInRulesOf(settings: unknown): HandInRules {
  const parsed = handInRulesSchema.safeParse(asRecord(asRecord(settings).handIn));
  return parsed.success ? parsed.data : handInRulesSchema.parse({});
}

export function reviewSamplingOf(settings: unknown): ReviewSampling {
  const parsed = reviewSamplingSchema.safeParse(asRecord(asRecord(settings).review));
  return parsed.success ? parsed.data : reviewSamplingSchema.parse({});
}
