// Shared value filters: placeholders, references and values that cannot be credentials.
// Policy: "Do not flag" list of section 1 and the Clarifications (placeholder words, credential values).

import { looksRandom } from './entropy';
import { isAlnumCode as codec_isAlnumCode, isDigitCode as codec_isDigitCode, isLowerCode as codec_isLowerCode, isUpperCode as codec_isUpperCode } from './codec';

// Local bindings: hot loops call these directly (no module getter per character).
const isAlnumCode = codec_isAlnumCode;
const isDigitCode = codec_isDigitCode;
const isLowerCode = codec_isLowerCode;
const isUpperCode = codec_isUpperCode;

/** Where a value was written: in code (a literal, a config value) or in comment / documentation text. */
export type ValueSite = 'code' | 'comment';

const MAX_PLACEHOLDER_LEN = 256;

/** Words that mark a value as a placeholder wherever they appear as a whole word of the value. */
const PLACEHOLDER_WORDS = new Set([
  'todo', 'tbd', 'fixme', 'dummy', 'sample', 'example', 'examples', 'placeholder', 'redacted', 'replaceme', 'replace',
  'yourpassword', 'yourtoken', 'yoursecret', 'yourkey', 'yourapikey',
  'xxx', 'notreal', 'fake', 'lorem', 'ipsum',
]);

/** Values that are placeholders only in comments and documentation text (in code they are weak real passwords). */
const COMMENT_ONLY_WORDS = new Set([
  'changeit', 'changeme', 'password', 'passwd', 'pass', 'secret', 'admin', 'mypassword', 'pa55word', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'letmein', 'welcome', 'test', 'testing', 'token', 'apikey', 'api_key', 'key', 'value', 'foo', 'bar', 'foobar',
  'qwerty', '123456', '12345678', 'abc123', 'user', 'username', 'pwd',
]);

const EXACT_PLACEHOLDERS = new Set([
  'null', 'nil', 'undefined', 'none', 'n/a', 'na', '-', '--', '...', '…', 'tbd', 'todo', 'redacted', 'hidden', 'masked',
  '[redacted]', '[hidden]', '[masked]', '(redacted)', '(hidden)', 'secret_here', 'your_secret', 'your_token', 'your_password',
  'not-set', 'notset', 'not_set', 'not set', 'unset', '(not set)', '(none)', '(masked)', '(not shown)', '<not shown>',
]);

/** Documented AWS example credentials (AWS documentation). */
export const AWS_EXAMPLE_KEYS = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'ASIAIOSFODNN7EXAMPLE']);

function isMaskChar(c: number): boolean {
  // * x X # • . - _ ? ·
  return c === 42 || c === 120 || c === 88 || c === 35 || c === 0x2022 || c === 46 || c === 45 || c === 95 || c === 63 || c === 0xb7 || c === 0x2026;
}

/** Lower-case alphanumeric words of a value (split on non-alnum, camelCase and letter/digit boundaries). */
export function valueWords(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isAlnumCode(c)) {
      if (cur) out.push(cur.toLowerCase());
      cur = '';
      continue;
    }
    if (cur) {
      const p = v.charCodeAt(i - 1);
      const boundary =
        (isUpperCode(c) && (isLowerCode(p) || isDigitCode(p))) ||
        (isDigitCode(c) !== isDigitCode(p)) ||
        (isUpperCode(c) && isUpperCode(p) && i + 1 < v.length && isLowerCode(v.charCodeAt(i + 1)));
      if (boundary) {
        out.push(cur.toLowerCase());
        cur = '';
      }
    }
    cur += v[i];
  }
  if (cur) out.push(cur.toLowerCase());
  return out;
}

const REFERENCE_RE = /^\$[A-Za-z_][\w.]{0,200}$/;
const PV_RE = /^\[[A-Za-z_][\w .]{0,200}\]$/;
/** `Get("x")`, `Jitterbit.GetVar("$token")`, `GetVar($x)`, `f()`: a call whose first argument is a string, a reference or nothing. */
const CALL_RE = /^[A-Za-z_][\w.]{0,64}\s{0,4}\(\s{0,4}(?:"[^"]{0,200}"|'[^']{0,200}'|\$[\w.]{1,200}|\[[\w. ]{1,200}\])?\s{0,4}(?:,[^()]{0,300})?\)$/;
/** `<password>`, also doubled (`<<SECRET>>`, `<<api key>>`). */
const ANGLE_RE = /^<<?[^<>]{1,80}>>?$/;
const MUSTACHE_RE = /^\{\{.{1,120}\}\}$/s;
const DOLLAR_BRACE_RE = /^[$#@%]\{.{1,120}\}$/s;
const PERCENT_RE = /^%[A-Za-z_][\w.-]{0,80}%$/;
/** A format specifier filled in later: `Sprintf("token=%s", tok)`, `%1$s`, `%-8d`, .NET `{0}`. */
const FORMAT_SPEC_RE = /^%(?:\d{1,2}\$)?[-+ 0#]{0,3}\d{0,3}(?:\.\d{1,3})?[sdiuxXfeEgGcq@]$|^\{\d{1,2}(?::[^{}]{0,20})?\}$/;
/** `env:NAME`, `env.NAME`, `ENV[NAME]`: a reference to an environment variable. */
const ENV_REF_RE = /^env[:.][A-Za-z_][\w]{0,80}$|^ENV\[["']?[A-Za-z_]\w{0,80}["']?\]$/i;
const ENV_UPPER_RE = /^\$\(?[A-Z_][A-Z0-9_]{1,80}\)?$/;
/** `your-api-key`, `<enter token>`, also after a vendor prefix that says which kind is meant (`xoxb-your-bot-token`, `sk_live_your_key`). */
const YOUR_RE = /^(?:<\s*)?(?:[a-z]{2,6}[_.-](?:(?:live|test)[_-])?)?(?:your[\s_.-]{0,3}|(?:enter|insert)[\s_.-]{1,3})[a-z]/i;
const HERE_RE = /[\s_\-.](?:here|goes[\s_\-.]here)\s*>?$/i;
/** Deployment-time token replacement: `#{FTP_PASSWORD}#` (Azure DevOps), `#{Octopus.Var}`, `__OKTA_TOKEN__`, `@@DB_PASS@@`. */
const REPLACE_TOKEN_RE = /^#\{[A-Za-z_][\w.:-]{0,120}\}#?$|^__[A-Z][A-Z0-9_.]{0,120}[A-Z0-9]__$|^@@[A-Za-z_][\w.]{0,120}@@$/;
/** An auth scheme before a reference or a template: `Bearer [pv_access_token]`, `Basic $auth_b64`, `SSWS {{okta_token}}`. */
const SCHEME_PREFIX_RE = /^(?:basic|bearer|token|ssws|apikey|api-key|key|sharedaccesssignature|genietoken|splunk|digest)\s+(\S.*)$/i;

/**
 * True when `value` is a placeholder, a mask, or a reference rather than a literal secret.
 * `where === 'comment'` additionally treats default/weak words (`changeit`, `changeme`, `password`) as
 * placeholders; in code they are weak hard-coded passwords and are not placeholders.
 */
export function isPlaceholder(value: string, where: ValueSite): boolean {
  if (typeof value !== 'string') return true;
  let v = value.trim();
  // Strip one layer of matching quotes.
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'" || v[0] === '`') && v[v.length - 1] === v[0]) v = v.slice(1, -1).trim();
  if (v.length === 0) return true;
  if (v.length > MAX_PLACEHOLDER_LEN) return false;
  const lower = v.toLowerCase();
  if (EXACT_PLACEHOLDERS.has(lower)) return true;
  if (AWS_EXAMPLE_KEYS.has(v)) return true;
  // Any AWS-key-shaped value containing EXAMPLE.
  if (v.includes('EXAMPLE') && /^(?:AKIA|ASIA|A3T|AGPA|AIDA|AROA)[A-Z0-9]{12,20}$|^[A-Za-z0-9/+]{40}$/.test(v)) return true;

  // Masks and repeated single characters.
  let allMask = true;
  let allSame = true;
  const c0 = v.charCodeAt(0);
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isMaskChar(c)) allMask = false;
    if (c !== c0) allSame = false;
    if (!allMask && !allSame) break;
  }
  if (allMask) return true;
  if (allSame && v.length >= 3) return true;

  // References and templates.
  if (REFERENCE_RE.test(v) || PV_RE.test(v) || ENV_UPPER_RE.test(v)) return true;
  if (ANGLE_RE.test(v) || MUSTACHE_RE.test(v) || DOLLAR_BRACE_RE.test(v) || PERCENT_RE.test(v) || ENV_REF_RE.test(v)) return true;
  if (FORMAT_SPEC_RE.test(v)) return true;
  if (CALL_RE.test(v)) return true;
  if (REPLACE_TOKEN_RE.test(v)) return true;
  const scheme = SCHEME_PREFIX_RE.exec(v);
  if (scheme && scheme[1] !== v && isPlaceholder(scheme[1], where)) return true;
  if (YOUR_RE.test(v) && /^[<\sA-Za-z_\-.]+>?$/.test(v)) return true;
  if (HERE_RE.test(v)) return true;
  // A template somewhere inside (`Bearer {{token}}`, `user:${PASS}`).
  if (v.includes('{{') || v.includes('${')) return true;

  // Placeholder words count in values made of words (`dummy-token`, `your_api_key_here`), not as a fragment of a
  // random token, where a short word turns up by chance (`…gTbd6SU…` holds "tbd").
  if (!looksRandom(v)) {
    for (const w of valueWords(v)) if (PLACEHOLDER_WORDS.has(w)) return true;
  }
  // Runs of x / X / * used as a mask inside a value ("sk_live_xxxxxxxx", "AKIAXXXXXXXXXXXXXXXX").
  if (v.length < 128 && /x{4}|X{4}|\*{3}|\u2022{3}/.test(v)) return true;

  if (where === 'comment') {
    if (COMMENT_ONLY_WORDS.has(lower)) return true;
    // "changeit" with decoration: changeit!, "changeme123".
    if (/^(?:changeit|changeme|password|passw0rd|secret)[!.\d]{0,4}$/i.test(v)) return true;
  }
  return false;
}

const URL_RE = /^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s]{1,4096}$/i;
const URL_USERINFO_RE = /^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/@:]{0,256}:[^\s/@]{1,256}@/i;
/** A URL without user-info (`https://host/path`): an address, never a credential. */
export function isPlainUrl(value: string): boolean {
  const v = value.trim();
  return URL_RE.test(v) && !URL_USERINFO_RE.test(v);
}

const NUMBER_RE = /^[+-]?(?:\d{1,12}(?:[.,]\d{1,6})?|\.\d{1,6})$/;
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'enable', 'disable', 'y', 'n', 't', 'f']);
const AUTH_SCHEMES = new Set([
  'basic', 'bearer', 'oauth', 'oauth1', 'oauth2', 'oauth 2.0', 'oauth2.0', 'ntlm', 'digest', 'none', 'kerberos', 'negotiate',
  'anonymous', 'saml', 'jwt', 'hmac', 'certificate', 'cert', 'apikey', 'api_key', 'api-key', 'api key', 'client_credentials',
  'password_grant', 'aws4-hmac-sha256', 'aws_iam', 'iam', 'token', 'session', 'custom', 'default', 'form',
  'publickey', 'public-key', 'keyboard-interactive', 'gssapi-with-mic', 'hostbased', 'cookie', 'mtls', 'oidc', 'ldap', 'windows',
]);
/**
 * Names of encodings and algorithms (`auth: base64 of …`, `$auth = "sha256"`, `signature_key: hmac-sha256`): they say
 * how a credential is shaped, in the same way as an auth-scheme keyword, and are never the credential itself.
 */
const ENCODING_WORDS = new Set([
  'base64', 'base64url', 'base32', 'hex', 'utf8', 'utf-8', 'md5', 'sha1', 'sha-1', 'sha256', 'sha-256', 'sha384', 'sha512',
  'sha-512', 'hmac-sha1', 'hmac-sha256', 'hmac-sha512', 'hmacsha256', 'hs256', 'hs384', 'hs512', 'rs256', 'rs384', 'rs512',
  'es256', 'ps256', 'aes128', 'aes256', 'aes-128', 'aes-256', 'rsa', 'pkcs7', 'pkcs8', 'pkcs12', 'plaintext',
]);
const PATH_RE = /^(?:[A-Za-z]:[\\/]|\\\\|~[\\/]|\.{1,2}[\\/]|\/)[^\s*?"<>|]{0,1024}$/;
const FILE_EXT_RE = /^[\w\-.]{1,200}\.(?:jks|p12|pfx|pem|key|crt|cer|der|keystore|truststore|txt|json|xml|csv|properties|conf|cfg|ini|yaml|yml|log|zip|gz|pdf)$/i;
const TAG_RE = /^<TAG>[^<]{0,400}<\/TAG>$/i;
const SC_REF_RE = /^[a-z]{2,3}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SENTENCE_WORD_RE = /^[("'\u201c]?(?:[A-Za-z][a-z'\u2019]{0,30}|[A-Z]{1,6}|\d{1,6})[)"'\u201d]?[.,:;!?]{0,3}$/;

/** True for a string made of ordinary words separated by spaces ("Login failed", "Invalid password for user"). */
export function looksLikeSentence(v: string): boolean {
  const t = v.trim();
  if (!/\s/.test(t) || t.length > 2000) return false;
  const words = t.split(/\s+/);
  if (words.length < 2) return false;
  let alpha = 0;
  for (const w of words) {
    if (!SENTENCE_WORD_RE.test(w)) return false;
    if (/[a-z]{2}/i.test(w)) alpha++;
  }
  return alpha >= 2 || (alpha >= 1 && words.length === 2);
}

/**
 * Policy: "the value must be able to be a credential": not empty, not a placeholder or reference,
 * not a URL without user-info, a number, a boolean, a path, an auth-scheme keyword, a sentence,
 * or a `<TAG>…</TAG>` / `sc.<uuid>` component reference.
 */
export function canBeCredentialValue(value: string): boolean {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  if (v.length === 0) return false;
  if (isPlaceholder(v, 'code')) return false;
  const lower = v.toLowerCase();
  if (BOOLEAN_WORDS.has(lower)) return false;
  if (AUTH_SCHEMES.has(lower) || ENCODING_WORDS.has(lower)) return false;
  if (NUMBER_RE.test(v)) return false;
  if (isPlainUrl(v)) return false;
  if (PATH_RE.test(v) && !/[+=]/.test(v) && /[\\/][A-Za-z]/.test(v)) return false;
  if (FILE_EXT_RE.test(v)) return false;
  if (TAG_RE.test(v) || SC_REF_RE.test(v)) return false;
  if (looksLikeSentence(v)) return false;
  return true;
}
