import { OffsetMap } from '../offset-map';

/**
 * Collects decoded → host breakpoints while a decoder runs, then builds an OffsetMap for the whole decoded text
 * or for a slice of it (e.g. the body of a `<javascript>` script inside a JSON string).
 */
export class MapBuilder {
  private readonly d: number[] = [];
  private readonly h: number[] = [];

  /** Decoded offset `d` corresponds to host offset `h`; calls come in non-decreasing `d`. */
  add(d: number, h: number): void {
    const n = this.d.length;
    if (n > 0 && this.d[n - 1] === d) {
      this.h[n - 1] = h;
      return;
    }
    this.d.push(d);
    this.h.push(h);
  }

  /** A map for the decoded text starting at decoded offset `from` (region offset 0 = decoded offset `from`). */
  build(from = 0): OffsetMap {
    const m = new OffsetMap();
    const ds = this.d;
    const n = ds.length;
    if (n === 0) {
      m.add(0, from);
      return m;
    }
    let k = 0;
    while (k + 1 < n && ds[k + 1] <= from) k++;
    m.add(0, this.h[k] + (from - ds[k]));
    for (let j = k + 1; j < n; j++) m.add(ds[j] - from, this.h[j]);
    return m;
  }
}
