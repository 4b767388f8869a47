// Work per day as small bar charts, one per measure with its own scale (a
// day's masks run into the hundreds while its images stay in tens), drawn as
// plain SVG on the server: no chart library for three bar rows. Every bar has
// a tooltip with its day and value.
import type { DailyThroughput } from "@/lib/schemas/analytics";
import { barHeights } from "./bar-heights";

const SERIES: { key: keyof Omit<DailyThroughput, "day">; label: string; fill: string }[] = [
  { key: "imagesHandedIn", label: "Images handed in", fill: "fill-brand-500" },
  { key: "masksDrawn", label: "Masks drawn", fill: "fill-emerald-500" },
  { key: "reviewDecisions", label: "Review decisions", fill: "fill-amber-500" },
];

const WIDTH = 600;
const HEIGHT = 64;

export function DailyBars({ daily }: { daily: DailyThroughput[] }) {
  const slot = WIDTH / Math.max(1, daily.length);
  const gap = slot > 8 ? 2 : 1;
  return (
    <div className="space-y-4" data-testid="daily-bars">
      {SERIES.map((series) => {
        const values = daily.map((day) => day[series.key]);
        const total = values.reduce((sum, value) => sum + value, 0);
        const heights = barHeights(values, HEIGHT);
        return (
          <figure key={series.key} data-series={series.key}>
            <figcaption className="mb-1 flex justify-between text-xs text-slate-500">
              <span className="font-medium text-slate-700">{series.label}</span>
              <span className="tabular-nums" data-testid={`total-${series.key}`}>{total.toLocaleString("en-US")} in {daily.length} days · peak {Math.max(0, ...values).toLocaleString("en-US")}</span>
            </figcaption>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="h-16 w-full rounded bg-slate-50" role="img" aria-label={`${series.label} per day`}>
              {daily.map((day, index) => (
                <rect key={day.day} x={index * slot + gap / 2} y={HEIGHT - heights[index]!} width={slot - gap} height={heights[index]!} className={series.fill}>
                  <title>{`${day.day}: ${day[series.key]}`}</title>
                </rect>
              ))}
            </svg>
          </figure>
        );
      })}
      <div className="flex justify-between text-[11px] text-slate-400">
        <span>{daily[0]?.day}</span>
        <span>UTC days</span>
        <span>{daily[daily.length - 1]?.day}</span>
      </div>
    </div>
  );
}
