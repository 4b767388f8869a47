"use client";
// The managers' list of unanswered questions (Work queue tab), oldest first:
// each links to its image and takes an answer in place; answered ones leave.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { QuestionDto } from "@/lib/schemas/questions";
import { card } from "../ui/button-styles";
import { formatUtc } from "../ui/format-utc";
import { usePendingAction } from "../ui/use-pending-action";
import { requestJson } from "../ui/request-json";

function AnswerForm({ question, onAnswered }: { question: QuestionDto; onAnswered: (id: string) => void }) {
  const [answer, setAnswer] = useState("");
  const { pending, error, run } = usePendingAction();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      await requestJson<QuestionDto>(`/api/questions/${question.id}/answer`, { json: { answer }, failure: "The answer was not saved" });
      onAnswered(question.id);
    });
  }
  return (
    <form onSubmit={submit} className="mt-1.5 flex flex-wrap items-start gap-2" aria-label={`Answer the question about ${question.fileName}`}>
      <textarea value={answer} onChange={(event) => setAnswer(event.target.value)} rows={1} maxLength={2000} aria-label="Answer" placeholder="Your answer" className="min-w-64 flex-1 rounded border border-slate-300 px-2 py-1 text-sm" />
      <button type="submit" disabled={pending || answer.trim() === ""} className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">Answer</button>
      {error && <p className="w-full text-xs text-red-700" role="alert">{error}</p>}
    </form>
  );
}

export function OpenQuestionsList({ projectId, initial }: { projectId: string; initial: QuestionDto[] }) {
  const [questions, setQuestions] = useState(initial);
  if (questions.length === 0) return null;
  return (
    <section className={`${card} p-5`} aria-labelledby="open-questions-title" data-testid="open-questions">
      <h2 id="open-questions-title" className="text-lg font-semibold">Questions from the team ({questions.length})</h2>
      <ul className="mt-2 divide-y divide-slate-100">
        {questions.map((question) => (
          <li key={question.id} className="py-2.5" data-testid="open-question">
            <p className="text-sm text-slate-800">“{question.text}”</p>
            <p className="text-xs text-slate-500">
              {question.authorName} about{" "}
              <Link href={`/projects/${projectId}/annotate/${question.imageId}`} className="text-brand-700 underline">{question.fileName}</Link> · {formatUtc(question.createdAt)}
            </p>
            <AnswerForm question={question} onAnswered={(id) => setQuestions((current) => current.filter((item) => item.id !== id))} />
          </li>
        ))}
      </ul>
    </section>
  );
}
