// Class names of a YOLO dataset: classes.txt (one per line, line number =
// class index) or the `names:` of an Ultralytics data.yaml, as a block map
// ("  0: person") or an inline list ("names: ['person', 'car']"). Just those
// forms are read, without a YAML library: they are what Ultralytics, Roboflow
// and this project's own YOLO export write.
import { AppError } from "../errors/app-error";

function unquote(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

/** Splits an inline YAML list on commas outside quotes. */
function splitInlineList(body: string): string[] {
  const items: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of body) {
    if (quote) {
      current += char;
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === ",") {
      items.push(current);
      current = "";
    } else current += char;
  }
  if (current.trim() !== "") items.push(current);
  return items.map(unquote);
}

function namesFromYaml(text: string): string[] | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^names\s*:/.test(line));
  if (start < 0) return null;
  const rest = (lines[start] as string).replace(/^names\s*:/, "").trim();
  if (rest.startsWith("[")) {
    if (!rest.endsWith("]")) throw new AppError("bad_request", "data.yaml: the inline names list must be on one line, like names: ['person', 'car'].", { reason: "yolo_names" });
    return splitInlineList(rest.slice(1, -1));
  }
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) break;
    const keyed = /^\s+(\d+)\s*:\s*(.*)$/.exec(line);
    const listed = /^\s+-\s*(.*)$/.exec(line);
    if (keyed) names[Number(keyed[1])] = unquote(keyed[2] as string);
    else if (listed) names.push(unquote(listed[1] as string));
    else throw new AppError("bad_request", `data.yaml: cannot read the names line "${line.trim()}"; write "  0: person" or "  - person".`, { reason: "yolo_names" });
  }
  return Array.from(names, (name, index) => name ?? `class ${index}`);
}

export function parseYoloClassNames(options: { classesTxt?: string; dataYaml?: string }): string[] | null {
  if (options.classesTxt !== undefined) {
    const lines = options.classesTxt.split(/\r?\n/);
    while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === "") lines.pop();
    return lines.map((line, index) => line.trim() || `class ${index}`);
  }
  if (options.dataYaml !== undefined) return namesFromYaml(options.dataYaml);
  return null;
}
