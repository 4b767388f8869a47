// One activity-log line in words, after the actor's name ("Mia Manager
// deleted the image street.jpg (3 masks)"). Events keep different data; a
// missing name reads as a plain noun rather than an id.
import { asRecord } from "@/lib/as-record";
import { countOf } from "@/components/ui/count-of";
import type { ActivityItem } from "@/lib/schemas/activity";

const num = (value: unknown) => (typeof value === "number" ? value : 0);
const str = (value: unknown) => (typeof value === "string" ? value : undefined);
/** "the label class “car”", or "a label class" once nobody knows its name. */
const named = (noun: string, name: string | undefined) => (name ? `the ${noun} “${name}”` : `a ${noun}`);

export function describeActivity(item: ActivityItem): string {
  const { data, subject } = item;
  const image = subject.imageName ?? "an image";
  const label = named("label class", subject.labelName ?? str(data.name) ?? str((data.to as Record<string, unknown> | undefined)?.name));
  const person = subject.userName ?? "a member";
  const batch = named("batch", subject.batchName ?? str(data.name));
  const review = data.stage === "review" ? " to review it" : "";
  switch (item.action) {
    case "project.create": return "created the project";
    case "project.update": return "edited the project's name or description";
    case "label.create": return `added ${label}`;
    case "label.update": {
      const before = asRecord(data.from);
      const after = asRecord(data.to);
      const from = str(before.name);
      const to = str(after.name);
      if (from && to && from !== to) return `renamed the label class “${from}” to “${to}”`;
      if (before.color !== after.color) return `changed the colour of ${label}`;
      if (JSON.stringify(before.attributes ?? []) !== JSON.stringify(after.attributes ?? [])) return `changed the attributes of ${label}`;
      return `changed the description of ${label}`;
    }
    case "label.move": return `moved ${label} to place ${num(data.position) + 1}`;
    case "label.delete": return `deleted ${label}`;
    case "label.merge": return `merged the label class “${str(data.from) ?? "?"}” into “${str(data.into) ?? "?"}” (${countOf(num(data.masks), "mask")})`;
    case "member.set": return `gave ${person} the role ${str(data.role) ?? "member"}`;
    case "member.remove": return `removed ${person} from the project`;
    case "prefill.settings": return "changed the pre-fill settings";
    case "image.import": return `imported ${image}`;
    case "image.import_folder":
      return `imported ${countOf(num(data.imported), "image")} from the server folder ${str(data.folder) ?? ""} (${num(data.duplicates)} duplicates, ${num(data.failed)} failed)`;
    case "image.import_zip":
      return `imported ${countOf(num(data.imported), "image")} from ${str(data.archive) ?? "a zip"} (${num(data.duplicates)} duplicates, ${num(data.failed)} failed)`;
    case "coco.import": return `imported ${str(data.fileName) ?? "a COCO file"}: ${countOf(num(data.images), "image")}, ${countOf(num(data.annotations), "mask")}`;
    case "image.delete": return `deleted the image ${image} (${countOf(num(data.masks), "mask")})`;
    case "batch.create": return `cut ${batch} of ${countOf(num(data.taskCount), "image")}`;
    case "batch.update": return `changed ${batch}`;
    case "batch.due_soon":
      return `— ${batch} is due ${str(data.dueOn) === str(data.today) ? "today" : "tomorrow"} (${str(data.dueOn) ?? "?"}) with ${countOf(num(data.open), "image")} still open`;
    case "batch.overdue": return `— ${batch} is past its due day (${str(data.dueOn) ?? "?"}) with ${countOf(num(data.open), "image")} still open`;
    case "tasks.assign": return `gave ${countOf(num(data.moved), "image")} to ${person}`;
    case "tasks.unassign": return `moved ${countOf(num(data.moved), "image")} back to the pool`;
    case "task.claim": return `opened ${image}${review}`;
    case "task.submit": return data.reviewed === false ? `handed in ${image}, accepted without review (not drawn for review)` : `handed in ${image} for review`;
    case "question.ask": return `asked about ${image}: “${str(data.text) ?? ""}”`;
    case "question.answer": return `answered a question about ${image}: “${str(data.answer) ?? ""}”`;
    case "task.skip": return `skipped ${image}${str(data.reason) ? `: “${str(data.reason)}”` : ""}`;
    case "task.release": return `gave ${image} back to the pool`;
    case "task.lease_expired": return `— the lease on ${image} ran out; it went back to the pool`;
    case "task.released_on_revoke": return `— ${image} went back to the pool (its holder left the project)`;
    case "review.accept": return `accepted ${image}`;
    case "review.reject": return `sent ${image} back with ${countOf(num(data.comments), "comment")}`;
    case "review.request": return `sent ${image} to review`;
    case "detector.train": return `started training detector version ${num(data.version)}`;
    case "detector.activate": return `activated detector version ${num(data.version)}`;
    case "prefill.start": return `queued pre-fill for ${countOf(num(data.images), "image")}`;
    case "export.keep": return `${data.keep ? "kept" : "let expire"} a ${str(data.format)?.toUpperCase() ?? ""} export`.replace("a  export", "an export");
    case "export.start": return `started a ${str(data.format)?.toUpperCase() ?? ""} export`.replace("a  export", "an export");
    case "project.image_attributes": return "changed the image attributes";
    case "webhook.create": return `added a webhook to ${str(data.url) ?? "a URL"}`;
    case "webhook.update": return `changed the webhook to ${str(data.url) ?? "a URL"}${data.active === false ? " (paused)" : ""}`;
    case "webhook.delete": return `deleted the webhook to ${str(data.url) ?? "a URL"}`;
    default: return item.action;
  }
}
