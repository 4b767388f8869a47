import { describe, expect, it } from "vitest";
import type { ActivityItem } from "@/lib/schemas/activity";
import { describeActivity } from "./describe-activity";

const item = (action: string, data: Record<string, unknown> = {}, subject: ActivityItem["subject"] = {}): ActivityItem => ({
  id: "e",
  at: "2026-12-07T10:00:00.000Z",
  actor: { id: "u", name: "Mia" },
  action,
  data,
  subject,
});

describe("describeActivity", () => {
  it("names the image, person, label class and batch an event is about", () => {
    expect(describeActivity(item("image.delete", { masks: 3 }, { imageId: "i", imageName: "street.jpg" }))).toBe("deleted the image street.jpg (3 masks)");
    expect(describeActivity(item("member.set", { role: "reviewer" }, { userName: "Rey" }))).toBe("gave Rey the role reviewer");
    expect(describeActivity(item("batch.create", { name: "Week 1", taskCount: 1 }, { batchName: "Week 1" }))).toBe("cut the batch “Week 1” of 1 image");
    expect(describeActivity(item("task.claim", { stage: "review" }, { imageId: "i", imageName: "a.png" }))).toBe("opened a.png to review it");
    expect(describeActivity(item("review.reject", { comments: 2 }, { imageName: "a.png" }))).toBe("sent a.png back with 2 comments");
  });

  it("falls back to the name the event kept, or a plain noun, once the thing is gone", () => {
    expect(describeActivity(item("label.delete", { name: "car" }))).toBe("deleted the label class “car”");
    expect(describeActivity(item("label.delete"))).toBe("deleted a label class");
    expect(describeActivity(item("batch.update"))).toBe("changed a batch");
    expect(describeActivity(item("task.submit"))).toBe("handed in an image for review");
    expect(describeActivity(item("member.remove"))).toBe("removed a member from the project");
  });

  it("tells a rename from a recolour, and summarises imports", () => {
    expect(describeActivity(item("label.update", { from: { name: "car" }, to: { name: "vehicle" } }))).toBe("renamed the label class “car” to “vehicle”");
    expect(describeActivity(item("label.update", { from: { name: "car", color: "#ff0000" }, to: { name: "car", color: "#00ff00" } }, { labelName: "car" }))).toBe("changed the colour of the label class “car”");
    expect(describeActivity(item("image.import_folder", { imported: 12, duplicates: 1, failed: 0, folder: "set-a" }))).toBe(
      "imported 12 images from the server folder set-a (1 duplicates, 0 failed)",
    );
    expect(describeActivity(item("question.ask", { text: "Is a reflection a car?" }))).toMatch(/^asked about .*: “Is a reflection a car\?”$/);
    expect(describeActivity(item("label.merge", { from: "auto", into: "car", masks: 12 }))).toBe("merged the label class “auto” into “car” (12 masks)");
    expect(describeActivity(item("image.import_zip", { imported: 48, duplicates: 2, failed: 1, archive: "day-1.zip" }))).toBe(
      "imported 48 images from day-1.zip (2 duplicates, 1 failed)",
    );
    expect(describeActivity(item("coco.import", { fileName: "instances.json", images: 50, annotations: 470 }))).toBe("imported instances.json: 50 images, 470 masks");
    expect(describeActivity(item("export.start", { format: "coco" }))).toBe("started a COCO export");
    expect(describeActivity(item("export.keep", { format: "yolo", keep: true }))).toBe("kept a YOLO export");
    expect(describeActivity(item("export.keep", { format: "png", keep: false }))).toBe("let expire a PNG export");
    expect(describeActivity(item("project.image_attributes", {}))).toBe("changed the image attributes");
    expect(describeActivity(item("label.update", { name: "car", from: { name: "car", color: "#f00", attributes: [] }, to: { name: "car", color: "#f00", attributes: [{ name: "occluded" }] } }))).toContain("changed the attributes of");
    expect(describeActivity(item("label.update", { name: "car", from: { name: "car", color: "#f00", description: "" }, to: { name: "car", color: "#f00", description: "any car" } }))).toContain("changed the description of");
    expect(describeActivity(item("webhook.create", { url: "https://ci.example.com/hook" }))).toBe("added a webhook to https://ci.example.com/hook");
    expect(describeActivity(item("webhook.update", { url: "https://ci.example.com/hook", active: false }))).toBe("changed the webhook to https://ci.example.com/hook (paused)");
    expect(describeActivity(item("something.new"))).toBe("something.new");
  });
});
