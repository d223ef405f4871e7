/** Kinds of sensitive data, as bits so a value can carry several. */
export const T_SECRET = 1;
export const T_PAYLOAD = 2;
export const T_PII = 4;

export interface TaintOrigin {
  path?: string;
  regionId?: string;
  /** Region offsets in the script that produced the value. */
  start: number;
  end: number;
}

/** What makes a value sensitive. `label` describes it without ever quoting a value. */
export interface Taint {
  bits: number;
  label: string;
  /** The value is (or contains) a hard-coded secret literal. */
  secretLiteral: boolean;
  origin?: TaintOrigin;
}

export function taint(bits: number, label: string, secretLiteral = false, origin?: TaintOrigin): Taint {
  return { bits, label, secretLiteral, origin };
}

/** Union; the first label wins so messages name the most direct source. */
export function join(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (!a) return b;
  if (!b) return a;
  if ((a.bits | b.bits) === a.bits && (a.secretLiteral || !b.secretLiteral)) return a;
  return { bits: a.bits | b.bits, label: a.label, secretLiteral: a.secretLiteral || b.secretLiteral, origin: a.origin ?? b.origin };
}
