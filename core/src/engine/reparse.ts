import type { SyntaxDiagnostic } from '../syntax/ast';
import { parseScriptWith } from '../syntax/parser';
import type { ScriptRegion } from '../syntax/source-file';
import { pushChildren, type Ir, type IrComment } from '../semantics/ir';
import { IrBuilder, type BuiltIr } from '../semantics/ir-builder';
import { lowerJitterbitComments } from '../semantics/lower-jitterbit';
import type { ParsedRegion, StatementLayout } from './facts';

/**
 * Incremental re-parse of an edited Jitterbit Script region. Top-level statements are separated by `;`, and after
 * a top-level `;` the lexer and the parser are in their initial state. So only the text between the last `;`
 * before the edit and the first `;` after it whose old twin is also a top-level `;` is parsed again; the
 * statements before are kept as they are and those after are kept with their offsets shifted.
 *
 * The old region's IR is consumed: the kept statements after the edit are shifted in place (the caller replaces
 * the old parse with the new one and keeps no other reference to it). Returns undefined when the edit does not
 * leave a reusable boundary (the caller then parses the region whole).
 */
export function reparseRegion(old: ParsedRegion, region: ScriptRegion): ParsedRegion | undefined {
  const layout = old.layout;
  if (!layout || old.region.language !== 'jitterbit' || region.language !== 'jitterbit' || old.region.id !== region.id) return undefined;
  const oldText = old.region.text;
  const text = region.text;
  if (oldText === text) return { ...old, region };
  const len0 = oldText.length;
  const len1 = text.length;
  const prefix = commonPrefix(oldText, text);
  const suffix = commonSuffix(oldText, text, Math.min(len0, len1) - prefix);
  const delta = len1 - len0;
  const seps = layout.separators;

  // Resume after the last top-level `;` that lies wholly before the edit.
  const k = lastAtMost(seps, prefix - 1);
  if (k < 0) return undefined;
  const resumeAt = seps[k] + 1;
  if (old.diagnostics.some((d) => d.start < resumeAt && d.end > resumeAt)) return undefined;

  const collected = collectStatements();
  const { starts: newStarts, ends: newEnds, separators: newSeps } = collected.layout;
  const body = collected.body;
  const editEnd = len1 - suffix;
  let resync = -1;
  const r = parseScriptWith(text, collected.builder, {
    resumeAt,
    onStatement: collected.onStatement,
    onSeparator: collected.onSeparator,
    stopAfterSeparator: (at) => {
      // A `;` in the unchanged tail whose old twin was a top-level `;`: the rest parses as it did.
      if (at < editEnd) return false;
      const j = lastAtMost(seps, at - delta);
      if (j < 0 || seps[j] !== at - delta) return false;
      resync = j;
      return true;
    },
  });

  // Statements before the resume point are kept as they are.
  const keepHead = countBelow(layout.starts, resumeAt);
  const starts = layout.starts.slice(0, keepHead);
  const ends = layout.ends.slice(0, keepHead);
  const separators = seps.slice(0, k + 1);
  const irBody = old.ir.body.slice(0, keepHead);
  const diagnostics: SyntaxDiagnostic[] = old.diagnostics.filter((d) => d.end <= resumeAt && d.start < resumeAt);
  const comments: IrComment[] = old.ir.comments.filter((c) => c.end <= resumeAt);

  const middleComments = lowerJitterbitComments(r.comments);
  if (resync < 0) {
    // Parsed to the end: the new tail is all new.
    push(starts, newStarts);
    push(ends, newEnds);
    push(separators, newSeps);
    push(irBody, body);
    push(diagnostics, r.diagnostics);
    push(comments, middleComments);
  } else {
    const q = seps[resync];
    const stopAt = q + delta;
    if (old.diagnostics.some((d) => d.start <= q && d.end > q + 1)) return undefined;
    // The re-parsed middle, up to (not including) the `;` it stopped at; the stream may have looked past it.
    for (let i = 0; i < newStarts.length; i++) {
      starts.push(newStarts[i]);
      ends.push(newEnds[i]);
      irBody.push(body[i]);
    }
    for (const s of newSeps) if (s < stopAt) separators.push(s);
    for (const d of r.diagnostics) if (d.start <= stopAt) diagnostics.push(d);
    for (const c of middleComments) if (c.end <= stopAt) comments.push(c);
    // The old tail from that `;` on, shifted.
    const tail = countBelow(layout.starts, q + 1);
    for (let i = tail; i < layout.starts.length; i++) {
      starts.push(layout.starts[i] + delta);
      ends.push(layout.ends[i] + delta);
      irBody.push(shift(old.ir.body[i], delta));
    }
    for (let i = resync; i < seps.length; i++) separators.push(seps[i] + delta);
    for (const d of old.diagnostics) if (d.start > q) diagnostics.push({ ...d, start: d.start + delta, end: d.end + delta });
    for (const c of old.ir.comments) {
      if (c.start <= q) continue;
      const moved: IrComment = { text: c.text, start: c.start + delta, end: c.end + delta };
      // Scans cached on the comment depend on its text alone: they move with it.
      if (c.tokens) moved.tokens = c.tokens;
      if (c.credentials) moved.credentials = c.credentials;
      comments.push(moved);
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  const next: StatementLayout = { starts, ends, separators };
  return { region, ir: { language: 'jitterbit', body: irBody, comments }, diagnostics, layout: next, flowMemo: old.flowMemo };
}

/**
 * What parsing a Jitterbit Script region yields statement by statement: the IR of each statement, built while it is
 * parsed (no syntax tree), and the layout of statements and top-level `;`.
 */
export function collectStatements(): {
  body: Ir[];
  layout: StatementLayout;
  builder: IrBuilder;
  onStatement: (e: BuiltIr) => void;
  onSeparator: (at: number) => void;
} {
  const body: Ir[] = [];
  const layout: StatementLayout = { starts: [], ends: [], separators: [] };
  const builder = new IrBuilder();
  return {
    body,
    layout,
    builder,
    onStatement: (e) => {
      // The statement's span as written (a parenthesised statement's brackets included).
      layout.starts.push(e.start);
      layout.ends.push(e.end);
      body.push(builder.statement(e));
    },
    onSeparator: (at) => {
      layout.separators.push(at);
    },
  };
}

/** Compared in blocks first: a substring comparison is a native memory compare, far faster than a char loop. */
const BLOCK = 2048;

function commonPrefix(a: string, b: string): number {
  const min = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= min && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < min && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  let n = 0;
  while (n + BLOCK <= max && a.substring(la - n - BLOCK, la - n) === b.substring(lb - n - BLOCK, lb - n)) n += BLOCK;
  while (n < max && a.charCodeAt(la - 1 - n) === b.charCodeAt(lb - 1 - n)) n++;
  return n;
}

function push<T>(into: T[], from: T[]): void {
  for (const x of from) into.push(x);
}

/** Index of the last element ≤ `x` in an ascending array, or -1. */
function lastAtMost(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** How many elements of an ascending array are < `x`. */
function countBelow(a: readonly number[], x: number): number {
  return lastAtMost(a, x - 1) + 1;
}

/** Moves a lowered statement by `delta`, in place (an explicit stack: statements can be deep). */
function shift(root: Ir, delta: number): Ir {
  const stack: Ir[] = [root];
  while (stack.length > 0) {
    const e = stack.pop() as Ir;
    e.start += delta;
    e.end += delta;
    if (e.k === 'lit') {
      e.valueStart += delta;
      if (e.charOffsets) e.charOffsets = e.charOffsets.map((o) => o + delta);
    } else if (e.k === 'var' || e.k === 'call') {
      e.nameStart += delta;
      e.nameEnd += delta;
    } else if (e.k === 'obj') {
      for (const p of e.props) {
        p.keyStart += delta;
        p.keyEnd += delta;
      }
    }
    pushChildren(e, stack);
  }
  return root;
}
