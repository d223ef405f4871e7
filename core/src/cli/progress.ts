/**
 * A progress bar on stderr, only when stderr is a terminal and the run is long (shown after a second).
 * Never on stdout, so reports piped or redirected stay clean.
 */
export class Progress {
  private done = 0;
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
    private readonly delayMs = 1000,
  ) {}

  static wanted(stream: NodeJS.WriteStream, requested: boolean): boolean {
    return requested && !!stream.isTTY && !process.env.CI;
  }

  advance(n: number): void {
    this.done += n;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const width = 30;
    const frac = this.total ? Math.min(1, this.done / this.total) : 1;
    const filled = Math.round(frac * width);
    const shown = Math.min(this.done, this.total);
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${shown}/${this.total} files ${Math.round(frac * 100)}%`);
  }

  finish(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
  }
}
