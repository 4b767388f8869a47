// One CSV line per mask for people who analyse the editor telemetry in a
// spreadsheet or pandas. Fields are quoted when they hold a comma, quote or
// line break (RFC 4180), and a text cell a spreadsheet would run as a formula
// (=, +, -, @ first: file and label names are typed by users) gets a leading
// apostrophe, as OWASP advises for CSV injection.
export const MASK_TELEMETRY_COLUMNS = [
  "mask_id",
  "image_id",
  "file_name",
  "label",
  "source",
  "origin_id",
  "author",
  "clicks",
  "seconds",
  "tools",
  "area",
  "bbox_x",
  "bbox_y",
  "bbox_w",
  "bbox_h",
  "predicted_iou",
  "stability",
  "created_at",
  "deleted_at",
  // JSON of the label's attribute values ({"occluded":true}); last, so earlier columns keep their places.
  "attributes",
] as const;

export type MaskTelemetryRow = Record<(typeof MASK_TELEMETRY_COLUMNS)[number], string | number | null>;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function maskTelemetryCsvLine(row: MaskTelemetryRow): string {
  return `${MASK_TELEMETRY_COLUMNS.map((column) => csvField(row[column])).join(",")}\r\n`;
}

export const MASK_TELEMETRY_HEADER = `${MASK_TELEMETRY_COLUMNS.join(",")}\r\n`;
