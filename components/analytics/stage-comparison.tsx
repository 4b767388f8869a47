// The data engine's two stages side by side, the comparison the SAM paper
// makes (masks per image, time per mask): does the pre-fill pay off here?
import type { StageStats } from "@/lib/schemas/analytics";
import { figure } from "./format-figure";

const ROWS: { label: string; hint: string; value: (s: StageStats) => string; onlyIfAny?: (s: StageStats) => boolean }[] = [
  { label: "Images handed in", hint: "Submitted or accepted", value: (s) => figure(s.images) },
  { label: "Masks per image", hint: "Live masks, whatever made them", value: (s) => figure(s.masksPerImage) },
  { label: "Drawn per image", hint: "New masks and corrections of pre-fills", value: (s) => figure(s.manualPerImage) },
  { label: "Pre-filled kept per image", hint: "Accepted as the detector made them", value: (s) => figure(s.prefilledPerImage) },
  { label: "Imported per image", hint: "Came with a COCO import", value: (s) => figure(s.importedPerImage), onlyIfAny: (s) => (s.importedPerImage ?? 0) > 0 },
  { label: "Median seconds per drawn mask", hint: "As the editor timed it", value: (s) => figure(s.medianSecondsPerManualMask, " s") },
  { label: "Clicks per drawn mask", hint: "Mean", value: (s) => figure(s.meanClicksPerManualMask) },
  { label: "Drawing seconds per image", hint: "Deleted masks' time included", value: (s) => figure(s.drawingSecondsPerImage, " s") },
];

const STAGE_NAMES: Record<StageStats["stage"], { name: string; note: string }> = {
  assisted_manual: { name: "Assisted-manual", note: "no pre-fill" },
  semi_automatic: { name: "Semi-automatic", note: "pre-filled by the detector" },
};

export function StageComparison({ stages }: { stages: StageStats[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="stage-comparison">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 font-medium">Per image handed in</th>
            {stages.map((stage) => (
              <th key={stage.stage} className="py-2 text-right font-medium">
                {STAGE_NAMES[stage.stage].name}
                <span className="block text-[11px] font-normal normal-case tracking-normal text-slate-400">{STAGE_NAMES[stage.stage].note}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {ROWS.filter((row) => !row.onlyIfAny || stages.some(row.onlyIfAny)).map((row) => (
            <tr key={row.label}>
              <td className="py-2">
                {row.label} <span className="text-xs text-slate-400">{row.hint}</span>
              </td>
              {stages.map((stage) => (
                <td key={stage.stage} className="py-2 text-right" data-testid={`stage-${stage.stage}`}>{row.value(stage)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
