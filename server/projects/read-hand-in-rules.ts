// A project's hand-in rules from Project.settings.handIn, with defaults for
// anything unset or malformed (the edit form validates what it writes).
import { handInRulesSchema, type HandInRules } from "@/lib/schemas/projects";
import { asRecord } from "@/lib/as-record";

export function handInRulesOf(settings: unknown): HandInRules {
  const parsed = handInRulesSchema.safeParse(asRecord(asRecord(settings).handIn));
  return parsed.success ? parsed.data : handInRulesSchema.parse({});
}
