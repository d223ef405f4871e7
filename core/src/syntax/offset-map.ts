import { lastAtMost } from './text';

/**
 * Maps offsets in a decoded script (e.g. a JSON string value after unescaping) back to offsets in the host
 * file. Stored as sorted breakpoints; between two breakpoints the mapping is a shift, so a script without
 * escapes costs one entry and lookup is a binary search.
 */
export class OffsetMap {
  /** decoded[i] maps to host[i]; for d in [decoded[i], decoded[i+1]) host = host[i] + (d - decoded[i]). */
  private readonly decoded: number[] = [];
  private readonly host: number[] = [];

  /** A map that shifts every offset by `hostStart`. */
  static shift(hostStart: number): OffsetMap {
    const m = new OffsetMap();
    m.add(0, hostStart);
    return m;
  }

  /** Record that decoded offset `d` corresponds to host offset `h`; calls must come in increasing `d`. */
  add(d: number, h: number): void {
    const n = this.decoded.length;
    if (n > 0) {
      const last = n - 1;
      if (this.decoded[last] === d) {
        this.host[last] = h;
        return;
      }
      // Skip a breakpoint the previous shift already implies.
      if (this.host[last] + (d - this.decoded[last]) === h) return;
    }
    this.decoded.push(d);
    this.host.push(h);
  }

  toHost(d: number): number {
    const ds = this.decoded;
    if (ds.length === 0) return d;
    if (d <= ds[0]) return this.host[0] - (ds[0] - d);
    const lo = lastAtMost(ds, d);
    return this.host[lo] + (d - ds[lo]);
  }

  /**
   * The decoded offset of host offset `h` (the inverse of toHost; an offset inside an escape sequence maps to the
   * escaped character). Host offsets grow with decoded ones, so this is a binary search too.
   */
  toDecoded(h: number): number {
    const hs = this.host;
    if (hs.length === 0) return h;
    if (h <= hs[0]) return this.decoded[0] - (hs[0] - h);
    const lo = lastAtMost(hs, h);
    const d = this.decoded[lo] + (h - hs[lo]);
    // Past this breakpoint's run (inside the escape that the next breakpoint skips): the run's last character.
    return lo + 1 < hs.length ? Math.min(d, this.decoded[lo + 1] - 1) : d;
  }
}
