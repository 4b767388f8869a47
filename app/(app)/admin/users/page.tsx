import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { listUsers } from "@/server/users/list-users";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { card } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const actor = await pageActor();
  if (actor.role !== "admin") forbidden();
  const users = await listUsers({ actor });
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_320px]">
      <section aria-labelledby="users-heading">
        <h1 id="users-heading" className="mb-4 text-2xl font-semibold tracking-tight">Users</h1>
        <div className={`${card} overflow-x-auto`}>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                <th className="px-4 py-2 font-medium">Email</th>
                <th className="px-4 py-2 font-medium">Role</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => <UserRow key={user.id} user={user} isSelf={user.id === actor.id} />)}
            </tbody>
          </table>
        </div>
      </section>
      <aside className={`${card} h-fit p-5`}>
        <h2 className="mb-3 font-medium">New user</h2>
        <CreateUserForm />
      </aside>
    </div>
  );
}
