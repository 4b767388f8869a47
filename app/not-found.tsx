import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600">This page does not exist, or you are not a member of its project.</p>
      <Link href="/projects" className="text-sm font-medium text-brand-600 hover:underline">Back to projects</Link>
    </main>
  );
}
