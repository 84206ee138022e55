/** Where progress goes: a terminal stream (`process.stderr`) or anything shaped like one. */
export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const REDRAW_EVERY_MS = 100;

/**
 * A one-line progress bar, redrawn in place on a terminal, at most ten times a second:
 * `[#########...........]  45%  450 rows`. On anything else (a pipe, a log file) it writes
 * nothing, so that logs hold only the final report.
 */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly output: ProgressOutput,
    private readonly unit: string,
  ) {}

  /** `fraction` of the work (0..1) is done, which made `count` units. */
  update(fraction: number, count: number, force = false): void {
    if (!this.output.isTTY) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    const clamped = Math.min(Math.max(fraction, 0), 1);
    const width = Math.max(10, Math.min(40, (this.output.columns ?? 80) - 30));
    const filled = Math.round(clamped * width);
    const percent = `${Math.floor(clamped * 100)}%`.padStart(4);
    this.output.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}  ${count} ${this.unit}`);
    this.drawn = true;
  }

  /** Draws the final state and ends the line. */
  finish(count: number): void {
    this.update(1, count, true);
    if (this.drawn) this.output.write('\n');
  }
}
