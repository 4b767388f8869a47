// Which editor tools the drawn masks used, and what a mask made with each
// cost: a tool whose masks take three times as long is worth a look.
import type { ToolStats } from "@/lib/schemas/analytics";
import { figure, TOOL_LABELS } from "./format-figure";

export function ToolUsageTable({ tools }: { tools: ToolStats[] }) {
  if (tools.length === 0) return <p className="text-sm text-slate-500">No masks drawn in the editor yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="tool-usage">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 font-medium">Tool</th>
          <th className="py-2 text-right font-medium">Masks using it</th>
          <th className="py-2 text-right font-medium">Median s / mask</th>
          <th className="py-2 text-right font-medium">Clicks / mask</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {tools.map((tool) => (
          <tr key={tool.tool} data-testid="tool-usage-row" data-tool={tool.tool}>
            <td className="py-2">{TOOL_LABELS[tool.tool] ?? tool.tool}</td>
            <td className="py-2 text-right">{figure(tool.masks)}</td>
            <td className="py-2 text-right">{figure(tool.medianSeconds, " s")}</td>
            <td className="py-2 text-right">{figure(tool.meanClicks)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
