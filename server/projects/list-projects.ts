// The projects an actor may see (admins: all), with the numbers the list shows.
import { db } from "../db/client";
import type { Actor } from "../auth/actor";

export async function listProjects(options: { actor: Actor }) {
  const { actor } = options;
  const projects = await db().project.findMany({
    where: actor.role === "admin" ? {} : { memberships: { some: { userId: actor.id } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
      _count: { select: { images: true, memberships: true, annotations: true } },
    },
  });
  return projects.map((project) => ({
    id: project.id,
    name: project.name,
    description: project.description,
    createdAt: project.createdAt,
    myRole: project.memberships[0]?.role ?? (actor.role === "admin" ? "admin" : null),
    imageCount: project._count.images,
    memberCount: project._count.memberships,
    annotationCount: project._count.annotations,
  }));
}
