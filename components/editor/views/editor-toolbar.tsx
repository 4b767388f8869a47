"use client";
// Tools, brush size, undo/redo, zoom and help, each with its key. Read-only
// (no lease, or a viewer), only the view controls stay enabled.
import type { ToolId } from "../core/editor-store";
import { MIN_MASK_OPACITY } from "../core/mask-opacity";

const TOOLS: { id: ToolId; name: string; key: string }[] = [
  { id: "smart", name: "Smart", key: "S" },
  { id: "brush", name: "Brush", key: "B" },
  { id: "eraser", name: "Eraser", key: "E" },
  { id: "polygon", name: "Polygon", key: "P" },
  { id: "select", name: "Select", key: "V" },
];

const button = "rounded-md border px-2 py-0.5 text-sm disabled:opacity-40";
const idle = "border-slate-200 bg-white text-slate-700 hover:bg-slate-50";
const active = "border-brand-500 bg-brand-50 text-brand-700";

// Buttons do not take focus on click: Enter must keep committing, not re-press the last button.
const keepFocus = (event: React.MouseEvent) => event.preventDefault();

export function EditorToolbar({
  tool,
  brushRadius,
  canUndo,
  canRedo,
  undoLabel,
  redoLabel,
  onTool,
  onBrushSize,
  onUndo,
  onRedo,
  onFit,
  onZoom,
  onHelp,
  prefillCount,
  onAcceptPrefills,
  uncovered,
  onUncovered,
  maskOpacity,
  onMaskOpacity,
  editable = true,
}: {
  tool: ToolId;
  brushRadius: number;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  onTool: (tool: ToolId) => void;
  onBrushSize: (step: 1 | -1) => void;
  onUndo: () => void;
  onRedo: () => void;
  onFit: () => void;
  onZoom: (factor: number) => void;
  onHelp: () => void;
  /** Pending pre-filled masks (the Accept-all button shows while there are any). */
  prefillCount: number;
  onAcceptPrefills: () => void;
  uncovered: boolean;
  onUncovered: () => void;
  maskOpacity: number;
  onMaskOpacity: (opacity: number) => void;
  editable?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="toolbar" aria-label="Editor tools" data-testid="editor-toolbar">
      {TOOLS.map((t) => (
        <button
          key={t.id}
          type="button"
          onMouseDown={keepFocus}
          onClick={() => onTool(t.id)}
          disabled={!editable}
          aria-pressed={tool === t.id}
          data-testid={`tool-${t.id}`}
          className={`${button} ${tool === t.id ? active : idle}`}
          title={`${t.name} (${t.key})`}
        >
          {t.name} <kbd className="ml-0.5 text-[10px] text-slate-400">{t.key}</kbd>
        </button>
      ))}
      <span className="mx-1 flex items-center gap-1 text-xs text-slate-600" data-testid="brush-size">
        <button type="button" onMouseDown={keepFocus} className={`${button} ${idle} px-1.5`} disabled={!editable} onClick={() => onBrushSize(-1)} aria-label="Smaller brush ([)">
          [
        </button>
        <span className="w-12 text-center tabular-nums" data-testid="brush-radius">{brushRadius} px</span>
        <button type="button" onMouseDown={keepFocus} className={`${button} ${idle} px-1.5`} disabled={!editable} onClick={() => onBrushSize(1)} aria-label="Larger brush (])">
          ]
        </button>
      </span>
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <button type="button" onMouseDown={keepFocus} className={`${button} ${idle}`} disabled={!editable || !canUndo} onClick={onUndo} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : "Undo (Ctrl+Z)"} data-testid="undo">
        Undo
      </button>
      <button type="button" onMouseDown={keepFocus} className={`${button} ${idle}`} disabled={!editable || !canRedo} onClick={onRedo} title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : "Redo (Ctrl+Shift+Z)"} data-testid="redo">
        Redo
      </button>
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <button type="button" onMouseDown={keepFocus} className={`${button} ${idle}`} onClick={() => onZoom(0.8)} aria-label="Zoom out (-)">
        −
      </button>
      <button type="button" onMouseDown={keepFocus} className={`${button} ${idle}`} onClick={onFit} title="Fit (F)">
        Fit
      </button>
      <button type="button" onMouseDown={keepFocus} className={`${button} ${idle}`} onClick={() => onZoom(1.25)} aria-label="Zoom in (+)">
        +
      </button>
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <button
        type="button"
        onMouseDown={keepFocus}
        onClick={onUncovered}
        aria-pressed={uncovered}
        className={`${button} ${uncovered ? active : idle}`}
        title="Uncovered view: dim everything already covered by a mask (U)"
        data-testid="uncovered-toggle"
      >
        Uncovered <kbd className="ml-0.5 text-[10px] text-slate-400">U</kbd>
      </button>
      <label className="flex items-center gap-1 text-xs text-slate-600" title="Mask opacity (O steps through full, half, faint)">
        Masks
        <input
          type="range"
          min={MIN_MASK_OPACITY}
          max={1}
          step={0.05}
          value={maskOpacity}
          onChange={(event) => onMaskOpacity(Number(event.target.value))}
          // Arrow keys on a focused slider would also reach the editor's shortcuts: give focus back.
          onPointerUp={(event) => event.currentTarget.blur()}
          className="w-20 accent-brand-600"
          aria-label="Mask opacity"
          data-testid="mask-opacity"
        />
        <span className="w-8 tabular-nums">{Math.round(maskOpacity * 100)}%</span>
      </label>
      {editable && prefillCount > 0 && (
        <button
          type="button"
          onMouseDown={keepFocus}
          onClick={onAcceptPrefills}
          className={`${button} border-amber-400 bg-amber-50 text-amber-800 hover:bg-amber-100`}
          title="Accept all pre-filled masks with the current label (Shift+A)"
          data-testid="accept-prefills"
        >
          Accept {prefillCount} pre-filled <kbd className="ml-0.5 text-[10px] text-amber-600">⇧A</kbd>
        </button>
      )}
      <button type="button" onMouseDown={keepFocus} className={`${button} ${idle} ml-1`} onClick={onHelp} title="Keyboard shortcuts (?)" data-testid="help-button">
        ?
      </button>
    </div>
  );
}
