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
  // Most comments are prose: only run the assignment pattern where a credential word and `=`/`:` appear.
  if (text.length > 4000 || !COMMENT_PREFILTER.test(text)) return [];
  const out: CommentedCredential[] = [];
  for (const m of text.matchAll(COMMENTED_ASSIGNMENT)) {
    const name = m[1];
    const value = m[3];
    if (!isCredentialName(name) || isPlaceholder(value, 'comment') || !canBeCredentialValue(value)) continue;
    if (!looksRandom(value) && !/\d/.test(value)) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(value);
    out.push({ name, value, start, end: start + value.length });
  }
  return out;
}
