// Filters over the Images tab: one chip per annotate status (with its count),
// a file name search, a label class, an annotator, an image attribute value,
// what review did to the first hand-in, and the order. Plain links and a GET form, so it works before any
// JavaScript and every filtered view has its own URL.
import Form from "next/form";
import Link from "next/link";
import { DATASET_ISSUE_LABELS } from "@/lib/schemas/dataset-checks";
import { IMAGE_SORTS, IMAGE_SORT_LABELS, imageAttributeFilterValue, UNLABELLED_FILTER } from "@/lib/schemas/images";
import type { LabelAttribute } from "@/lib/schemas/label-attributes";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "@/lib/schemas/tasks";
import { buttonSecondary } from "../ui/button-styles";
import { imagesHref, type ImageFilters } from "./images-href";

type Choice = { id: string; name: string };
type Props = {
  projectId: string;
  filters: ImageFilters;
  statusCounts: Record<string, number>;
  imageCount: number;
  labelClasses: Choice[];
  /** Members who can label (annotators and managers). */
  annotators: Choice[];
  /** The project's image attributes: yes/no and list ones can narrow the view. */
  imageAttributes: LabelAttribute[];
};

/** "name=value" choices for the attribute filter: yes / no, and each option of a list. */
function attributeChoices(definitions: LabelAttribute[]): { value: string; text: string }[] {
  return definitions.flatMap((definition) => {
    if (definition.type === "checkbox") return [true, false].map((value) => ({ value: imageAttributeFilterValue(definition.name, value), text: `${definition.name}: ${value ? "yes" : "no"}` }));
    if (definition.type === "select") return definition.options.map((option) => ({ value: imageAttributeFilterValue(definition.name, option), text: `${definition.name}: ${option}` }));
    return [];
  });
}

const chip = "rounded-full border px-3 py-1 text-xs font-medium transition";
const chipOn = "border-brand-600 bg-brand-600 text-white";
const chipOff = "border-slate-300 bg-white text-slate-700 hover:border-brand-400";
// inputField is full width; the filter row sizes its fields to their content.
const compactField =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

export function ImageFilterBar({ projectId, filters, statusCounts, imageCount, labelClasses, annotators, imageAttributes }: Props) {
  const attributeOptions = attributeChoices(imageAttributes);
  const view = { ...filters, page: undefined };
  const chips = [
    { status: undefined, label: "All", count: imageCount },
    ...TASK_STATUSES.map((status) => ({ status, label: TASK_STATUS_LABELS[status], count: statusCounts[status] ?? 0 })),
  ];
  return (
    <div className="space-y-2.5" data-testid="image-filters">
      <nav aria-label="Filter images by status" className="flex flex-wrap gap-1.5">
        {chips.map(({ status, label, count }) => {
          const active = filters.status === status;
          return (
            <Link
              key={label}
              href={imagesHref(projectId, { ...view, status })}
              aria-current={active ? "true" : undefined}
              className={`${chip} ${active ? chipOn : chipOff}`}
              data-testid={`image-filter-${status ?? "all"}`}
            >
              {label} <span className={active ? "text-white/80" : "text-slate-400"}>{count}</span>
            </Link>
          );
        })}
      </nav>
      <Form action={`/projects/${projectId}`} className="flex flex-wrap items-center gap-2" role="search">
        <input type="hidden" name="tab" value="images" />
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.issue && <input type="hidden" name="issue" value={filters.issue} />}
        <input
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          placeholder="Search file names"
          aria-label="Search file names"
          maxLength={200}
          className={`${compactField} w-56 placeholder:text-slate-400`}
        />
        <select name="label" defaultValue={filters.label ?? ""} aria-label="Images with a mask labelled" className={`${compactField} max-w-56`}>
          <option value="">Any label</option>
          <option value={UNLABELLED_FILTER}>A mask without a label</option>
          {labelClasses.map((label) => (
            <option key={label.id} value={label.id}>With {label.name}</option>
          ))}
        </select>
        <select name="annotator" defaultValue={filters.annotator ?? ""} aria-label="Images of annotator" className={`${compactField} max-w-56`}>
          <option value="">Any annotator</option>
          {annotators.map((member) => (
            <option key={member.id} value={member.id}>{member.name}</option>
          ))}
        </select>
        <select name="review" defaultValue={filters.review ?? ""} aria-label="Images by review outcome" className={`${compactField} max-w-56`} data-testid="image-review-filter">
          <option value="">Any review outcome</option>
          <option value="changed">Changed in review</option>
          <option value="as_is">Accepted as handed in</option>
          <option value="unreviewed">Accepted without review</option>
        </select>
        {attributeOptions.length > 0 && (
          <select name="attr" defaultValue={filters.attr ?? ""} aria-label="Images whose attribute is" className={`${compactField} max-w-56`}>
            <option value="">Any image attribute</option>
            {attributeOptions.map((option) => (
              <option key={option.value} value={option.value}>{option.text}</option>
            ))}
          </select>
        )}
        <button type="submit" className={`${buttonSecondary} py-1.5`}>Apply</button>
      </Form>
      {filters.issue && (
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="image-issue-filter">
          <span className="rounded-full border border-amber-300 bg-amber-50 px-3 py-1 font-medium text-amber-900">Check: {DATASET_ISSUE_LABELS[filters.issue]}</span>
          <Link href={imagesHref(projectId, { ...view, issue: undefined })} className="text-brand-700 underline">Show all images</Link>
        </p>
      )}
      <nav aria-label="Order of the images" className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
        Order:
        {IMAGE_SORTS.map((sort) => {
          const active = (filters.sort ?? "oldest") === sort;
          return (
            <Link
              key={sort}
              href={imagesHref(projectId, { ...view, sort })}
              aria-current={active ? "true" : undefined}
              className={`${chip} ${active ? chipOn : chipOff}`}
              data-testid={`image-sort-${sort}`}
            >
              {IMAGE_SORT_LABELS[sort]}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
