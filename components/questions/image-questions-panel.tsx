"use client";
// The editor's "Questions" panel: what was asked about this image and the
// managers' answers, and a box to ask something new. Folded while empty so it
// takes one line of the panel.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { QuestionDto } from "@/lib/schemas/questions";
import { formatUtc } from "../ui/format-utc";
import { usePendingAction } from "../ui/use-pending-action";
import { requestJson } from "../ui/request-json";

export function ImageQuestionsPanel({ imageId }: { imageId: string }) {
  const [questions, setQuestions] = useState<QuestionDto[]>([]);
  const [text, setText] = useState("");
  const { pending, error, run } = usePendingAction();

  const load = useCallback(
    () => run(async () => setQuestions((await requestJson<{ questions: QuestionDto[] }>(`/api/images/${imageId}/questions`, { failure: "The request failed" })).questions)),
    [imageId, run],
  );
  useEffect(() => {
    void load();
  }, [load]);

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const question = await requestJson<QuestionDto>(`/api/images/${imageId}/questions`, { json: { text }, failure: "The request failed" });
      setQuestions((current) => [...current, question]);
      setText("");
    });
  }

  const open = questions.filter((question) => question.answer === null).length;
  return (
    <details className="rounded-md border border-slate-200 px-2.5 py-2 text-sm" data-testid="image-questions" open={questions.length > 0}>
      <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-slate-500">
        Questions {questions.length > 0 && `(${questions.length}${open > 0 ? `, ${open} open` : ""})`}
      </summary>
      <ul className="mt-2 space-y-2">
        {questions.map((question) => (
          <li key={question.id} className="text-xs" data-testid="image-question">
            <p className="text-slate-800">“{question.text}”</p>
            <p className="text-slate-500">{question.authorName} · {formatUtc(question.createdAt)}</p>
            {question.answer === null ? (
              <p className="text-amber-700">Not answered yet</p>
            ) : (
              <p className="mt-0.5 rounded bg-emerald-50 px-2 py-1 text-emerald-900" data-testid="image-question-answer">
                {question.answer} <span className="text-emerald-700">— {question.answeredByName}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={ask} className="mt-2 space-y-1.5" aria-label="Ask the managers">
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={1000}
          rows={2}
          placeholder="Unsure how to label something here? Ask the managers."
          aria-label="Question about this image"
          className="block w-full rounded border border-slate-300 px-2 py-1 text-xs"
        />
        {error && <p className="text-xs text-red-700" role="alert">{error}</p>}
        <button type="submit" disabled={pending || text.trim() === ""} className="rounded bg-brand-600 px-2.5 py-1 text-xs font-medium text-white disabled:opacity-50">
          Ask
        </button>
      </form>
    </details>
  );
}
