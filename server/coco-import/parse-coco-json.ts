// Bytes -> validated COCO structure, with the size limit checked first.
// Python's json module writes NaN, Infinity and -Infinity for non-finite
// floats; they are not JSON, but a file holding them is a COCO file with bad
// coordinates, and the user should hear exactly that ("polygon 0 coordinate 3
// is NaN"), not "invalid JSON at position 81234". So when strict parsing
// fails, those tokens (outside strings) are read as the numbers they mean and
// the segmentation checks reject them with a precise message.
import { AppError } from "../errors/app-error";
import { cocoDatasetSchema, type CocoDataset } from "./coco-dataset-schema";

export const DEFAULT_MAX_COCO_JSON_BYTES = 256 * 1024 * 1024;

const NON_FINITE: Record<string, number> = {
  "\u0000mw:NaN": NaN,
  "\u0000mw:Infinity": Infinity,
  "\u0000mw:-Infinity": -Infinity,
};

function quoteNonFiniteTokens(text: string): string {
  let out = "";
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    for (const token of ["-Infinity", "Infinity", "NaN"]) {
      if (text.startsWith(token, i)) {
        out += `${text.slice(last, i)}"\\u0000mw:${token}"`;
        i += token.length - 1;
        last = i + 1;
        break;
      }
    }
  }
  return out + text.slice(last);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (strictError) {
    try {
      return JSON.parse(quoteNonFiniteTokens(text), (_key, value: unknown) =>
        typeof value === "string" && value in NON_FINITE ? NON_FINITE[value] : value,
      );
    } catch {
      const detail = strictError instanceof Error ? strictError.message : String(strictError);
      throw new AppError("bad_request", `The annotations file is not valid JSON (${detail}).`, { reason: "invalid_json" });
    }
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function parseCocoJson(options: { bytes: Uint8Array; maxBytes?: number }): CocoDataset {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_COCO_JSON_BYTES;
  if (options.bytes.byteLength > maxBytes) {
    throw new AppError("payload_too_large", `The annotations file is ${megabytes(options.bytes.byteLength)}; the limit is ${megabytes(maxBytes)}.`, {
      reason: "json_too_large",
      byteSize: options.bytes.byteLength,
      maxBytes,
    });
  }
  if (options.bytes.byteLength === 0) throw new AppError("bad_request", "The annotations file is empty.", { reason: "invalid_json" });
  const text = new TextDecoder("utf-8", { fatal: false }).decode(options.bytes);
  const parsed = cocoDatasetSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`);
    throw new AppError("bad_request", `The annotations file is not a COCO instances file: ${issues.join("; ")}.`, { reason: "invalid_coco", issues });
  }
  return parsed.data;
}
