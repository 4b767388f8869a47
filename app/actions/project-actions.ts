"use server";

import { updateImageAttributeDefinitions } from "@/server/projects/update-image-attribute-definitions";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/server/http/run-action";
import { createProject } from "@/server/projects/create-project";
import { addProjectMember } from "@/server/projects/add-project-member";
import { removeProjectMember } from "@/server/projects/remove-project-member";
import { createLabelClass } from "@/server/projects/create-label-class";
import { deleteLabelClass } from "@/server/projects/delete-label-class";
import { mergeLabelClass } from "@/server/projects/merge-label-class";
import { updateLabelClass } from "@/server/projects/update-label-class";
import { updateProject } from "@/server/projects/update-project";
import { deleteProject } from "@/server/projects/delete-project";
import { addLabelClasses, type AddedLabelClasses } from "@/server/projects/add-label-classes";
import { copyLabelClasses } from "@/server/projects/copy-label-classes";
import { AppError } from "@/server/errors/app-error";
import { moveLabelClass } from "@/server/projects/move-label-class";
import type { DeleteProjectInput, MoveLabelClassInput, UpdateLabelClassInput } from "@/lib/schemas/projects";
import {
  addLabelClassesInput,
  copyLabelClassesInput,
  createProjectInput,
  addMemberInput,
  deleteProjectInput,
  labelClassInput,
  labelNamesFromText,
  updateProjectInput,
} from "@/lib/schemas/projects";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createProjectAction(_: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async (actor) => {
    const input = createProjectInput.parse({ name: text(form, "name"), description: text(form, "description") });
    const project = await createProject({ actor, input });
    revalidatePath("/projects");
    return { id: project.id };
  });
}

export async function addMemberAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const input = addMemberInput.parse({ projectId: text(form, "projectId"), email: text(form, "email"), role: text(form, "role") });
    await addProjectMember({ actor, input });
    revalidatePath(`/projects/${input.projectId}`);
    return null;
  });
}

export async function removeMemberAction(projectId: string, userId: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await removeProjectMember({ actor, input: { projectId, userId } });
    revalidatePath(`/projects/${projectId}`);
    return null;
  });
}

export async function createLabelClassAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const input = labelClassInput.parse({ projectId: text(form, "projectId"), name: text(form, "name"), color: text(form, "color") });
    await createLabelClass({ actor, input });
    revalidatePath(`/projects/${input.projectId}`);
    return null;
  });
}

export async function deleteLabelClassAction(projectId: string, labelClassId: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await deleteLabelClass({ actor, input: { projectId, labelClassId } });
    revalidatePath(`/projects/${projectId}`);
    return null;
  });
}

export async function mergeLabelClassAction(projectId: string, labelClassId: string, intoLabelClassId: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await mergeLabelClass({ actor, input: { projectId, labelClassId, intoLabelClassId } });
    revalidatePath(`/projects/${projectId}`);
    return null;
  });
}

export async function updateLabelClassAction(input: UpdateLabelClassInput): Promise<ActionResult> {
  return runAction(async (actor) => {
    await updateLabelClass({ actor, input });
    revalidatePath(`/projects/${input.projectId}`);
    return null;
  });
}

export async function moveLabelClassAction(input: MoveLabelClassInput): Promise<ActionResult> {
  return runAction(async (actor) => {
    await moveLabelClass({ actor, input });
    revalidatePath(`/projects/${input.projectId}`);
    return null;
  });
}

export async function updateImageAttributesAction(projectId: string, attributes: unknown): Promise<ActionResult> {
  return runAction(async (actor) => {
    await updateImageAttributeDefinitions({ actor, projectId, attributes });
    revalidatePath(`/projects/${projectId}`);
    return null;
  });
}

export async function updateProjectAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const input = updateProjectInput.parse({
      projectId: text(form, "projectId"),
      name: text(form, "name"),
      description: text(form, "description"),
      instructions: form.has("instructions") ? text(form, "instructions") : undefined,
      // The form always sends the rules; an unticked checkbox sends nothing, which means "off".
      handInRules: form.has("minMasks")
        ? { requireLabels: form.get("requireLabels") === "on", requireImageAttributes: form.get("requireImageAttributes") === "on", minMasks: text(form, "minMasks") || "0" }
        : undefined,
      reviewSampling: form.has("reviewPercent")
        ? { percent: text(form, "reviewPercent") || "100", firstHandIns: text(form, "reviewFirstHandIns") || "0", trustAt: text(form, "reviewTrustAt") || "0" }
        : undefined,
    });
    await updateProject({ actor, input });
    revalidatePath(`/projects/${input.projectId}`);
    revalidatePath("/projects");
    return null;
  });
}

export async function deleteProjectAction(raw: DeleteProjectInput): Promise<ActionResult<{ name: string }>> {
  return runAction(async (actor) => {
    const input = deleteProjectInput.parse(raw);
    const deleted = await deleteProject({ actor, projectId: input.projectId, confirmName: input.confirmName });
    revalidatePath("/projects");
    return { name: deleted.name };
  });
}

export async function addLabelClassesAction(_: unknown, form: FormData): Promise<ActionResult<AddedLabelClasses>> {
  return runAction(async (actor) => {
    const input = addLabelClassesInput.parse({ projectId: text(form, "projectId"), text: text(form, "names") });
    const { names, error } = labelNamesFromText(input.text);
    if (error) throw new AppError("bad_request", error);
    const added = await addLabelClasses({ actor, projectId: input.projectId, labels: names.map((name) => ({ name })) });
    revalidatePath(`/projects/${input.projectId}`);
    return added;
  });
}

export async function copyLabelClassesAction(_: unknown, form: FormData): Promise<ActionResult<AddedLabelClasses>> {
  return runAction(async (actor) => {
    const input = copyLabelClassesInput.parse({ projectId: text(form, "projectId"), fromProjectId: text(form, "fromProjectId") });
    const added = await copyLabelClasses({ actor, projectId: input.projectId, fromProjectId: input.fromProjectId });
    revalidatePath(`/projects/${input.projectId}`);
    return added;
  });
}
