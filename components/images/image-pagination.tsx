// "Showing 49–96 of 1,234" and page links for the Images tab.
import Link from "next/link";
import { imagesHref, pageWindow, type ImageFilters } from "./images-href";

type Props = { projectId: string; filters: ImageFilters; page: number; pageSize: number; total: number; pageCount: number };

const pageLink = "min-w-8 rounded-md border px-2 py-1 text-center text-sm";

export function ImagePagination({ projectId, filters, page, pageSize, total, pageCount }: Props) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const href = (n: number) => imagesHref(projectId, { ...filters, page: n });
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p data-testid="image-range">
        {first > last ? `No images on page ${page}` : `Showing ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </p>
      {pageCount > 1 && (
        <nav aria-label="Image pages" className="flex items-center gap-1">
          {page > 1 && <Link href={href(page - 1)} className={`${pageLink} border-slate-300 bg-white hover:bg-slate-50`}>‹ Previous</Link>}
          {pageWindow(page, pageCount).map((n, index) =>
            n === null ? (
              <span key={`gap-${index}`} className="px-1 text-slate-400">…</span>
            ) : (
              <Link
                key={n}
                href={href(n)}
                aria-current={n === page ? "page" : undefined}
                className={`${pageLink} ${n === page ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
              >
                {n}
              </Link>
            ),
          )}
          {page < pageCount && <Link href={href(page + 1)} className={`${pageLink} border-slate-300 bg-white hover:bg-slate-50`}>Next ›</Link>}
        </nav>
      )}
    </div>
  );
}
