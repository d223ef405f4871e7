// Credentials inside structured strings (policy section 1, "inside structured strings") that have a syntax of their
// own: URL user-info, Oracle JDBC user/password@, Authorization headers, and a whole value that is base64 user:password.
// Named values (key=value pairs, XML elements) are in tokens-key-values.ts.

import { isPlaceholder, type ValueSite } from './placeholder';
import { eachMatch, isReferenceLike, P_HEADER, P_STRUCT, push, secretish, type Out } from './tokens-candidate';
import type { Markers } from './tokens-markers';
import { decodeBasicCredentials } from './tokens-validate';

// The password may hold a `#` written unencoded (`amqps://svc:Xk#2@host`): a fragment never comes before `@host`.
const URL_USERINFO_RE = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:@/?#"'<>\\]{0,128}):([^\s@/?"'<>\\]{1,256})@(?=[A-Za-z0-9[])/gi;

export function scanUrlUserinfo(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.url || !text.includes('@')) return;
  eachMatch(URL_USERINFO_RE, text, (m) => {
    const pass = m[2];
    let decoded = pass;
    try {
      decoded = decodeURIComponent(pass);
    } catch {
      /* keep raw */
    }
    if (isReferenceLike(pass) || isPlaceholder(decoded, where) || isPlaceholder(m[1], where) && isPlaceholder(decoded, 'comment')) return;
    const s = m.index + m[0].length - 1 - pass.length;
    push(out, 'url-userinfo-password', 'password in URL user-info', s, s + pass.length, 'medium', P_STRUCT + 1);
  });
}

// Oracle JDBC URLs carry the credentials before the host: `jdbc:oracle:thin:scott/tiger@db:1521/ORCL`.
const ORACLE_JDBC_RE = /jdbc:oracle:(?:thin|oci8?|kprb):([A-Za-z0-9_$#.]{1,128})\/("[^"\r\n]{1,128}"|[^\s@/"'<>\\]{1,128})@/gi;

export function scanOracleJdbc(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.oracle) return;
  eachMatch(ORACLE_JDBC_RE, text, (m) => {
    const raw = m[2];
    const pass = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    if (pass === '' || isReferenceLike(pass) || isPlaceholder(pass, where)) return;
    const s = m.index + m[0].length - 1 - raw.length + (raw.startsWith('"') ? 1 : 0);
    push(out, 'connection-string-password', 'password in an Oracle JDBC URL (user/password@host)', s, s + pass.length, 'medium', P_STRUCT + 1);
  });
}

const AUTH_SCHEME_RE = /\b([Bb]asic|BASIC|[Bb]earer|BEARER|[Tt]oken|TOKEN|SSWS|GenieKey|[Aa]pi[Kk]ey|APIKEY)[ \t]{1,4}([A-Za-z0-9+/=._~-]{8,8192})/g;
const AUTH_CONTEXT_RE = /(?:authori[sz]ation|auth|proxy-authorization)["']?\s{0,3}[:=,]\s{0,3}["']?\s{0,2}$/i;

export function scanAuthHeaders(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.authScheme) return;
  eachMatch(AUTH_SCHEME_RE, text, (m) => {
    const scheme = m[1].toLowerCase();
    const token = m[2];
    const tokStart = m.index + m[0].length - token.length;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const atStart = /^\s*["'`]?\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index)) && text.slice(0, m.index).trim().length <= 1;
    const afterQuote = /["'`]\s?$/.test(before);
    const inHeader = AUTH_CONTEXT_RE.test(before);
    if (!atStart && !inHeader && !afterQuote) return;
    if (scheme === 'basic') {
      const t = token.replace(/[._~-]+$/, '');
      const cred = decodeBasicCredentials(t);
      if (!cred || isPlaceholder(cred.password, where) || isReferenceLike(cred.password)) return;
      push(out, 'authorization-basic', 'HTTP Basic credentials (base64 user:password)', tokStart, tokStart + t.length, 'high', P_HEADER);
      return;
    }
    // `Token …` and the other schemes (Okta `SSWS`, `GenieKey`, `ApiKey`) only as an Authorization header's value.
    if (scheme !== 'bearer' && !inHeader) return;
    if (token.length < 16 || isPlaceholder(token, where) || !secretish(token)) return;
    const description = scheme === 'bearer' ? 'bearer token in an Authorization header' : `${m[1]} credential in an Authorization header`;
    push(out, 'authorization-bearer', description, tokStart, tokStart + token.length, 'medium', P_HEADER);
  });
}

const WHOLE_B64_RE = /^[A-Za-z0-9+/]{8,512}={0,2}$/;

function isTrimChar(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 96;
}

export function scanWholeBasicBase64(text: string, where: ValueSite, out: Out, _mk?: Markers): void {
  if (text.length > 540) return;
  let s = 0;
  let e = text.length;
  while (s < e && isTrimChar(text.charCodeAt(s))) s++;
  while (e > s && isTrimChar(text.charCodeAt(e - 1))) e--;
  if (e - s > 520 || e - s < 8) return;
  const v = text.slice(s, e);
  if (!WHOLE_B64_RE.test(v) || v.length % 4 !== 0) return;
  const cred = decodeBasicCredentials(v);
  if (!cred) return;
  if (!/^[\w.@+-]{1,64}$/.test(cred.user) || !/[A-Za-z]/.test(cred.user)) return;
  if (cred.password.length < 4 || /\s|:/.test(cred.password) || isPlaceholder(cred.password, where)) return;
  push(out, 'basic-auth-base64', 'base64 that decodes to user:password', s, e, 'medium', P_STRUCT);
}
