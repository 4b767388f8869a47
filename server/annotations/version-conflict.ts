// The 409 a stale write gets: the server's current copy travels with it, so
// the editor can show both and let the person choose (never a silent overwrite).
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { AppError } from "../errors/app-error";

export function versionConflict(current: AnnotationDto): AppError {
  const what = current.deleted ? "deleted" : "changed";
  return new AppError(
    "conflict",
    `Someone else ${what} this object (now version ${current.version}). Reload theirs or keep yours.`,
    { reason: "version_conflict", current },
  );
}
