/** Zero-based line and UTF-16 column, as LSP and SARIF (with 1-based conversion) use them. */
export interface Position {
  line: number;
  character: number;
}

/** Half-open range of host-file offsets (UTF-16 code units, i.e. JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Offset ↔ position conversion for one text. Line starts are computed once, lazily; CR, LF and CRLF
 * all end a line, so positions agree with what editors show.
 */
/** Index of the last entry of the ascending `sorted` that is at most `x` (0 when none is: callers clamp first). */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class LineMap {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const t = this.text;
    if (t.indexOf('\r') < 0) {
      // No CR (the common case): the native search finds line feeds far faster than a character loop.
      for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return starts;
    }
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtMost(starts, o);
    return { line, character: o - starts[line] };
  }

  offsetAt(pos: Position): number {
    const starts = this.lineStarts();
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.text.length;
    const lineStart = starts[pos.line];
    const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, pos.character), next));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The text of a line without its terminator. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return '';
    const end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return this.text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
  }
}
