// The click script shared by the browser and native halves of the decode
// benchmark: groups of three clicks (foreground, refining foreground,
// background) spread over the image, each group starting from an empty
// prompt, so both halves decode exactly the same prompts.
import type { PromptPoint } from "@/lib/sam/prompt-transform";

export interface BenchClick {
  /** Fractions of the image width/height. */
  fx: number;
  fy: number;
  positive: boolean;
  /** First click of a group: the prompt starts empty (Reset before it). */
  startsGroup: boolean;
}

export function benchClicks(count: number): BenchClick[] {
  const clicks: BenchClick[] = [];
  for (let group = 0; clicks.length < count; group++) {
    // A low-discrepancy walk over the image so groups land on shapes, sky and ground.
    const fx = 0.1 + ((group * 0.618034) % 1) * 0.8;
    const fy = 0.15 + ((group * 0.381966 + 0.3) % 1) * 0.75;
    clicks.push({ fx, fy, positive: true, startsGroup: true });
    clicks.push({ fx: Math.min(0.95, fx + 0.03), fy: Math.min(0.95, fy + 0.02), positive: true, startsGroup: false });
    clicks.push({ fx: Math.max(0.05, fx - 0.2), fy: Math.max(0.05, fy - 0.15), positive: false, startsGroup: false });
  }
  return clicks.slice(0, count);
}

/** The accumulated prompt points after each click, in image pixels. */
export function promptsFor(clicks: readonly BenchClick[], size: { width: number; height: number }): PromptPoint[][] {
  const prompts: PromptPoint[][] = [];
  let current: PromptPoint[] = [];
  for (const click of clicks) {
    if (click.startsGroup) current = [];
    current = [...current, { x: click.fx * size.width, y: click.fy * size.height, positive: click.positive }];
    prompts.push(current);
  }
  return prompts;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
