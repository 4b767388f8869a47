import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-slate-600">Ask an administrator if you need it.</p>
      <Link href="/projects" className="text-sm font-medium text-brand-600 hover:underline">Back to projects</Link>
    </main>
  );
}
