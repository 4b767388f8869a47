"use client";
// A batch's due date as one short note, coloured when it is close or past.
import { useState } from "react";
import { describeDueDate, DUE_DATE_TONE_CLASS } from "./describe-due-date";

export function BatchDueNote(props: { dueOn: string; openImages: number }) {
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const due = describeDueDate({ dueOn: props.dueOn, today, openImages: props.openImages });
  return (
    <span className={`text-xs ${DUE_DATE_TONE_CLASS[due.tone]}`} data-testid="batch-due">
      {due.text}
    </span>
  );
}
