import { isNeutralKeyWord } from '../detectors/key-header-words';
import type { Ir } from './ir';
import { T_PAYLOAD, T_SECRET, taint, type Taint } from './taint';

/** What names alone say of a value's sensitivity: Jitterbit's inbound request variables, paths and selectors. */

const CREDENTIAL_HEADERS = /(^|[._-])(authorization|x[-_]api[-_]key|api[-_]?key|x[-_]auth[-_]token|cookie|proxy[-_]authorization|x[-_]access[-_]token)$/i;
/**
 * Any other request header named `…-key` carries an access key (`x-functions-key`, `ocp-apim-subscription-key`,
 * `x-rapidapi-key`), except the keys HTTP uses for other things: request de-duplication, WebSocket handshakes,
 * public keys, partition, routing and cache keys (the word before `key` is neutral, see isNeutralKeyWord).
 */
const KEY_HEADER = /[._-]key$/i;
/** The word before a final `-key`/`_key` of a (lower-case) header variable name. */
const KEY_QUALIFIER = /(?:^|[._-])([^._-]+)[-_]key$/;

function isNeutralKeyHeader(lower: string): boolean {
  const m = KEY_QUALIFIER.exec(lower);
  return m !== null && isNeutralKeyWord(m[1]);
}

/** The taint a Jitterbit system variable carries (an inbound body, all headers, a credential header or parameter). */
export function systemVariableTaint(name: string, isCredentialName: (name: string) => boolean): Taint | undefined {
  const n = name.toLowerCase();
  if (!n.startsWith('jitterbit.')) return undefined;
  if (n === 'jitterbit.api.request.body' || n.startsWith('jitterbit.api.request.body.')) return taint(T_PAYLOAD, 'the inbound API request body');
  if (n === 'jitterbit.api.request.enum.headers' || n === 'jitterbit.api.request.headers') return taint(T_PAYLOAD, 'all inbound request headers');
  if (n.startsWith('jitterbit.api.request.headers.') || n.startsWith('jitterbit.networking.http.request.header.')) {
    const credential = CREDENTIAL_HEADERS.test(n) || (KEY_HEADER.test(n) && !isNeutralKeyHeader(n));
    return credential ? taint(T_SECRET, `the \`${name.split('.').pop() ?? ''}\` request header`) : undefined;
  }
  if (n.startsWith('jitterbit.api.request.parameters.') || n.startsWith('jitterbit.networking.http.query.')) {
    const p = name.split('.').pop() ?? '';
    return isCredentialName(p) ? taint(T_SECRET, `the \`${p}\` request parameter`) : undefined;
  }
  return undefined;
}

const REQUEST_HEADER_PREFIX_RE = /^\$?jitterbit\.api\.request\.headers\.$/i;

/** A variable name built as `"jitterbit.api.request.headers." + <something not literal>` (a header chosen at run time). */
export function computedRequestHeaderName(e: Ir | undefined): boolean {
  if (!e || e.k !== 'cat' || e.items.length < 2) return false;
  const head = e.items[0];
  return head.k === 'lit' && typeof head.value === 'string' && REQUEST_HEADER_PREFIX_RE.test(head.value) && e.items.some((x) => x.k !== 'lit');
}

/** A part of a whole payload is no longer the whole payload (a field, an element); other kinds stay. */
export function withoutPayload(t: Taint | undefined): Taint | undefined {
  if (!t || !(t.bits & T_PAYLOAD)) return t;
  return t.bits === T_PAYLOAD ? undefined : { ...t, bits: t.bits & ~T_PAYLOAD };
}

/** The last non-empty segment of a source path (`root$a.b#c$` → `c`), without allocating the others. */
export function lastSegment(path: string): string {
  let end = path.length;
  for (;;) {
    let i = end - 1;
    while (i >= 0 && !isPathSeparator(path.charCodeAt(i))) i--;
    if (i < end - 1 || i < 0) return path.slice(i + 1, end);
    end = i;
  }
}

/** The last name a JSON path, XPath or cache key selects (`/data/access_token` → `access_token`, `//a:SessionId[1]` → `SessionId`). */
export function lastSelected(path: string): string {
  const parts = path.replace(/\[[^\]]*\]/g, '').split(/[/.:@$#]+/).filter((p) => p.length > 0);
  return parts.length > 0 ? parts[parts.length - 1].slice(0, 200) : '';
}

function isPathSeparator(c: number): boolean {
  return c === 36 /* $ */ || c === 46 /* . */ || c === 35 /* # */;
}
