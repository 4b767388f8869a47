// Seeds the demo on an empty database: one account per role and a demo
// project with label classes, members and generated images. Does nothing
// when any user exists, so restarts keep the data as it is.
import { db } from "../db/client";
import { insertUser } from "../users/create-user";
import { createProject } from "../projects/create-project";
import { createLabelClass } from "../projects/create-label-class";
import { addProjectMember } from "../projects/add-project-member";
import { importImage } from "../images/import-image";
import type { Actor } from "../auth/actor";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { generateDemoImages } from "./generate-demo-images";
import { updateProject } from "../projects/update-project";

export async function seedDemo(): Promise<boolean> {
  if ((await db().user.count()) > 0) return false;
  const users = [];
  for (const account of DEMO_ACCOUNTS) users.push(await insertUser(account));
  const admin = users[0];
  if (!admin) throw new Error("demo admin missing");
  const actor: Actor = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
  const project = await createProject({ actor, input: { name: "Demo: shapes and scenes", description: "Generated pictures to try click-to-mask on." } });
  await updateProject({
    actor,
    input: {
      projectId: project.id,
      name: project.name,
      description: project.description,
      instructions: [
        "Give every shape its own mask, labelled \"object\"; mask the floor or table it stands on as \"ground\".",
        "Click inside a shape for a mask (right-click to take a part away), or drag a box around it; Enter keeps the mask.",
        "Masks should follow the edge within a pixel or two: zoom in and use the brush (B) or eraser (E) where they do not.",
      ].join("\n"),
    },
  });
  for (const [name, color] of [["object", "#e6194b"], ["ground", "#3cb44b"]] as const) {
    await createLabelClass({ actor, input: { projectId: project.id, name, color } });
  }
  for (const account of DEMO_ACCOUNTS.slice(1)) {
    const role = account.role === "admin" ? "manager" : account.role;
    await addProjectMember({ actor, input: { projectId: project.id, email: account.email, role } });
  }
  for (const image of await generateDemoImages()) {
    await importImage({ actor, projectId: project.id, fileName: image.fileName, bytes: image.bytes });
  }
  return true;
}

/** Production first run: one admin from the environment, nothing else. */
export async function seedFirstAdmin(): Promise<boolean> {
  const email = process.env.MASKWRIGHT_ADMIN_EMAIL;
  const password = process.env.MASKWRIGHT_ADMIN_PASSWORD;
  if (!email || !password || (await db().user.count()) > 0) return false;
  await insertUser({ email, password, name: "Administrator", role: "admin" });
  return true;
}
