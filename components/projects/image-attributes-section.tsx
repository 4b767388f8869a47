"use client";
// The Label classes tab's "Image attributes": what annotators record about a
// whole picture (weather, blurry, scene type). Managers edit them here.
import { useState } from "react";
import { updateImageAttributesAction } from "@/app/actions/project-actions";
import type { LabelAttribute } from "@/lib/schemas/label-attributes";
import { buttonSecondary } from "../ui/button-styles";
import { describeAttributeDefinition, LabelAttributeEditor } from "./label-attribute-editor";

export function ImageAttributesSection(props: { projectId: string; attributes: LabelAttribute[]; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  if (!props.canManage && props.attributes.length === 0) return null;
  return (
    <section className="space-y-2 border-t border-slate-200 pt-4" aria-label="Image attributes" data-testid="image-attribute-definitions">
      <div className="flex items-center justify-between gap-3">
        <div>
          <h2 className="font-medium">Image attributes</h2>
          <p className="text-xs text-slate-500">
            {props.attributes.length > 0 ? props.attributes.map(describeAttributeDefinition).join(" · ") : "None yet: values about the whole picture, set in the editor's Image panel."}
          </p>
        </div>
        {props.canManage && !editing && (
          <button type="button" className={`${buttonSecondary} px-2 py-1 text-xs`} onClick={() => setEditing(true)}>Edit image attributes</button>
        )}
      </div>
      {editing && (
        <LabelAttributeEditor
          title="Image attributes"
          intro="Annotators set these for the whole picture in the editor's Image panel; COCO and SA-1B exports include them with each image."
          attributes={props.attributes}
          onSave={(attributes) => updateImageAttributesAction(props.projectId, attributes)}
          onDone={() => setEditing(false)}
        />
      )}
    </section>
  );
}
