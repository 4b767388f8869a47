// A batch's due date: a calendar day (stored as a DATE), set when the batch is
// cut or later, and never to a day already past (UTC) — a past day is a typo.
import { AppError } from "../errors/app-error";

/** Today as YYYY-MM-DD in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The stored value for a due date from the input (already shaped by calendarDay); null clears it. */
export function dueOnFromInput(value: string | null, now: Date = new Date()): Date | null {
  if (value === null) return null;
  const today = utcDay(now);
  if (value < today) throw new AppError("bad_request", `The due date ${value} is already past (today is ${today}, UTC).`);
  return new Date(`${value}T00:00:00Z`);
}

/** A stored due date back to YYYY-MM-DD. */
export function dueOnText(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}
