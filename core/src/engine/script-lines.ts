import type { ScriptRegion, SourceFile } from '../syntax/source-file';
import { LineMap } from '../syntax/text';

/**
 * Line numbers for suppression directives in which a script's own lines count, also where the host file holds a
 * script on fewer lines (a JSON export keeps each script in one string, its line breaks escaped as `\n`). There
 * `// jitterbit-guard-disable-next-line` must mean the script's next line, not the host's, and `disable-line` only
 * its own script line, not the whole script.
 *
 * Each such region adds its extra script lines to the numbering; everything else keeps its host line plus the
 * extra lines of the regions before it, so the numbers still grow through the file (ranges between `disable` and
 * `enable` keep working across regions and host text).
 */
export class ScriptLineSpace {
  private readonly ids = new Map<string, number>();

  private constructor(
    private readonly file: SourceFile,
    /** Escaping regions sorted by host start, with their host range, script lines and first number. */
    private readonly spans: { region: ScriptRegion; hostStart: number; hostEnd: number; lines: LineMap; first: number }[],
    /** extraBefore[k]: extra lines of the first k spans. */
    private readonly extraBefore: number[],
  ) {
    spans.forEach((s, i) => this.ids.set(s.region.id, i));
  }

  /** The space for `file`, or undefined when every script's lines are host lines (then host lines are the space). */
  static of(file: SourceFile): ScriptLineSpace | undefined {
    if (!file.regions.some((r) => r.encoding !== 'raw')) return undefined;
    const found: { region: ScriptRegion; hostStart: number; hostEnd: number; lines: LineMap; extra: number }[] = [];
    for (const region of file.regions) {
      if (region.encoding === 'raw' || region.text.indexOf('\n') < 0) continue;
      const hostStart = region.map.toHost(0);
      const hostEnd = region.map.toHost(region.text.length);
      const lines = new LineMap(region.text);
      const extra = lines.lineCount - 1 - (file.lines.positionAt(hostEnd).line - file.lines.positionAt(hostStart).line);
      if (extra > 0) found.push({ region, hostStart, hostEnd, lines, extra });
    }
    if (found.length === 0) return undefined;
    found.sort((a, b) => a.hostStart - b.hostStart);
    const extraBefore = [0];
    const spans = found.map((f, i) => {
      extraBefore.push(extraBefore[i] + f.extra);
      return { region: f.region, hostStart: f.hostStart, hostEnd: f.hostEnd, lines: f.lines, first: file.lines.positionAt(f.hostStart).line + extraBefore[i] };
    });
    return new ScriptLineSpace(file, spans, extraBefore);
  }

  /** The number of a region offset's line. */
  lineOfRegionOffset(region: ScriptRegion, offset: number): number {
    const i = this.ids.get(region.id);
    if (i === undefined) return this.lineOfHost(region.map.toHost(offset));
    return this.spanLine(this.spans[i], offset);
  }

  /** The number of a host offset's line; `regionId` names the script the offset belongs to, when it does. */
  lineOfHost(offset: number, regionId?: string): number {
    const i = regionId === undefined ? undefined : this.ids.get(regionId);
    if (i !== undefined) return this.spanLine(this.spans[i], this.spans[i].region.map.toDecoded(offset));
    // Spans before the offset (sorted and disjoint: a binary search over their ends).
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].hostEnd <= offset) lo = mid + 1;
      else hi = mid;
    }
    const inside = lo < this.spans.length && this.spans[lo].hostStart <= offset;
    if (inside) return this.spanLine(this.spans[lo], this.spans[lo].region.map.toDecoded(offset));
    return this.file.lines.positionAt(offset).line + this.extraBefore[lo];
  }

  /** The number of the line of a span's script that holds region offset `offset`. */
  private spanLine(s: ScriptLineSpace['spans'][number], offset: number): number {
    return s.first + s.lines.positionAt(offset).line;
  }
}
