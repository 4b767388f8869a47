// "CVAT for images 1.1" annotations.xml -> a COCO instances file for the COCO
// import: labels (with their colours) become categories, <mask> elements
// (CVAT's run lengths over a box) full-image RLE masks, <polygon> elements
// COCO polygons, and <attribute> values (typed by the label's declared input
// type) plus CVAT's own "occluded" flag the annotation's attributes, as CVAT's
// COCO export writes them. Shapes that are not areas (boxes, lines, points,
// ellipses, cuboids, skeletons, tags) are counted and left out.
import { createMask, encodeMaskToRle } from "@/lib/mask";
import { AppError } from "../errors/app-error";
import { parseXmlEvents, XmlSyntaxError, type XmlEvent } from "./parse-xml-events";

type Category = { id: number; name: string; color?: string; types: Map<string, string> };
type CocoImage = { id: number; file_name: string; width: number; height: number };
type CocoAnnotation = { id: number; image_id: number; category_id: number; segmentation: unknown; iscrowd: 0; attributes: Record<string, boolean | number | string> };
type Shape = { kind: "mask" | "polygon"; attributes: Record<string, string>; values: Record<string, string>; line: number };

export type CvatConversion = { json: Uint8Array; images: number; shapes: number; skipped: Record<string, number> };

const AREA_SHAPES = new Set(["mask", "polygon"]);
const OTHER_SHAPES = new Set(["box", "polyline", "points", "ellipse", "cuboid", "skeleton", "tag"]);

const bad = (message: string, line?: number) => new AppError("bad_request", `annotations.xml${line ? `, line ${line}` : ""}: ${message}`, { reason: "cvat_xml", line });

function whole(value: string | undefined, what: string, line: number, min = 0): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < min) throw bad(`${what} must be a whole number${min > 0 ? ` of at least ${min}` : ""}, got "${value ?? ""}"`, line);
  return number;
}

/** A <mask>: CVAT's runs over its box (row by row, background first) placed on the whole picture, as COCO RLE. */
function maskSegmentation(shape: Shape, image: CocoImage) {
  const { line } = shape;
  const left = whole(shape.attributes.left, "left", line);
  const top = whole(shape.attributes.top, "top", line);
  const width = whole(shape.attributes.width, "width", line, 1);
  const height = whole(shape.attributes.height, "height", line, 1);
  if (left + width > image.width || top + height > image.height) throw bad(`the mask's box ${left},${top} ${width}x${height} leaves the ${image.width}x${image.height} image ${image.file_name}`, line);
  const mask = createMask(image.width, image.height);
  let at = 0;
  const runs = (shape.attributes.rle ?? "").split(",");
  runs.forEach((text, index) => {
    const count = whole(text.trim(), "every run in rle", line);
    if (at + count > width * height) throw bad(`rle covers more than the box's ${width * height} pixels`, line);
    if (index % 2 === 1) for (let i = at; i < at + count; i++) mask.data[(top + Math.floor(i / width)) * image.width + left + (i % width)] = 1;
    at += count;
  });
  return encodeMaskToRle(mask);
}

/** A <polygon>: "x1,y1;x2,y2;..." as one COCO polygon ring. */
function polygonSegmentation(shape: Shape): number[][] {
  const coordinates = (shape.attributes.points ?? "").split(";").flatMap((pair) => pair.split(",").map((value) => Number(value.trim())));
  if (coordinates.length < 6 || coordinates.length % 2 !== 0 || coordinates.some((value) => !Number.isFinite(value))) {
    throw bad(`a polygon needs at least 3 points "x,y;x,y;x,y", got "${(shape.attributes.points ?? "").slice(0, 60)}"`, shape.line);
  }
  return [coordinates];
}

function typedValue(type: string | undefined, value: string): boolean | number | string {
  if (type === "checkbox") return value.trim().toLowerCase() === "true";
  if (type === "number" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}

export function cvatXmlToCoco(xmlBytes: Uint8Array): CvatConversion {
  let events: XmlEvent[];
  try {
    events = parseXmlEvents(Buffer.from(xmlBytes).toString("utf8"));
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw bad(`not well-formed XML (${error.message})`);
    throw error;
  }
  const categories = new Map<string, Category>();
  const categoryFor = (name: string) => {
    const found = categories.get(name) ?? { id: categories.size + 1, name, types: new Map<string, string>() };
    categories.set(name, found);
    return found;
  };
  const images: CocoImage[] = [];
  const annotations: CocoAnnotation[] = [];
  const skipped: Record<string, number> = {};
  const path: string[] = [];
  let label: { name?: string; color?: string; attributes: { name?: string; type?: string }[] } | null = null;
  let image: CocoImage | null = null;
  let shape: Shape | null = null;
  let attributeName: string | null = null;
  let text = "";

  for (const event of events) {
    if (event.kind === "text") {
      text += event.text;
      continue;
    }
    if (event.kind === "open") {
      text = "";
      const parent = path[path.length - 1];
      if (event.name === "track") throw bad("tracks are CVAT for video; export the task as CVAT for images 1.1", event.line);
      if (event.name === "label" && parent === "labels" && path.includes("meta") && !label) label = { attributes: [] };
      if (event.name === "attribute" && label && parent === "attributes") label.attributes.push({});
      if (event.name === "image") {
        const { id, name, width, height } = event.attributes;
        if (!name) throw bad("an <image> has no name", event.line);
        image = { id: whole(id, "an image's id", event.line) + 1, file_name: name, width: whole(width, "width", event.line, 1), height: whole(height, "height", event.line, 1) };
        images.push(image);
      }
      if (image && parent === "image" && AREA_SHAPES.has(event.name)) shape = { kind: event.name as Shape["kind"], attributes: event.attributes, values: {}, line: event.line };
      else if (image && parent === "image" && OTHER_SHAPES.has(event.name)) skipped[event.name] = (skipped[event.name] ?? 0) + 1;
      if (event.name === "attribute" && shape) attributeName = event.attributes.name ?? null;
      path.push(event.name);
      continue;
    }
    path.pop();
    const parent = path[path.length - 1];
    if (label && event.name === "name" && parent === "label") label.name = text.trim();
    if (label && event.name === "color" && parent === "label") label.color = text.trim();
    const lastAttribute = label?.attributes[label.attributes.length - 1];
    if (lastAttribute && parent === "attribute" && event.name === "name") lastAttribute.name = text.trim();
    if (lastAttribute && parent === "attribute" && event.name === "input_type") lastAttribute.type = text.trim();
    if (event.name === "label" && label && parent === "labels") {
      if (label.name) {
        const category = categoryFor(label.name);
        if (/^#[0-9a-fA-F]{6}$/.test(label.color ?? "")) category.color = label.color!.toLowerCase();
        for (const attribute of label.attributes) if (attribute.name && attribute.type) category.types.set(attribute.name, attribute.type);
      }
      label = null;
    }
    if (event.name === "attribute" && shape && attributeName !== null) {
      shape.values[attributeName] = text;
      attributeName = null;
    }
    if (shape && event.name === shape.kind && parent === "image" && image) {
      const name = shape.attributes.label;
      if (!name) throw bad(`a <${shape.kind}> has no label`, shape.line);
      const category = categoryFor(name);
      const attributes: CocoAnnotation["attributes"] = { occluded: shape.attributes.occluded === "1" };
      for (const [key, value] of Object.entries(shape.values)) attributes[key] = typedValue(category.types.get(key), value);
      const segmentation = shape.kind === "mask" ? maskSegmentation(shape, image) : polygonSegmentation(shape);
      annotations.push({ id: annotations.length + 1, image_id: image.id, category_id: category.id, segmentation, iscrowd: 0, attributes });
      shape = null;
    }
    if (event.name === "image") image = null;
  }
  if (images.length === 0) throw bad("no <image> elements: is this CVAT for images 1.1?");
  const json = {
    images,
    categories: [...categories.values()].map((category) => ({ id: category.id, name: category.name, ...(category.color && { color: category.color }) })),
    annotations,
  };
  return { json: Buffer.from(JSON.stringify(json)), images: images.length, shapes: annotations.length, skipped };
}
