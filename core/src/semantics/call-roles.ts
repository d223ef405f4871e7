import type { IrCall, Ir } from './ir';

/**
 * What the flow pass knows of a function by its name: which arguments a naming context passes to, which calls mask,
 * select, log, send or look up. One table per property; `roleOf` reads them once per distinct spelling.
 */

/** Functions whose value is derived from all their arguments' text (so a naming context passes through). */
const PASS_THROUGH = new Set([
  'trim', 'ltrim', 'rtrim', 'trimchars', 'ltrimchars', 'rtrimchars', 'ifempty', 'ifnull', 'string', 'tolower', 'toupper', 'toproper',
  'base64encode', 'urlencode', 'quote', 'dquote', 'lpad', 'rpad', 'lpadchar', 'rpadchar', 'sqlescape', 'replace', 'regexreplace',
  'left', 'right', 'mid', 'truncate', 'hextostring', 'stringtohex', 'base64decode', 'urldecode', 'format',
  // JavaScript methods that return their receiver's text (`"…".trim()` stored under a credential name)
  '.trim', '.tostring', '.touppercase', '.tolowercase', '.replace', '.concat', '.valueof',
]);
/** Functions that return their whole input re-encoded, so a whole payload stays whole. */
const WHOLE_VALUE = new Set(['trim', 'ltrim', 'rtrim', 'string', 'tolower', 'toupper', 'base64encode', 'urlencode', 'quote', 'dquote', 'replace', 'regexreplace', 'ifempty', 'ifnull', '.tostring', 'json.stringify', '.stringify', '.trim', '.tolowercase', '.touppercase',
  // Split into lines and joined again, a whole payload is still the whole payload.
  '.split', '.join', '.concat', '.replace',
  // Parsed and printed again, likewise.
  'json.parse', '.parse']);
/** Hashes and measures: their result reveals nothing of the input. */
const MASKING = new Set(['md5', 'sha256', 'md5astwonumbers', 'length', 'stringlength', 'count', 'countsubstring', 'isnull', 'isvalid', 'isvalidstring', 'isinteger', 'hexhash',
  // A container's key names, not its values.
  'getkeys', '.keys',
  // The year alone of a date (of birth).
  '.getfullyear', '.getutcfullyear', '.getyear']);
/** Built-ins whose result is control flow, not data, for taint purposes. */
const SELECTS = new Map<string, (i: number) => boolean>([
  ['if', (i) => i > 0],
  ['case', (i) => i % 2 === 1],
  ['eval', () => true],
  ['while', () => false],
  ['ifempty', () => true],
  ['ifnull', () => true],
]);
const LOG_SINKS = new Set(['writetooperationlog', 'raiseerror', 'setlasterror']);
/** `user:password` as HTTP Basic credentials are written before encoding (a password of 4+ characters). */
export const USER_PASSWORD = /^[^\s:]{1,128}:\S{4,256}$/;
/**
 * Lookups return what the external system holds, not their arguments: a connection string's password or a key in the
 * query's WHERE clause is not in the result (a selected credential column is known by the name it is stored under).
 */
export const EXTERNAL_RESULT = new Set([
  'dblookup', 'dblookupall', 'dbexecute', 'cachelookup', 'sflookup', 'sflookupall', 'sfcachelookup', 'ldapsearch', 'readfile',
  'jitterbit.dblookup', 'jitterbit.dbexecute', 'jitterbit.readfile',
]);
/**
 * Functions that return the field their path or key argument (this index) selects: a token response's
 * `"/access_token"`, a cached `"partner_access_token"`, an XPath ending in `SessionId` hold what they name.
 */
const SELECTED_BY = new Map<string, number>([
  ['getjsonstring', 1], ['selectsinglenode', 1], ['selectnodes', 1], ['selectnodesfromxmlany', 0], ['readcache', 0],
]);
const EMAIL_MESSAGE_ARGS = new Map<string, number[]>([['sendemail', [2, 3]], ['sendsystememail', [1, 2]]]);
const JS_CLEAN_METHODS = new Set(['.indexof', '.lastindexof', '.search', '.test', '.charcodeat', '.localecompare', '.hasownproperty']);

/** What the flow pass needs to know of a function name, looked up once per distinct spelling. */
export interface CallRole {
  lname: string;
  /** A naming context passes through to the arguments (PASS_THROUGH or SELECTS). */
  passesContext: boolean;
  select?: (i: number) => boolean;
  logSink: boolean;
  emailArgs?: number[];
  /** Whether the call returns its input whole (re-encoded), or a prefix long enough to carry a payload's content. */
  wholeValue: (c: IrCall) => boolean;
  /** Whether a call masks its input: always (a hash, a count), by its arguments (`Left(x, 4)`), or never. */
  masks: (c: IrCall) => boolean;
  cleanMethod: boolean;
  /** The argument naming the field the call returns (SELECTED_BY). */
  selector?: number;
  /** `Get` / `Set`: the call reads or writes the global its first argument names. */
  byName?: 'get' | 'set';
  /** `While`: its arguments are evaluated again and again. */
  loop: boolean;
}

/** The number literal at argument `i` (a negated one too). */
function numberArg(c: IrCall, i: number): number | undefined {
  const a = c.args[i];
  if (a && a.k === 'lit' && typeof a.value === 'number') return a.value;
  if (a && a.k === 'other' && a.items.length === 1 && a.items[0].k === 'lit' && typeof a.items[0].value === 'number') return -a.items[0].value;
  return undefined;
}

function stringArg(c: IrCall, i: number): string {
  const a = c.args[i];
  return a && a.k === 'lit' && typeof a.value === 'string' ? a.value : '';
}

const replacesWithMask = (c: IrCall): boolean => /^[*xX#•]+$|\*{2,}/.test(stringArg(c, 2));
const isStringLit = (e: Ir | undefined): boolean => e !== undefined && e.k === 'lit' && typeof e.value === 'string';
/**
 * `Replace(x, old, "****")` masks only when `old` is the value (or part of it), not a fixed text: `Replace(pan, "-", "*")`
 * stars the dashes and leaves every digit.
 */
const replacesValueWithMask = (c: IrCall): boolean => replacesWithMask(c) && !isStringLit(c.args[1]);
/** A pattern that matches characters by class (`[0-9]`, `\d`, `\w`, `.`), not only a fixed text such as `"^ab"` or `"-"`. */
const CLASS_PATTERN_RE = /\[[^\]]+\]|\\[dDwWsSpP]|(?:^|[^\\])\./;
const regexReplacesWithMask = (c: IrCall): boolean =>
  replacesWithMask(c) && (!isStringLit(c.args[1]) || CLASS_PATTERN_RE.test(stringArg(c, 1)));
/**
 * JavaScript `s.slice(-4)`, `s.substr(-4)`, `s.substring(s.length - 4)` (the last 4 at most) and `s.slice(0, 6)`,
 * `s.substring(0, 6)`, `s.substr(0, 6)` (the first 6 at most: a card's issuer part). The receiver is args[0].
 */
const keepsLastFour = (c: IrCall): boolean => {
  const a = numberArg(c, 1);
  if (c.args.length === 2) return (a !== undefined && a < 0 && a >= -4 && !c.name.endsWith('substring')) || lengthMinus(c.args[1]) !== undefined;
  return c.args.length === 3 && a === 0 && (numberArg(c, 2) ?? 99) <= 6;
};

/** `N` of `x.length - N` (N ≤ 4), else undefined. */
function lengthMinus(e: Ir): number | undefined {
  if (e.k !== 'bin' || e.op !== '-' || e.l.k !== 'member' || e.l.prop !== 'length' || e.l.index) return undefined;
  const n = e.r.k === 'lit' && typeof e.r.value === 'number' ? e.r.value : undefined;
  return n !== undefined && n >= 0 && n <= 4 ? n : undefined;
}

/** Functions that mask only with certain arguments (detection-policy "masking"). */
const MASKING_BY_ARGUMENTS = new Map<string, (c: IrCall) => boolean>([
  ['right', (c) => (numberArg(c, 1) ?? 99) <= 4],
  ['left', (c) => (numberArg(c, 1) ?? 99) <= 6],
  ['mid', (c) => (numberArg(c, 2) ?? 99) <= 4],
  ['replace', replacesValueWithMask],
  ['regexreplace', regexReplacesWithMask],
  ['formatdate', (c) => /^[yY]+$/.test(stringArg(c, 1))],
  ['.replace', (c) => /\*{2,}|^\*+$/.test(stringArg(c, 2))],
  ['.slice', keepsLastFour],
  ['.substr', keepsLastFour],
  ['.substring', keepsLastFour],
  // One character at a fixed place (`pw.charAt(0) + "***"`); at a moving index a loop can spell the whole value.
  ['.charat', (c) => numberArg(c, 1) !== undefined],
]);
/**
 * A payload cut to a long prefix (`Left(body, 2000)`, `body.substring(0, 2000)`) is still the payload: the cut only
 * bounds the log line's size. The count must be a literal of at least LONG_PART_CHARS.
 */
const LONG_PART_CHARS = 100;
const longCount = (c: IrCall, i: number): boolean => (numberArg(c, i) ?? 0) >= LONG_PART_CHARS;
const LONG_PART = new Map<string, (c: IrCall) => boolean>([
  ['left', (c) => longCount(c, 1)],
  ['mid', (c) => longCount(c, 2)],
  // JavaScript: the receiver is args[0]; `.slice(0, n)`, `.substring(0, n)`, `.substr(0, n)`.
  ['.slice', (c) => numberArg(c, 1) === 0 && longCount(c, 2)],
  ['.substring', (c) => numberArg(c, 1) === 0 && longCount(c, 2)],
  ['.substr', (c) => numberArg(c, 1) === 0 && longCount(c, 2)],
]);
const ALWAYS = (): boolean => true;
const NEVER = (): boolean => false;

const roles = new Map<string, CallRole>();

export function roleOf(name: string): CallRole {
  let r = roles.get(name);
  if (!r) {
    const lname = name.toLowerCase();
    const select = SELECTS.get(lname);
    r = {
      lname,
      passesContext: PASS_THROUGH.has(lname) || select !== undefined,
      select,
      logSink: LOG_SINKS.has(lname),
      emailArgs: EMAIL_MESSAGE_ARGS.get(lname),
      wholeValue: WHOLE_VALUE.has(lname) ? ALWAYS : (LONG_PART.get(lname) ?? NEVER),
      masks: MASKING.has(lname) ? ALWAYS : (MASKING_BY_ARGUMENTS.get(lname) ?? NEVER),
      cleanMethod: JS_CLEAN_METHODS.has(lname),
      selector: SELECTED_BY.get(lname),
      byName: lname === 'get' ? 'get' : lname === 'set' ? 'set' : undefined,
      loop: lname === 'while',
    };
    // Spellings are few (catalogue names plus a script's own); the bound only guards against hostile input.
    if (roles.size > 10000) roles.clear();
    // Keyed by a copy: a name sliced from a script would keep the whole script text alive in this cache.
    roles.set((' ' + name).slice(1), r);
  }
  return r;
}

/** A call whose result is a masked, hashed or measured form of its input (detection-policy "masking"). */
export function isMaskingCall(c: IrCall): boolean {
  return roleOf(c.name).masks(c);
}
