import { canBeCredentialValue, isCredentialName, isPlaceholder, looksRandom } from '../../detectors';
import { lookupFunction, paramAt } from '../../semantics/catalogue';
import type { IrComment } from '../../semantics/ir';

const COMMENT_PREFILTER = /(?:pas|pw|secret|token|key|auth|sess|sig|cred)[\w.$-]{0,80}\s*[=:]/i;

/** `name = "value"` / `name: value` inside a comment: a commented-out credential. */
const COMMENTED_ASSIGNMENT = /([$A-Za-z_][\w.$-]{0,80})\s*(?:=|:)\s*(["']?)([^\s"',;)]{6,200})\2/g;

const PROSE_PREFILTER = /(?:pass|pwd|secret|token|key|credential)[^\n]{0,60}(?::|=|\b(?:is|was|were)\b)\s*["']?[^\s"']{20}/i;
/**
 * A credential phrase (`password`, `token secret`, `api key`, `client secret`…) followed in the same clause, after at
 * most a few words, by `:`, `=`, `is` or `was` and a value.
 */
const COMMENTED_PROSE =
  /\b((?:[A-Za-z]+[ _.-]){0,2}?(?:password|passwd|pwd|pass ?phrase|secret|token|api[ _-]?key|access[ _-]?key|private[ _-]?key|signing[ _-]?key|credentials?))\b([^:=\n"'.;]{0,48}?)(?::|=|\b(?:is|was|were)\b)\s*(["']?)([^\s"',;)]{20,200})\3/gi;

const QUALIFIED_NOUN =
  /^[\s_.-]*(?:hash|hashes|digest|checksum|fingerprint|thumbprint|md5|sha\d*|url|uri|endpoint|file|path|id|name|policy|timeout|length|header|field|format|type|mode|expiry|expires|lifetime|ttl|version|hint|reference|ref)\b/i;
/** A hex key (32+ digits, letters and digits mixed): under a credential phrase it is a key, not a checksum. */
const HEX_KEY = /^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{32,}$/i;

export interface CommentedCredential {
  name: string;
  value: string;
  /** Offsets of the value within the comment text. */
  start: number;
  end: number;
}

/** commentedCredentials of a script comment, cached on its IR node (two rules ask, and editors re-lint on each key). */
export function commentCredentials(cm: IrComment): CommentedCredential[] {
  return (cm.credentials ??= commentedCredentials(cm.text)) as CommentedCredential[];
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
  const call = text.includes('(') && (text.includes('"') || text.includes("'"));
  const prose = PROSE_PREFILTER.test(text);
  if (!assignment && !setCall && !call && !prose) return [];
  const out: CommentedCredential[] = [];
  const consider = (name: string, value: string, at: number): void => {
    if (!isCredentialName(name) || isPlaceholder(value, 'comment') || !canBeCredentialValue(value)) return;
    if (!looksRandom(value) && !/\d/.test(value)) return;
    if (out.some((c) => c.start === at)) return;
    out.push({ name, value, start: at, end: at + value.length });
  };
  if (assignment) for (const m of text.matchAll(COMMENTED_ASSIGNMENT)) consider(m[1], m[3], (m.index ?? 0) + m[0].lastIndexOf(m[3]));
  if (setCall) for (const m of text.matchAll(COMMENTED_SET)) consider(m[2], m[4], (m.index ?? 0) + m[0].length - 1 - m[4].length);
  if (call) commentedCallArguments(text, out);
  if (prose) {
    // Prose that discloses a value: `// token secret was rotated, old one: 3f9c…`, `// the api key is Xk2…`. Only a
    // random-looking value of 20+ characters counts, so version numbers, dates and words after the name do not.
    for (const m of text.matchAll(COMMENTED_PROSE)) {
      const value = m[4];
      if (!looksRandom(value) && !HEX_KEY.test(value)) continue;
      // `password hash: 5f4d…`, `token url: …`, `key file checksum: …`: the credential word qualifies another noun.
      if (QUALIFIED_NOUN.test(m[2])) continue;
      consider(m[1], value, (m.index ?? 0) + m[0].length - value.length - m[3].length);
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

const CALL_NAME_RE = /\b([A-Za-z][\w.]{2,40})\s*\(/g;

/**
 * A commented-out call with a literal in a credential position of the catalogue (`// LDAPConnect(h, u, "pw…")`): the
 * position decides, as in code. Arguments are split at top-level commas; only quoted literals count.
 */
function commentedCallArguments(text: string, out: CommentedCredential[]): void {
  for (const m of text.matchAll(CALL_NAME_RE)) {
    const fn = lookupFunction(m[1]);
    if (!fn || !fn.params.some((p) => p.secret)) continue;
    const args = splitArguments(text, (m.index ?? 0) + m[0].length);
    args.forEach((a, i) => {
      const p = paramAt(fn, i);
      if (!p?.secret) return;
      const lit = /^\s*(["'])([^"'\r\n]{1,300})\1\s*$/.exec(text.slice(a.start, a.end));
      if (!lit) return;
      const value = lit[2];
      const start = a.start + lit[0].indexOf(lit[1]) + 1;
      if (isPlaceholder(value, 'comment') || !canBeCredentialValue(value) || out.some((c) => c.start === start)) return;
      out.push({ name: p.name, value, start, end: start + value.length });
    });
  }
}

/** The top-level arguments of a call whose `(` ends just before `from` (quotes and brackets respected; bounded). */
function splitArguments(text: string, from: number): { start: number; end: number }[] {
  const args: { start: number; end: number }[] = [];
  let depth = 0;
  let quote = 0;
  let start = from;
  for (let i = from; i < text.length && i < from + 2000; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    else if (c === 41) {
      args.push({ start, end: i });
      return args;
    } else if (c === 44 && depth === 0) {
      args.push({ start, end: i });
      start = i + 1;
    }
  }
  return args;
}

const SET_PREFILTER = /\bSet(?:Var)?\s*\(/i;
/** `Set("sf.password", "…")`, `SetVar(…)`, `Jitterbit.SetVar("$…", "…")` inside a comment. */
const COMMENTED_SET = /\b(?:Jitterbit\.)?Set(?:Var)?\s*\(\s*(["'])\$?([A-Za-z_][\w.-]{0,80})\1\s*,\s*(["'])([^"'\r\n]{6,200})\3/gi;
