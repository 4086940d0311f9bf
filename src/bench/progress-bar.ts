/** A one-line progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise (CI logs). */

export interface ProgressBarOptions {
  /** Width of the bar in characters. Default 30. */
  width?: number;
  /** Where it draws. Default process.stderr. */
  stream?: NodeJS.WriteStream;
}

export class ProgressBar {
  private readonly width: number;
  private readonly stream: NodeJS.WriteStream;
  private lastTenth = -1;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    options: ProgressBarOptions = {},
  ) {
    this.width = options.width ?? 30;
    this.stream = options.stream ?? process.stderr;
  }

  /** Shows `done` of the total, with a free-form status after the bar (e.g. rows and rows/s). */
  update(done: number, status: string): void {
    const fraction = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    if (this.stream.isTTY) {
      // Redrawing more often than every 100 ms only costs CPU the import needs.
      const now = performance.now();
      if (now - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = now;
      const filled = Math.round(fraction * this.width);
      this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${percent} ${status}\x1b[K`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.stream.write(`${this.label} ${percent} ${status}\n`);
  }

  /** Draws the final state, always, and ends the line so later output starts on a fresh one. */
  finish(status: string): void {
    this.lastDraw = 0;
    this.lastTenth = -1;
    this.update(this.total, status);
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
