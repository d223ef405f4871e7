// Credentials stored under a credential name inside a string: `KEY=value` / `"key": "value"` / `KEY: value` pairs
// (connection strings, URL parameters, JSON-ish text, commented-out assignments) and `<password>…</password>` elements.

import { isAlnumCode as codec_isAlnumCode, isLowerCode as codec_isLowerCode, isUpperCode as codec_isUpperCode } from './codec';
import { looksLikeIssuedKey, looksRandom } from './entropy';
import { isCredentialName, isKeyHeaderName } from './names';
import { canBeCredentialValue, isPlaceholder, type ValueSite } from './placeholder';
import { isReferenceLike, P_STRUCT, push, secretish, type Out } from './tokens-candidate';
import type { Markers } from './tokens-markers';

// Local bindings: hot loops call these directly (no module getter per character).
const isAlnumCode = codec_isAlnumCode;
const isLowerCode = codec_isLowerCode;
const isUpperCode = codec_isUpperCode;

/**
 * Letters only, as words or an identifier (`camelCase`, `token_url`, `erp-prod`): in prose (`// secret: camelCase
 * name`, `key: value` text) that is a word, not a credential, unless it is long and random.
 */
function looksLikeWords(v: string): boolean {
  return /^[A-Za-z]+(?:[_.-][A-Za-z]+)*$/.test(v) && !looksRandom(v);
}

/** indexOf limited to `max` characters after `from`; -1 when not found there. */
function findWithin(text: string, ch: string, from: number, max: number): number {
  const lim = Math.min(text.length, from + max);
  for (let k = from; k < lim; k++) if (text[k] === ch) return k;
  return -1;
}

/** lastIndexOf limited to `max` characters before `from` (inclusive); -1 when not found there. */
function findBack(text: string, ch: string, from: number, max: number): number {
  const lim = Math.max(0, from - max);
  for (let k = from; k >= lim; k--) if (text[k] === ch) return k;
  return -1;
}

/** Characters that end an unquoted value: ; & whitespace , " ' < > ) ] } | \\ */
function isValueStop(c: number): boolean {
  return c <= 32 || c === 59 || c === 38 || c === 44 || c === 34 || c === 39 || c === 60 || c === 62 || c === 41 || c === 93 || c === 125 || c === 124 || c === 92;
}

/** A credential-ish word somewhere in a key: the cheap test before the name check (the flow's split-key test uses it too). */
export const KEY_HINT_RE = /pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred/i;

function isKeyChar(c: number): boolean {
  return isAlnumCode(c) || c === 95 || c === 46 || c === 45 || c === 36; // _ . - $
}

/**
 * `KEY=value` / `"key": "value"` / `KEY: value` pairs where KEY is a credential name: connection strings
 * (`Password=…;`, `PWD={…}`), URL parameters (`?api_key=…`), JSON/XML-ish strings, commented-out assignments.
 */
const KV_CANDIDATE_RE = /(?:pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred)[\w.$-]{0,60}["']?[ \t]{0,3}[=:]/gi;

export function scanKeyValues(text: string, where: ValueSite, out: Out, _mk?: Markers): void {
  KV_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KV_CANDIDATE_RE.exec(text)) !== null) {
    const sepAt = m.index + m[0].length - 1;
    const resume = keyValueAt(text, sepAt, where, out);
    if (resume > KV_CANDIDATE_RE.lastIndex) KV_CANDIDATE_RE.lastIndex = resume;
  }
}

/** Examines the separator at `i`; returns the offset where scanning may resume (-1: no match). */
function keyValueAt(text: string, i: number, where: ValueSite, out: Out): number {
  const n = text.length;
  const sep = text.charCodeAt(i);
  const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  if (sep === 61) {
    if (next === 61 || next === 62 || prev === 61 || prev === 33 || prev === 60 || prev === 62 || prev === 58 || prev === 43 || prev === 42 || prev === 47) return -1;
  } else {
    if (next === 58 || prev === 58 || next === 61 || (next === 47 && i + 2 < n && text.charCodeAt(i + 2) === 47)) return -1;
  }
  // key, walking back
  let j = i - 1;
  let sp = 0;
  while (j >= 0 && sp < 3 && (text[j] === ' ' || text[j] === '\t')) {
    j--;
    sp++;
  }
  if (j < 0) return -1;
  let keyStart: number;
  let keyEnd: number;
  let quotedKey = false;
  const q = text[j];
  if (q === '"' || q === "'") {
    const open = findBack(text, q, j - 1, 80);
    if (open < 0 || j - open < 2) return -1;
    keyStart = open + 1;
    keyEnd = j;
    if (text.slice(keyStart, keyEnd).includes('\n')) return -1;
    quotedKey = true;
  } else {
    keyEnd = j + 1;
    let k = j;
    while (k >= 0 && keyEnd - k <= 80 && isKeyChar(text.charCodeAt(k))) k--;
    keyStart = k + 1;
    if (keyEnd - keyStart > 80) return -1;
  }
  if (keyEnd <= keyStart) return -1;
  const key = text.slice(keyStart, keyEnd);
  // A URL parameter named just `key` or `sig(nature)` holds a key when its value is random (`…/zones?key=9f3c…`).
  const bareUrlKey = sep === 61 && (text[keyStart - 1] === '?' || text[keyStart - 1] === '&') && /^(?:key|sig|signature)$/i.test(key);
  // A header or parameter named like a key (`X-Auth-Key: …`, `&client-key=…`) holds one when its value is random.
  const keyHeader = !bareUrlKey && isKeyHeaderName(key) && !isCredentialName(key);
  if (!bareUrlKey && !keyHeader && (!KEY_HINT_RE.test(key) || !isCredentialName(key))) return -1;
  // value
  let k = i + 1;
  sp = 0;
  while (k < n && sp < 3 && (text[k] === ' ' || text[k] === '\t')) {
    k++;
    sp++;
  }
  if (k >= n) return -1;
  let vs: number;
  let ve: number;
  let quoted = false;
  const vc = text[k];
  if (vc === '"' || vc === "'") {
    const close = findWithin(text, vc, k + 1, 1024);
    if (close < 0) return -1;
    vs = k + 1;
    ve = close;
    if (text.slice(vs, ve).includes('\n')) return -1;
    quoted = true;
  } else if (vc === '{') {
    const close = findWithin(text, '}', k + 1, 512);
    if (close < 0) return -1;
    vs = k + 1;
    ve = close;
    quoted = true;
    // `{api_key}`: a template's named slot, not an ODBC-braced value.
    const slot = text.slice(vs, ve);
    if (/^[A-Za-z_][\w.]*$/.test(slot) && (isCredentialName(slot) || slot.toLowerCase() === key.toLowerCase())) return -1;
  } else if (vc === '(') {
    // `Password: (hidden)`: a parenthesised note.
    const close = findWithin(text, ')', k + 1, 64);
    if (close < 0) return -1;
    vs = k;
    ve = close + 1;
  } else if ((vc === ':' || vc === '@' || vc === '?') && /^[:@?][A-Za-z_]\w{0,63}(?![\w.-])/.test(text.slice(k, k + 66))) {
    return -1; // a SQL bind parameter (`API_KEY = :api_key`, `TOKEN = @token`)
  } else {
    vs = k;
    ve = k;
    while (ve < n && ve - vs < 1024 && !isValueStop(text.charCodeAt(ve))) ve++;
    if (ve < n && text[ve] === '(') return -1; // a call: password=Get("x")
    if (ve < n && text[ve] === '\\' && !/[\\]n|[\\]r|[\\]t/.test(text.slice(ve, ve + 2))) return -1;
  }
  if (ve <= vs) return -1;
  const value = text.slice(vs, ve);
  const before = keyStart > 0 ? text[keyStart - 1] : '';
  // A segment of a colon path (`arn:aws:secretsmanager:…:secret:name`, a URN) names a resource; it holds no value.
  if (sep === 58 && before === ':') return -1;
  if (!quoted && (sep === 58 && !quotedKey || where === 'comment') && (!secretish(value) || looksLikeWords(value))) return -1;
  const connection = sep === 61 && (before === ';' || text[ve] === ';' || /;\s*$/.test(text.slice(Math.max(0, keyStart - 2), keyStart)));
  // `pw = -x` / `pw=*p` in code are operators; in a connection string the characters are the password's.
  if (!quoted && !connection && /^[+\-*/]/.test(value)) return -1;
  if (isReferenceLike(value) || !canBeCredentialValue(value) || isPlaceholder(value, where)) return -1;
  if (keyHeader && !looksLikeIssuedKey(value)) return -1;
  if (bareUrlKey && !(value.length >= 16 && /^[\w%.~+/=-]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value) && (looksRandom(value) || /^[0-9a-f]{16,}$/i.test(value)))) return -1;
  if (/^(?:basic|bearer|token|digest|ntlm|negotiate)\s/i.test(value)) return -1; // header values: scanAuthHeaders
  if (sep === 61 && (before === '?' || before === '&') && isPlaceholder(percentDecoded(value).split('/')[0], where)) return -1; // `X-Amz-Credential=<example key>/…`
  let kind = 'key-value';
  let description = `credential value under "${key.replace(/^\$+/, '')}"`;
  if (sep === 61 && (before === '?' || before === '&')) {
    kind = 'url-parameter';
    description = `credential in URL parameter "${key}"`;
  } else if (connection) {
    kind = 'connection-string-password';
    description = `credential in connection string (${key})`;
  }
  push(out, kind, description, vs, ve, 'medium', P_STRUCT);
  return ve;
}

function percentDecoded(v: string): string {
  if (!v.includes('%')) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export function scanXmlElements(text: string, where: ValueSite, out: Out): void {
  if (!text.includes('</')) return;
  let i = -1;
  const n = text.length;
  for (;;) {
    i = text.indexOf('<', i + 1);
    if (i < 0 || i + 2 >= n) return;
    const c = text.charCodeAt(i + 1);
    if (!(isUpperCode(c) || isLowerCode(c) || c === 95)) continue;
    let k = i + 1;
    while (k < n && k - i <= 64 && (isKeyChar(text.charCodeAt(k)) || text[k] === ':')) k++;
    const name = text.slice(i + 1, k);
    const local = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name;
    if (!local || !KEY_HINT_RE.test(local) || !isCredentialName(local)) continue;
    const gt = findWithin(text, '>', k, 256);
    if (gt < 0 || text[gt - 1] === '/' || text.slice(k, gt).includes('<')) continue;
    const closeTag = '</' + name + '>';
    const rel = text.slice(gt + 1, gt + 2049 + closeTag.length).indexOf(closeTag);
    if (rel < 0) continue;
    const close = gt + 1 + rel;
    let vs = gt + 1;
    let ve = close;
    if (text.slice(vs, ve).includes('<')) continue;
    while (vs < ve && /\s/.test(text[vs])) vs++;
    while (ve > vs && /\s/.test(text[ve - 1])) ve--;
    const value = text.slice(vs, ve);
    if (!value || isReferenceLike(value) || !canBeCredentialValue(value) || isPlaceholder(value, where)) continue;
    push(out, 'xml-credential-element', `credential in <${local}> element`, vs, ve, 'medium', P_STRUCT + 1);
    i = close;
  }
}
