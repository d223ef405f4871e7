import { canBeCredentialValue, isCredentialName, isPlaceholder, looksRandom } from '../../detectors';

const COMMENT_PREFILTER = /(?:pas|pw|secret|token|key|auth|sess|sig|cred)[\w.$-]{0,80}\s*[=:]/i;

/** `name = "value"` / `name: value` inside a comment: a commented-out credential. */
const COMMENTED_ASSIGNMENT = /([$A-Za-z_][\w.$-]{0,80})\s*(?:=|:)\s*(["']?)([^\s"',;)]{6,200})\2/g;

export interface CommentedCredential {
  name: string;
  value: string;
  /** Offsets of the value within the comment text. */
  start: number;
  end: number;
}

/**
 * Commented-out credential assignments in a comment's text. Shared by secrets/credential-name (which reports them)
 * and secrets/known-token (which leaves these spans to it, so one value is reported once).
 */
export function commentedCredentials(text: string): CommentedCredential[] {
  // Most comments are prose: only run the patterns where a credential word and `=`/`:` (or a `Set(` call) appear.
  if (text.length > 4000) return [];
  const assignment = COMMENT_PREFILTER.test(text);
  const setCall = SET_PREFILTER.test(text);
  if (!assignment && !setCall) return [];
  const out: CommentedCredential[] = [];
  const consider = (name: string, value: string, at: number): void => {
    if (!isCredentialName(name) || isPlaceholder(value, 'comment') || !canBeCredentialValue(value)) return;
    if (!looksRandom(value) && !/\d/.test(value)) return;
    if (out.some((c) => c.start === at)) return;
    out.push({ name, value, start: at, end: at + value.length });
  };
  if (assignment) for (const m of text.matchAll(COMMENTED_ASSIGNMENT)) consider(m[1], m[3], (m.index ?? 0) + m[0].lastIndexOf(m[3]));
  if (setCall) for (const m of text.matchAll(COMMENTED_SET)) consider(m[2], m[4], (m.index ?? 0) + m[0].length - 1 - m[4].length);
  out.sort((a, b) => a.start - b.start);
  return out;
}

const SET_PREFILTER = /\bSet(?:Var)?\s*\(/i;
/** `Set("sf.password", "…")`, `SetVar(…)`, `Jitterbit.SetVar("$…", "…")` inside a comment. */
const COMMENTED_SET = /\b(?:Jitterbit\.)?Set(?:Var)?\s*\(\s*(["'])\$?([A-Za-z_][\w.-]{0,80})\1\s*,\s*(["'])([^"'\r\n]{6,200})\3/gi;
