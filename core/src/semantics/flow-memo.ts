import type { Ir } from './ir';
import type { Taint } from './taint';

/**
 * What one flow pass over a Jitterbit Script region leaves for the next pass over an edited version of it (an
 * editor re-analyses on every keystroke). An incremental re-parse keeps the statement objects before and after the
 * edit (those after are shifted in place), so the next pass can:
 *  - take the facts of the leading kept statements as they are, and rebuild the variable state after them by
 *    replaying their recorded writes;
 *  - evaluate the statements in between;
 *  - and, when the state on entry to the trailing kept statements equals the state they saw last time, take their
 *    facts too, with the offsets of taints that originate in them shifted.
 * Facts are positional and state is a pair of maps, so "equal state" is exact: same keys, same taints.
 */
export interface FlowMemo<F = unknown> {
  /** The host inputs the pass depended on (project variables); another key means nothing is reusable. */
  key: string;
  /** Length of the region text of that pass (the shift of the kept tail is the difference). */
  textLength: number;
  body: readonly Ir[];
  /**
   * Per statement, cumulative ends of: literals, sinks, calls, vars, arrays, writes (STRIDE numbers each). Typed and
   * sized once: an edit rewrites all of them, and a growing array of a 5,000-statement script was a fifth of an edit's
   * allocation.
   */
  ends: Int32Array;
  writes: StateWrite[];
  facts: F;
}

export const STRIDE = 6;

/** One assignment to the flow state, in evaluation order. */
export interface StateWrite {
  global: boolean;
  key: string;
  taint: Taint | undefined;
}

export interface ReusePlan {
  /** Leading statements kept from the previous pass. */
  prefix: number;
  /** Trailing statements kept (shifted) from the previous pass. */
  suffix: number;
}

/** Which statements a pass can take from `prior`, by identity of the statement objects. */
export function planReuse(prior: FlowMemo | undefined, body: readonly Ir[], key: string): ReusePlan | undefined {
  if (!prior || prior.key !== key) return undefined;
  const old = prior.body;
  let prefix = 0;
  while (prefix < body.length && prefix < old.length && body[prefix] === old[prefix]) prefix++;
  let suffix = 0;
  while (suffix < body.length - prefix && suffix < old.length - prefix && body[body.length - 1 - suffix] === old[old.length - 1 - suffix]) suffix++;
  if (prefix === 0 && suffix === 0) return undefined;
  return { prefix, suffix };
}

/** Old offset → new offset: the kept tail moved by `delta` from `from` (old offsets) on. */
export interface Shift {
  from: number;
  delta: number;
}

export function mapOffset(s: Shift, offset: number): number {
  return offset >= s.from ? offset + s.delta : offset;
}

/** Equal taints, the old one read through the shift (its origin may lie in the moved tail). */
export function sameTaint(old: Taint | undefined, cur: Taint | undefined, s: Shift): boolean {
  if (old === cur) return true;
  if (!old || !cur) return false;
  if (old.bits !== cur.bits || old.label !== cur.label || old.secretLiteral !== cur.secretLiteral) return false;
  // The literals a value stands on decide what an allowlist leaves of a log (an edit may swap one for another).
  if ((old.literals || cur.literals) && !sameLiterals(old.literals, cur.literals)) return false;
  const o = old.origin;
  const c = cur.origin;
  if (!o || !c) return o === c;
  return o.path === c.path && o.regionId === c.regionId && mapOffset(s, o.start) === c.start && mapOffset(s, o.end) === c.end;
}

function sameLiterals(a: Taint['literals'], b: Taint['literals']): boolean {
  if (!a || !b || a.length !== b.length) return a === b;
  return a.every((l, i) => l.value === b[i].value && l.path === b[i].path);
}

/** A taint moved with the tail (a copy: taints are shared between facts and state). `moved` keeps copies shared. */
export function shiftTaint(t: Taint | undefined, s: Shift, moved: Map<Taint, Taint>): Taint | undefined {
  if (!t || !t.origin || t.origin.start < s.from || s.delta === 0) return t;
  let m = moved.get(t);
  if (!m) {
    m = { ...t, origin: { ...t.origin, start: t.origin.start + s.delta, end: t.origin.end + s.delta } };
    moved.set(t, m);
  }
  return m;
}

/** The state before statement `index` of the previous pass, replayed from its writes. */
export function stateBefore(prior: FlowMemo, index: number): { locals: Map<string, Taint | undefined>; globals: Map<string, Taint | undefined> } {
  const locals = new Map<string, Taint | undefined>();
  const globals = new Map<string, Taint | undefined>();
  const end = index === 0 ? 0 : prior.ends[(index - 1) * STRIDE + 5];
  for (let i = 0; i < end; i++) {
    const w = prior.writes[i];
    (w.global ? globals : locals).set(w.key, w.taint);
  }
  return { locals, globals };
}

/** Same keys (a key set to nothing counts: it shadows the name) and same taints. */
export function sameState(old: Map<string, Taint | undefined>, cur: Map<string, Taint | undefined>, s: Shift): boolean {
  if (old.size !== cur.size) return false;
  for (const [k, t] of old) {
    if (!cur.has(k) || !sameTaint(t, cur.get(k), s)) return false;
  }
  return true;
}
