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

/** A hard-coded secret value a taint stands on; `path`: the file holding it, once the value has left that file. */
export interface TaintLiteral {
  value: string;
  path?: string;
}

/** What makes a value sensitive. `label` describes it without ever quoting a value. */
export interface Taint {
  bits: number;
  label: string;
  /** The value is (or contains) a hard-coded secret literal. */
  secretLiteral: boolean;
  origin?: TaintOrigin;
  /**
   * Set while the value is sensitive only because of hard-coded secret literals: the values their secret findings
   * report. Where the allowlist allows every one of them, the team said they are no secrets: nothing sensitive is left.
   */
  literals?: readonly TaintLiteral[];
}

export function taint(bits: number, label: string, secretLiteral = false, origin?: TaintOrigin, literals?: readonly TaintLiteral[]): Taint {
  return literals ? { bits, label, secretLiteral, origin, literals } : { bits, label, secretLiteral, origin };
}

/** More literals than this and a value no longer counts as standing on literals alone (it is reported as it is). */
const MAX_LITERALS = 8;

/** Union; the first label wins so messages name the most direct source. */
export function join(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (!a) return b;
  if (!b) return a;
  // A taint standing on literals alone (rare) stays so only while what joins it adds nothing but literals or markers.
  const same = (a.bits | b.bits) === a.bits && (a.secretLiteral || !b.secretLiteral);
  if (same && (a.literals === undefined || a === b || b.bits === 0)) return a;
  const literals = a.literals && b.literals ? joinLiterals(a.literals, b.literals) : a.bits === 0 ? b.literals : b.bits === 0 ? a.literals : undefined;
  if (same && literals === a.literals) return a;
  const t: Taint = { bits: a.bits | b.bits, label: a.label, secretLiteral: a.secretLiteral || b.secretLiteral, origin: a.origin ?? b.origin };
  if (literals) t.literals = literals;
  return t;
}

/** The literals of both (a's own list when b adds none); undefined past MAX_LITERALS. */
function joinLiterals(a: readonly TaintLiteral[], b: readonly TaintLiteral[]): readonly TaintLiteral[] | undefined {
  let out: TaintLiteral[] | undefined;
  for (const l of b) {
    if (a.some((x) => x.value === l.value && x.path === l.path) || out?.some((x) => x.value === l.value && x.path === l.path)) continue;
    (out ??= [...a]).push(l);
  }
  if (!out) return a;
  return out.length > MAX_LITERALS ? undefined : out;
}
