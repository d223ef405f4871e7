import type { Ir, IrCall, IrVar } from './ir';
import { pairName } from '../syntax/name-value-pair';
// The structured-string scanner's key hint: a split key is scanned together with its value, as one literal would be.
import { KEY_HINT_RE } from '../detectors/tokens-key-values';
import type { TokenMatch } from './flow-types';
import type { TaintLiteral } from './taint';

/**
 * Pure tests of IR shapes the flow pass (flow.ts) asks about: name/value pair objects, functions a call runs in place,
 * constant name text, the pieces of a concatenation a credential is split across, JavaScript copy idioms. Kept apart
 * from the pass itself, whose closures share its state.
 */

/**
 * The name of a small `{ name|key|header|…Name: "…", value|…Value: … }` object literal (a header or parameter
 * written as a name/value pair), if it is one; the same spellings as the export reader's (syntax/name-value-pair.ts).
 */
export function pairLabel(o: Ir & { k: 'obj' }): string | undefined {
  return pairName(o.props.length, (k) => o.props.some((p) => p.key === k), (k) => {
    const p = o.props.find((x) => x.key === k);
    return p?.value.k === 'lit' && typeof p.value.value === 'string' ? p.value.value : undefined;
  });
}
/** Array methods whose callback's first parameter is an element of the receiver. */
const ARRAY_CALLBACKS = new Set(['.foreach', '.map', '.filter', '.some', '.every']);

/** Whether argument `i` of a JavaScript call is a function the call runs: an IIFE's callee, an array's callback. */
export function calledInPlace(c: IrCall, i: number, lname: string): boolean {
  return i === 0 ? c.name === '' && !c.method : i === 1 && c.method === true && ARRAY_CALLBACKS.has(lname);
}

/** The constant text of a name expression: a literal, a local holding constant text, or a concatenation of those. */
export function constText(e: Ir, constOf: (local: string) => string | undefined): string | undefined {
  if (e.k === 'lit') return typeof e.value === 'string' ? e.value : undefined;
  if (e.k === 'var') return e.scope === 'local' ? constOf(e.name) : undefined;
  if (e.k !== 'cat' || e.items.length > 16) return undefined;
  let s = '';
  for (const x of e.items) {
    const t = x.k === 'cat' ? undefined : constText(x, constOf);
    if (t === undefined) return undefined;
    s += t;
  }
  return s;
}

/**
 * Whether a literal ends with the key of a value the next literal holds: `"…;Pwd="`, `"…?api_key="`, `"X-Api-Key: "`,
 * `"Authorization: Bearer "`, `"<Password>"`. Why: a credential split from its key across the pieces of a
 * concatenation is scanned together with the key, as one literal would be. The last character is checked first.
 */
export function endsWithKey(s: string): boolean {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 32) n--;
  const c = n > 0 ? s.charCodeAt(n - 1) : 0;
  // `=`, `:`, `>`, or a scheme word after a space (`Bearer `).
  if (c !== 61 && c !== 58 && c !== 62 && !(n < s.length && n > 0)) return false;
  return KEY_HINT_RE.test(s.length > 80 ? s.slice(-80) : s);
}

const isVarNamed = (e: Ir | undefined, name: string): boolean => e !== undefined && e.k === 'var' && e.name === name;

/**
 * The container a JavaScript copy idiom copies: `JSON.parse(JSON.stringify(x))`, `Object.assign({}, x)`. Why: the
 * copy holds the same fields, so one overwritten in the copy (`copy.password = "***"`) is what was written there.
 */
export function copiedContainer(e: IrCall): IrVar | undefined {
  if (e.method !== true || e.args.length < 2) return undefined;
  const a = e.args;
  if (e.name === '.parse' && a.length === 2 && isVarNamed(a[0], 'JSON')) {
    const s = a[1];
    if (s.k === 'call' && s.method === true && s.name === '.stringify' && s.args.length === 2 && isVarNamed(s.args[0], 'JSON') && s.args[1].k === 'var') return s.args[1];
  }
  if (e.name === '.assign' && a.length === 3 && isVarNamed(a[0], 'Object') && a[1].k === 'obj' && a[1].props.length === 0 && a[2].k === 'var') return a[2];
  return undefined;
}

/** The literal text after a split value that closes it (`"</Password>"`, `";"`), or nothing. */
export function closingText(next: Ir | undefined): string {
  return next !== undefined && next.k === 'lit' && typeof next.value === 'string' && next.value.length <= 256 ? next.value : '';
}

/** The values the secret rules report for a secret literal (the allowlist judges these): the whole, or each token. */
export function reportedValues(value: string, contextSecret: boolean, tokens: readonly TokenMatch[]): TaintLiteral[] {
  return contextSecret ? [{ value: value.trim() }] : tokens.map((m) => ({ value: value.slice(m.start, m.end).trim() }));
}
