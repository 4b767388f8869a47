// The Images tab's "Show masks": an image's live masks painted at thumbnail
// size (the same 320 px box as the thumbnail job) as a transparent PNG laid
// over the thumbnail, each in its label's colour, filled lightly with a solid
// edge. Smaller masks are painted last so they stay visible on larger ones.
// The ETag names exactly what is drawn (masks, their versions and colours),
// so a browser revalidates cheaply and redraws only after a change.
import { createHash } from "node:crypto";
import sharp from "sharp";
import { rleStringToCounts } from "@/lib/mask";
import { paintRleDownscaled, type TargetGrid } from "@/lib/mask/rle-downscale";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";
import { THUMBNAIL_MAX_SIDE } from "./make-thumbnail";

/** Unlabelled masks (imports without a class, masks nobody labelled) and pending pre-fills. */
const UNLABELLED_COLOR = "#94a3b8";
const PREFILL_COLOR = "#f59e0b";
const FILL_ALPHA = 105;
const EDGE_ALPHA = 235;

export type MaskOverlay = { etag: string; render: () => Promise<Buffer> };

function hexToRgb(hex: string): [number, number, number] {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const value = match ? parseInt(match[1]!, 16) : 0x94a3b8;
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Fit inside the thumbnail box without enlarging, as the thumbnail job does. */
export function overlaySize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, THUMBNAIL_MAX_SIDE / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function colourise(target: TargetGrid, colours: [number, number, number][]): Buffer {
  const { width, height, cells } = target;
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const id = cells[i]!;
      if (id === 0) continue;
      // An edge cell borders another mask or the background (the picture's border counts as background).
      const edge = x === 0 || y === 0 || x === width - 1 || y === height - 1 || cells[i - 1] !== id || cells[i + 1] !== id || cells[i - width] !== id || cells[i + width] !== id;
      const [r, g, b] = colours[id - 1]!;
      rgba[i * 4] = r;
      rgba[i * 4 + 1] = g;
      rgba[i * 4 + 2] = b;
      rgba[i * 4 + 3] = edge ? EDGE_ALPHA : FILL_ALPHA;
    }
  }
  return rgba;
}

export async function renderMaskOverlay(options: { actor: Actor; imageId: string }): Promise<MaskOverlay> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true, width: true, height: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  await requireProjectAccess({ actor, projectId: image.projectId }).catch((error: unknown) => {
    throw isAppError(error) && error.code === "not_found" ? new AppError("not_found", "Image not found.") : error;
  });
  const masks = await db().annotation.findMany({
    where: { imageId, deletedAt: null, area: { gt: 0 } },
    select: { id: true, version: true, updatedAt: true, rleCounts: true, maskHeight: true, maskWidth: true, area: true, source: true, labelClassId: true, labelClass: { select: { color: true } } },
    // Largest first, so smaller masks are painted over them.
    orderBy: [{ area: "desc" }, { id: "asc" }],
  });
  const colourOf = (mask: (typeof masks)[number]) => mask.labelClass?.color ?? (mask.source === "prefill" ? PREFILL_COLOR : UNLABELLED_COLOR);
  const size = overlaySize(image.width, image.height);
  const hash = createHash("sha1").update(`overlay/1|${size.width}x${size.height}`);
  for (const mask of masks) hash.update(`|${mask.id}:${mask.version}:${mask.updatedAt.getTime()}:${colourOf(mask)}`);
  return {
    etag: `"${hash.digest("hex")}"`,
    render: async () => {
      const target: TargetGrid = { ...size, cells: new Uint16Array(size.width * size.height) };
      // Ids are 1-based indexes into `masks`; a Uint16 grid holds 65535 masks, far above any image's count.
      masks.slice(0, 65535).forEach((mask, index) => {
        paintRleDownscaled({ counts: rleStringToCounts(mask.rleCounts), height: mask.maskHeight, width: mask.maskWidth, target, id: index + 1 });
      });
      const rgba = colourise(target, masks.map((mask) => hexToRgb(colourOf(mask))));
      return sharp(rgba, { raw: { width: size.width, height: size.height, channels: 4 } }).png({ compressionLevel: 6 }).toBuffer();
    },
  };
}
