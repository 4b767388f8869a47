/** A JSON value as an object to read fields from; anything else (a list, a string, null) reads as empty. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
