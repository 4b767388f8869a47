// Keyboard shortcuts: key event -> editor command, and the table the `?`
// overlay shows. One place, so the overlay can never drift from behaviour.
import type { ToolId } from "../core/editor-store";
import type { CommitMode } from "../core/commands";

export type EditorCommand =
  | { type: "tool"; tool: ToolId }
  | { type: "brushSize"; step: 1 | -1 }
  | { type: "label"; index: number }
  | { type: "commit"; mode: CommitMode }
  | { type: "discard" }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "cycleCandidate"; step: 1 | -1 }
  | { type: "deleteObject" }
  | { type: "cleanUpObject" }
  | { type: "splitObject" }
  | { type: "copyObject" }
  | { type: "pasteObject" }
  | { type: "toggleHidden" }
  | { type: "moveObject"; direction: 1 | -1 }
  | { type: "selectObject"; step: 1 | -1 }
  | { type: "removeVertex" }
  | { type: "fit" }
  | { type: "zoom"; factor: number }
  | { type: "nextImage"; step: 1 | -1 }
  | { type: "acceptPrefill"; all: boolean }
  | { type: "togglePrefillLayer" }
  | { type: "toggleUncovered" }
  | { type: "cycleMaskOpacity" }
  | { type: "help" };

export interface KeyInput {
  key: string;
  code: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

const TOOL_KEYS: Record<string, ToolId> = { s: "smart", b: "brush", e: "eraser", p: "polygon", v: "select" };

export function resolveShortcut(input: KeyInput): EditorCommand | null {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const mod = input.ctrl || input.meta;
  if (mod) {
    if (key === "z") return { type: input.shift ? "redo" : "undo" };
    if (key === "y") return { type: "redo" };
    if (key === "c" && !input.shift) return { type: "copyObject" };
    if (key === "v" && !input.shift) return { type: "pasteObject" };
    return null;
  }
  if (input.alt && (key === "ArrowUp" || key === "ArrowDown")) return { type: "moveObject", direction: key === "ArrowUp" ? 1 : -1 };
  // Digits by code, so Shift+1 ("!") on any layout is still label 1.
  const digit = /^Digit([0-9])$/.exec(input.code)?.[1] ?? /^Numpad([0-9])$/.exec(input.code)?.[1];
  if (digit !== undefined && !input.alt) return { type: "label", index: digit === "0" ? 9 : Number(digit) - 1 };
  switch (key) {
    case "Enter":
      return { type: "commit", mode: input.shift ? "merge" : input.alt ? "subtract" : "new" };
    case "Escape":
      return { type: "discard" };
    case "Delete":
      return { type: "deleteObject" };
    case "Backspace":
      return { type: "removeVertex" };
    case "[":
      return { type: "brushSize", step: -1 };
    case "]":
      return { type: "brushSize", step: 1 };
    case "c":
      return { type: "cycleCandidate", step: input.shift ? -1 : 1 };
    case "h":
      return input.shift ? { type: "togglePrefillLayer" } : { type: "toggleHidden" };
    case "a":
      return { type: "acceptPrefill", all: input.shift };
    case "u":
      return { type: "toggleUncovered" };
    case "r":
      return { type: "cleanUpObject" };
    case "x":
      return { type: "splitObject" };
    case "o":
      return { type: "cycleMaskOpacity" };
    case "f":
      return { type: "fit" };
    case "+":
    case "=":
      return { type: "zoom", factor: 1.25 };
    case "-":
      return { type: "zoom", factor: 0.8 };
    case "n":
      return { type: "nextImage", step: input.shift ? -1 : 1 };
    case "Tab":
      return { type: "selectObject", step: input.shift ? -1 : 1 };
    case "?":
      return { type: "help" };
    default: {
      const tool = TOOL_KEYS[key];
      return tool ? { type: "tool", tool } : null;
    }
  }
}

export interface ShortcutHelp {
  keys: string;
  action: string;
}

export const SHORTCUT_GROUPS: { title: string; items: ShortcutHelp[] }[] = [
  {
    title: "Tools",
    items: [
      { keys: "S", action: "Smart click: left = object, right or Shift+click = background; drag = box" },
      { keys: "B / E", action: "Brush / eraser (Alt inverts while painting)" },
      { keys: "[ / ]", action: "Brush size smaller / larger" },
      { keys: "P", action: "Polygon: click vertices, click the first one or Enter to close, drag vertices" },
      { keys: "V", action: "Select: click an object" },
    ],
  },
  {
    title: "Objects",
    items: [
      { keys: "Enter", action: "Commit the mask as a new object" },
      { keys: "Shift+Enter / Alt+Enter", action: "Add the mask to / cut it from the selected object" },
      { keys: "Esc", action: "Discard the prompts (again: deselect)" },
      { keys: "C / Shift+C", action: "Cycle whole / part / sub-part" },
      { keys: "1-9, 0", action: "Label class (relabels the selected object)" },
      { keys: "L", action: "Find a label by name (projects with more than ten classes); Enter picks it" },
      { keys: "Tab / Shift+Tab", action: "Select next / previous object" },
      { keys: "H", action: "Hide or show the selected object" },
      { keys: "R", action: "Clean up the selected object: fill its small holes, remove its small specks" },
      { keys: "X", action: "Split the selected object into one object per separate part" },
      { keys: "Ctrl+C / Ctrl+V", action: "Copy the selected object; paste it here or on another image (scaled to its size)" },
      { keys: "Delete", action: "Delete the selected object" },
      { keys: "Alt+↑ / Alt+↓", action: "Move the selected object up / down" },
      { keys: "Backspace", action: "Remove the last polygon vertex" },
    ],
  },
  {
    title: "Pre-filled masks",
    items: [
      { keys: "Shift+A", action: "Accept all pre-filled masks (they get the current label)" },
      { keys: "A", action: "Accept the selected pre-filled mask" },
      { keys: "Delete", action: "Delete the selected pre-filled mask" },
      { keys: "B / E, Shift+Enter", action: "Correct it: paint or add to it (the correction keeps a link to it)" },
      { keys: "Shift+H", action: "Show or hide the pre-filled layer" },
      { keys: "U", action: "Uncovered view: dim everything already covered by a mask" },
    ],
  },
  {
    title: "Navigation",
    items: [
      { keys: "Ctrl+Z", action: "Undo (while prompting: remove the last point)" },
      { keys: "Ctrl+Shift+Z / Ctrl+Y", action: "Redo" },
      { keys: "Wheel, + / -", action: "Zoom" },
      { keys: "Space+drag, middle drag", action: "Pan" },
      { keys: "F", action: "Fit the image to the screen" },
      { keys: "O", action: "Mask opacity: full, half, faint (the slider sets any value)" },
      { keys: "N / Shift+N", action: "Next / previous image" },
      { keys: "?", action: "Show or hide this list" },
    ],
  },
];
