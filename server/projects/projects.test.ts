import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import { createProject } from "./create-project";
import { listProjects } from "./list-projects";
import { getProjectOverview } from "./get-project-overview";
import { addProjectMember } from "./add-project-member";
import { removeProjectMember } from "./remove-project-member";
import { createLabelClass } from "./create-label-class";
import { deleteLabelClass } from "./delete-label-class";
import { updateProject } from "./update-project";
import { requireProjectAccess } from "../auth/project-access";

describe("projects", () => {
  it("managers create projects and become their manager; annotators cannot", async () => {
    const manager = await createTestUser("manager");
    const annotator = await createTestUser("annotator");
    const project = await createProject({ actor: manager, input: { name: "Roads", description: "" } });
    const membership = await db().membership.findUniqueOrThrow({ where: { projectId_userId: { projectId: project.id, userId: manager.id } } });
    expect(membership.role).toBe("manager");
    await expect(createProject({ actor: annotator, input: { name: "Nope", description: "" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createProject({ actor: manager, input: { name: "   ", description: "" } })).rejects.toBeInstanceOf(ZodError);
  });

  it("lists only the projects a user belongs to, all of them for admins", async () => {
    const manager = await createTestUser("manager");
    const outsider = await createTestUser("annotator");
    const admin = await createTestUser("admin");
    const project = await createProject({ actor: manager, input: { name: "Visible to members", description: "" } });
    expect((await listProjects({ actor: manager })).map((p) => p.id)).toContain(project.id);
    expect((await listProjects({ actor: outsider })).map((p) => p.id)).not.toContain(project.id);
    expect((await listProjects({ actor: admin })).map((p) => p.id)).toContain(project.id);
  });

  it("lists live masks only and where each project's annotate tasks stand", async () => {
    const manager = await createTestUser("manager");
    const project = await createProject({ actor: manager, input: { name: "Counted", description: "" } });
    const other = await createProject({ actor: manager, input: { name: "Counted too", description: "" } });
    const statuses = ["accepted", "accepted", "submitted", "todo"] as const;
    for (const [n, status] of statuses.entries()) {
      const image = await db().image.create({
        data: { projectId: project.id, sha256: `list-${project.id}-${n}`, fileName: `${n}.png`, mime: "image/png", byteSize: 1, width: 4, height: 4, storageKey: `k${n}` },
      });
      await db().task.create({ data: { projectId: project.id, imageId: image.id, stage: "annotate", status } });
      await db().task.create({ data: { projectId: project.id, imageId: image.id, stage: "review", status: "todo" } });
      const mask = { projectId: project.id, imageId: image.id, source: "manual" as const, rleCounts: "16", maskHeight: 4, maskWidth: 4, bbox: [0, 0, 4, 4], area: 16 };
      // One live and one deleted mask per image.
      await db().annotation.createMany({ data: [mask, { ...mask, deletedAt: new Date() }] });
    }
    const listed = await listProjects({ actor: manager });
    expect(listed.find((p) => p.id === project.id)).toMatchObject({
      imageCount: 4,
      annotationCount: 4,
      statusCounts: { accepted: 2, submitted: 1, todo: 1 },
    });
    expect(listed.find((p) => p.id === other.id)).toMatchObject({ imageCount: 0, annotationCount: 0, statusCounts: {} });
  });

  it("hides a project from non-members as not found and refuses member-only roles", async () => {
    const manager = await createTestUser("manager");
    const annotator = await createTestUser("annotator");
    const outsider = await createTestUser("reviewer");
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
    await expect(getProjectOverview({ actor: outsider, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getProjectOverview({ actor: annotator, projectId: "does-not-exist" })).rejects.toMatchObject({ code: "not_found" });
    const overview = await getProjectOverview({ actor: annotator, projectId: project.id });
    expect(overview.canManage).toBe(false);
    await expect(requireProjectAccess({ actor: annotator, projectId: project.id, roles: ["manager"] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createLabelClass({ actor: annotator, input: { projectId: project.id, name: "car", color: "#112233" } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("manages members: add by email, change role, keep one manager, removal revokes access", async () => {
    const manager = await createTestUser("manager");
    const annotator = await createTestUser("annotator");
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    await addProjectMember({ actor: manager, input: { projectId: project.id, email: annotator.email, role: "annotator" } });
    await addProjectMember({ actor: manager, input: { projectId: project.id, email: annotator.email, role: "reviewer" } });
    const membership = await db().membership.findUniqueOrThrow({ where: { projectId_userId: { projectId: project.id, userId: annotator.id } } });
    expect(membership.role).toBe("reviewer");
    await expect(addProjectMember({ actor: manager, input: { projectId: project.id, email: "ghost@example.com", role: "annotator" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeProjectMember({ actor: manager, input: { projectId: project.id, userId: manager.id } })).rejects.toMatchObject({ code: "conflict" });
    await removeProjectMember({ actor: manager, input: { projectId: project.id, userId: annotator.id } });
    await expect(getProjectOverview({ actor: annotator, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("creates label classes with unique names and valid colours, and deletes them", async () => {
    const manager = await createTestUser("manager");
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    const car = await createLabelClass({ actor: manager, input: { projectId: project.id, name: "car", color: "#AABBCC" } });
    expect(car.color).toBe("#aabbcc");
    await expect(createLabelClass({ actor: manager, input: { projectId: project.id, name: "car", color: "#000000" } })).rejects.toMatchObject({ code: "conflict" });
    await expect(createLabelClass({ actor: manager, input: { projectId: project.id, name: "bus", color: "red" } })).rejects.toBeInstanceOf(ZodError);
    await deleteLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id } });
    await expect(deleteLabelClass({ actor: manager, input: { projectId: project.id, labelClassId: car.id } })).rejects.toMatchObject({ code: "not_found" });
    const audit = await db().auditEvent.findMany({ where: { projectId: project.id }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(["label.create", "label.delete"]));
  });

  it("lets the project's managers rename it and rewrite its description, and records the change", async () => {
    const manager = await createTestUser("manager");
    const annotator = await createTestUser("annotator");
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
    const before = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    const updated = await updateProject({ actor: manager, input: { projectId: project.id, name: "  Harbour scenes ", description: "Boats only" } });
    expect(updated).toMatchObject({ name: "Harbour scenes", description: "Boats only" });
    const audit = await db().auditEvent.findFirst({ where: { action: "project.update", targetId: project.id } });
    expect(audit).toMatchObject({ actorId: manager.id, data: { from: { name: before.name }, to: { name: "Harbour scenes", description: "Boats only" } } });
    await expect(updateProject({ actor: annotator, input: { projectId: project.id, name: "Mine now" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateProject({ actor: manager, input: { projectId: project.id, name: "   " } })).rejects.toBeInstanceOf(ZodError);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe("Harbour scenes");
  });

  it("keeps instructions for annotators: set, left alone when not sent, refused when too long", async () => {
    const manager = await createTestUser("manager");
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    const text = "One mask per boat.\nLeave out reflections.";
    await updateProject({ actor: manager, input: { projectId: project.id, name: "Boats", instructions: `  ${text}  ` } });
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).instructions).toBe(text);
    const audit = await db().auditEvent.findFirst({ where: { action: "project.update", targetId: project.id }, orderBy: { createdAt: "desc" } });
    expect(audit?.data).toMatchObject({ instructionsChanged: true });
    await updateProject({ actor: manager, input: { projectId: project.id, name: "Boats v2" } });
    expect(await db().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ name: "Boats v2", instructions: text });
    await expect(updateProject({ actor: manager, input: { projectId: project.id, name: "Boats", instructions: "x".repeat(20_001) } })).rejects.toThrow(/Instructions are at most 20,000 characters/);
  });
});
