// The project this tab is deleting right now: its own "project deleted" notice
// stays quiet, since the tab is already on its way to the project list.
let deletingHere: string | null = null;

export function markDeletingHere(projectId: string | null): void {
  deletingHere = projectId;
}

export function isDeletingHere(projectId: string): boolean {
  return deletingHere === projectId;
}
