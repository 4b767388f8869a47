import Link from "next/link";
import type { Actor } from "@/server/auth/actor";
import { SignOutButton } from "../auth/sign-out-button";

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/projects" className="flex items-center gap-2 font-semibold tracking-tight">
          <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">M</span>
          Maskwright
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <Link href="/projects" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">Projects</Link>
          {actor.role === "admin" && (
            <>
              <Link href="/admin/users" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">Users</Link>
              <Link href="/admin/status" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">Status</Link>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/account" className="hidden rounded-md px-1.5 py-1 text-slate-600 hover:bg-slate-100 sm:inline" data-testid="current-user" title="Your account: change your password">
            {actor.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{actor.role}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
