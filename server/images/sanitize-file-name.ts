// File names come from the client and are shown back in the UI and in
// exports: keep only the last path segment, drop control and bidi-override
// characters (which can disguise an extension), and cap the length while
// keeping the extension visible.

const MAX_LENGTH = 200;
// C0/C1 controls, DEL, and Unicode bidi embedding/override/isolate marks.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeFileName(options: { fileName: string; fallback?: string }): string {
  const fallback = options.fallback ?? "image";
  const lastSegment = options.fileName.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment.normalize("NFC").replace(UNSAFE_CHARS, "").trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..") return fallback;
  const chars = Array.from(cleaned); // by code point, so a cut never splits a surrogate pair
  if (chars.length <= MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, MAX_LENGTH).join("");
  return chars.slice(0, MAX_LENGTH - extension.length - 1).join("") + "…" + extension.join("");
}
