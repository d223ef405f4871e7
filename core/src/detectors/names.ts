// Name-level checks: is a variable / key / header / element name a credential name or a PII field name?
// Policy: detection-policy.md "Credential names" clarification and section 2 (PII-bearing names).

import { isDigitCode as codec_isDigitCode, isLowerCode as codec_isLowerCode, isUpperCode as codec_isUpperCode } from './codec';
import { isNeutralKeyWord } from './key-header-words';

// Local bindings: hot loops call these directly (no module getter per character).
const isDigitCode = codec_isDigitCode;
const isLowerCode = codec_isLowerCode;
const isUpperCode = codec_isUpperCode;

/** Coarse kind of credential a name denotes (for messages and variable-name suggestions). */
export type CredentialNameKind = 'password' | 'secret' | 'token' | 'key' | 'session' | 'signature' | 'auth' | 'credential';

/** Coarse kind of personal data a name denotes. */
export type SensitiveDataNameKind = 'ssn' | 'date-of-birth' | 'card' | 'iban' | 'passport' | 'tax-id' | 'national-id';

const MAX_NAME = 256;

const HEADER_PREFIXES = [
  'jitterbit.networking.http.request.header.',
  'jitterbit.networking.http.response.header.',
  'jitterbit.api.request.headers.',
  'jitterbit.api.request.header.',
];

/**
 * Splits a name into lower-case segments: separators `_ . - $ / : space tab`, camelCase and
 * ACRONYMWord boundaries, and letter/digit boundaries. Leading `$` and well-known Jitterbit header
 * prefixes are removed. Linear in the name length; names are truncated to 256 characters (kept from the end).
 */
export function nameSegments(name: string): string[] {
  let n = name.length > MAX_NAME ? name.slice(name.length - MAX_NAME) : name;
  n = n.trim();
  while (n.startsWith('$')) n = n.slice(1);
  // Salesforce custom fields and relationships (`SSN__c`, `Card_Number__c`, `Contact__r`): the suffix names no data.
  n = n.replace(/__(?:c|r|pc|x|e|mdt|s)$/i, '');
  const lower = n.toLowerCase();
  for (const p of HEADER_PREFIXES) {
    if (lower.startsWith(p)) {
      n = n.slice(p.length);
      break;
    }
  }
  const out: string[] = [];
  let cur = '';
  const flush = (): void => {
    if (cur) out.push(cur.toLowerCase());
    cur = '';
  };
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    const isU = isUpperCode(c);
    const isL = isLowerCode(c);
    const isD = isDigitCode(c);
    if (!isU && !isL && !isD) {
      flush();
      continue;
    }
    if (cur) {
      const p = n.charCodeAt(i - 1);
      const pU = isUpperCode(p);
      const pL = isLowerCode(p);
      const pD = isDigitCode(p);
      if (isU && (pL || pD)) flush();
      else if (isU && pU && i + 1 < n.length && isLowerCode(n.charCodeAt(i + 1))) flush();
      else if (isD && (pU || pL)) flush();
      else if ((isU || isL) && pD) flush();
    }
    cur += n[i];
  }
  flush();
  return out;
}

interface Phrase {
  words: string[];
  kind: string;
}

function phrases(list: [string, string][]): Phrase[] {
  // Longest phrases first so that "shared secret" wins over "secret".
  return list.map(([p, kind]) => ({ words: p.split(' '), kind })).sort((a, b) => b.words.length - a.words.length);
}

/** Credential phrases that may END a name. */
const CREDENTIAL_PHRASES: Phrase[] = phrases([
  ['password', 'password'], ['passwords', 'password'], ['passwd', 'password'], ['pwd', 'password'], ['pw', 'password'],
  ['pass phrase', 'password'], ['passphrase', 'password'], ['passcode', 'password'], ['pass', 'password'],
  ['secret', 'secret'], ['secrets', 'secret'], ['shared secret', 'secret'], ['client secret', 'secret'],
  ['consumer secret', 'secret'], ['app secret', 'secret'],
  ['token', 'token'], ['tokens', 'token'], ['access token', 'token'], ['refresh token', 'token'], ['bearer token', 'token'],
  ['auth token', 'token'], ['id token', 'token'], ['api token', 'token'], ['sas', 'token'], ['sas token', 'token'],
  ['api key', 'key'], ['apikey', 'key'], ['api keys', 'key'], ['apikeys', 'key'], ['access key', 'key'], ['accesskey', 'key'],
  ['private key', 'key'], ['privatekey', 'key'], ['signing key', 'key'], ['signature key', 'key'], ['secret key', 'key'],
  ['secretkey', 'key'], ['account key', 'key'], ['accountkey', 'key'], ['subscription key', 'key'], ['master key', 'key'],
  ['encryption key', 'key'], ['hmac key', 'key'], ['consumer key', 'key'], ['app key', 'key'], ['appkey', 'key'],
  ['session', 'session'], ['session id', 'session'], ['sessionid', 'session'], ['session token', 'session'],
  ['session key', 'session'],
  // `sig` alone is no credential name (a signature is computed, `cfg.sig`); Azure SAS `sig=` is a token format.
  ['auth', 'auth'], ['authorization', 'auth'], ['auth header', 'auth'], ['authorization header', 'auth'],
  ['credential', 'credential'], ['credentials', 'credential'], ['creds', 'credential'], ['cred', 'credential'],
  // The password word of other languages (German, French, Spanish, Portuguese, Dutch, Nordic, Polish, Czech, Italian,
  // Finnish, Hungarian, Turkish): `$sap.Passwort`, `mot_de_passe`, `contrasena`, `senha`, `wachtwoord`, `usuario/clave`.
  ['passwort', 'password'], ['kennwort', 'password'], ['mot de passe', 'password'], ['motdepasse', 'password'], ['mdp', 'password'],
  ['contrasena', 'password'], ['contrase a', 'password'], ['clave', 'password'], ['senha', 'password'], ['wachtwoord', 'password'],
  ['passord', 'password'], ['losenord', 'password'], ['adgangskode', 'password'], ['haslo', 'password'], ['has o', 'password'], ['heslo', 'password'],
  ['parola', 'password'], ['salasana', 'password'], ['jelszo', 'password'], ['sifre', 'password'],
]);

/**
 * Words that, placed right before a phrase, turn it into something that is not a credential
 * (`next_page_token`, `csrf_token` is kept, `email_signature`, `first_pass`).
 */
const NEGATIVE_QUALIFIERS: Record<string, string[]> = {
  token: ['page', 'continuation', 'sync', 'delta', 'cursor', 'next', 'pagination', 'batch'],
  // Counts of language-model tokens (`prompt_tokens`, `max_tokens`).
  tokens: ['prompt', 'completion', 'total', 'max', 'input', 'output', 'cached', 'reasoning', 'remaining', 'used', 'page'],
  pass: ['first', 'second', 'third', 'last', 'next', 'single', 'multi', 'boarding', 'bus', 'day', 'test', 'is', 'did', 'should', 'can', 'will', 'no', 'one', 'two'],
  session: ['training', 'learning', 'class', 'course', 'meeting', 'chat', 'user', 'work', 'study'],
  sig: [],
};

/** Compound single segments whose ending names a credential (`dbpassword`, `sfsessionid`). */
const COMPOUND_SUFFIXES: [string, string][] = [
  ['password', 'password'], ['passwd', 'password'], ['passphrase', 'password'],
  ['secret', 'secret'], ['apikey', 'key'], ['accesskey', 'key'], ['privatekey', 'key'], ['secretkey', 'key'],
  ['signingkey', 'key'], ['accountkey', 'key'], ['sessionid', 'session'], ['accesstoken', 'token'],
  ['authtoken', 'token'], ['refreshtoken', 'token'], ['bearertoken', 'token'], ['sastoken', 'token'], ['apitoken', 'token'],
  ['credentials', 'credential'], ['passwort', 'password'], ['kennwort', 'password'], ['motdepasse', 'password'],
  ['contrasena', 'password'], ['wachtwoord', 'password'],
];

function stripTrailingDigits(segs: string[]): string[] {
  let end = segs.length;
  while (end > 0 && /^\d+$/.test(segs[end - 1])) end--;
  return end === segs.length ? segs : segs.slice(0, end);
}

function endsWithPhrase(segs: string[], list: Phrase[]): Phrase | undefined {
  for (const p of list) {
    const k = p.words.length;
    if (segs.length < k) continue;
    let ok = true;
    for (let i = 0; i < k; i++) {
      if (segs[segs.length - k + i] !== p.words[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return undefined;
}

/** Algorithms and generators whose `key` is a secret (see credentialNameKind). */
const KEYED_ALGORITHM_RE = /^(?:hmac\w*|sha|aes|rsa|des|blowfish|\w*sas\w*|jwt|jws|crypto|cipher|shared|webhook|signing|encryption|decryption)$/;

/** Substrings every credential name contains: credentialNameKind asks nothing more of a name without one. */
export const CREDENTIAL_HINT_RE = /pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred|wort|mdp|contrase|clave|senha|wachtwoord|losenord|kode|has[lł]o|heslo|parola|salasana|jelsz|[sş]ifre/i;

/** The credential kind a name denotes, or undefined when it is not a credential name. */
export function credentialNameKind(name: string): CredentialNameKind | undefined {
  if (typeof name !== 'string' || name.length === 0 || !CREDENTIAL_HINT_RE.test(name)) return undefined;
  const all = nameSegments(name);
  const segs = stripTrailingDigits(all);
  if (segs.length === 0) return undefined;
  // A lone two-letter abbreviation with a number (`PW0`, `pw3`) reads as a code, not a credential
  // name; whole words with a number (`password2`, `token_1`) still count.
  if (segs.length === 1 && all.length > 1 && segs[0].length <= 2) return undefined;
  const p = endsWithPhrase(segs, CREDENTIAL_PHRASES);
  if (p) {
    const last = p.words[p.words.length - 1];
    const before = segs.length > p.words.length ? segs[segs.length - p.words.length - 1] : undefined;
    if (p.words.length === 1 && before !== undefined && NEGATIVE_QUALIFIERS[last]?.includes(before)) return undefined;
    return p.kind as CredentialNameKind;
  }
  const lastSeg = segs[segs.length - 1];
  // A bare `key` after a signing or encryption algorithm or a SAS generator is that algorithm's secret key: the inputs
  // of the HMAC and Azure SAS plugins (`$Jitterbit.HMACSHA256.Key`, `$azuresastokengenerator.key`), `aes_key`.
  if (lastSeg === 'key' && segs.length >= 2) {
    let k = segs.length - 2;
    while (k > 0 && isDigitCode(segs[k].charCodeAt(0))) k--;
    if (KEYED_ALGORITHM_RE.test(segs[k])) return 'key';
  }
  if (lastSeg.length > 6) {
    for (const [suffix, kind] of COMPOUND_SUFFIXES) {
      if (lastSeg.endsWith(suffix)) return kind as CredentialNameKind;
    }
  }
  return undefined;
}

/**
 * An HTTP header named like a key (policy section 1, high-entropy literals "with context": an HTTP header named like a
 * key): `X-Auth-Key`, `x-functions-key`, `X-Client-Key`, also behind the Jitterbit header variables
 * (`jitterbit.networking.http.request.header.X-Auth-Key`). The name is hyphenated like a header (or carries a header
 * prefix) and its last word is `key`, not after a neutral word (key-header-words.ts); a value under it is a credential
 * only when it is random-looking (the rule's caller checks that).
 */
export function isKeyHeaderName(name: string): boolean {
  const len = name.length;
  if (len < 5 || len > MAX_NAME) return false;
  // Cheap first test: the name ends in `key` (any case).
  const k = name.charCodeAt(len - 1) | 32;
  if (k !== 121 || (name.charCodeAt(len - 2) | 32) !== 101 || (name.charCodeAt(len - 3) | 32) !== 107) return false;
  let n = name;
  while (n.startsWith('$')) n = n.slice(1);
  let prefixed = false;
  const lower = n.toLowerCase();
  for (const p of HEADER_PREFIXES) {
    if (lower.startsWith(p)) {
      n = n.slice(p.length);
      prefixed = true;
      break;
    }
  }
  if (!prefixed && !/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/.test(n)) return false;
  const segs = n.toLowerCase().split(/[-_]/);
  if (segs[segs.length - 1] !== 'key') return false;
  return segs.length < 2 || !isNeutralKeyWord(segs[segs.length - 2]);
}

/** True when the name is a credential name per policy: a credential word ENDS the name. */
export function isCredentialName(name: string): boolean {
  return credentialNameKind(name) !== undefined;
}

const PII_PHRASES: Phrase[] = phrases([
  ['ssn', 'ssn'], ['ssns', 'ssn'], ['social security', 'ssn'], ['social security number', 'ssn'], ['social security no', 'ssn'],
  ['social security num', 'ssn'], ['social sec no', 'ssn'], ['socialsecuritynumber', 'ssn'], ['ssn number', 'ssn'], ['ssn no', 'ssn'],
  ['date of birth', 'date-of-birth'], ['dob', 'date-of-birth'], ['birth date', 'date-of-birth'], ['birthdate', 'date-of-birth'],
  ['birthday', 'date-of-birth'], ['dateofbirth', 'date-of-birth'], ['birth dt', 'date-of-birth'], ['birth day', 'date-of-birth'],
  ['card number', 'card'], ['cardnumber', 'card'], ['card no', 'card'], ['card num', 'card'], ['card nbr', 'card'], ['pan', 'card'],
  ['cc number', 'card'], ['cc no', 'card'], ['cc num', 'card'], ['ccnum', 'card'], ['ccnumber', 'card'], ['credit card', 'card'],
  ['credit card number', 'card'], ['creditcard', 'card'], ['creditcardnumber', 'card'], ['primary account number', 'card'],
  ['cvv', 'card'], ['cvc', 'card'], ['cvv2', 'card'], ['card security code', 'card'],
  // Plurals: a list of them (`cardNumbers`, `tax_ids`) holds the same data.
  ['card numbers', 'card'], ['cardnumbers', 'card'], ['credit cards', 'card'], ['credit card numbers', 'card'], ['cc numbers', 'card'],
  ['passports', 'passport'], ['passport numbers', 'passport'], ['tax ids', 'tax-id'], ['taxids', 'tax-id'], ['national ids', 'national-id'],
  ['dobs', 'date-of-birth'], ['birth dates', 'date-of-birth'], ['birthdates', 'date-of-birth'], ['dates of birth', 'date-of-birth'],
  ['iban', 'iban'], ['ibans', 'iban'],
  ['passport', 'passport'], ['passport number', 'passport'], ['passport no', 'passport'], ['passport num', 'passport'],
  ['passportnumber', 'passport'],
  ['tax id', 'tax-id'], ['taxid', 'tax-id'], ['tin', 'tax-id'], ['tax number', 'tax-id'], ['tax identification number', 'tax-id'],
  ['taxpayer id', 'tax-id'],
  ['national id', 'national-id'], ['nationalid', 'national-id'], ['national insurance number', 'national-id'],
  ['national insurance no', 'national-id'], ['nino', 'national-id'], ['national identifier', 'national-id'],
  ['national id number', 'national-id'],
]);

/** Neutral trailing words after a PII word (`ssn_raw`, `iban_value`, `dob_str`). */
const PII_NEUTRAL_TAIL = new Set([
  'raw', 'value', 'val', 'str', 'string', 'text', 'txt', 'plain', 'clear', 'cleartext', 'full', 'number', 'num', 'no', 'nbr',
  'field', 'input', 'in', 'orig', 'original', 'formatted', 'fmt', 'unmasked', 'data', 'list', 'array', 'arr', 'values',
]);

/** The kind of personal data a field path or variable name holds, or undefined. */
export function sensitiveDataNameKind(name: string): SensitiveDataNameKind | undefined {
  if (typeof name !== 'string' || name.length === 0) return undefined;
  // A source field path `root$…$Employee$SSN$`: the leaf decides.
  let n = name.length > MAX_NAME ? name.slice(name.length - MAX_NAME) : name;
  n = n.replace(/\$+$/, '');
  const dollar = n.lastIndexOf('$');
  if (dollar > 0) n = n.slice(dollar + 1);
  let segs = stripTrailingDigits(nameSegments(n));
  for (let k = 0; k <= 2 && segs.length > 0; k++) {
    const p = endsWithPhrase(segs, PII_PHRASES);
    if (p) return p.kind as SensitiveDataNameKind;
    if (segs.length > 1 && PII_NEUTRAL_TAIL.has(segs[segs.length - 1])) segs = segs.slice(0, -1);
    else break;
  }
  return undefined;
}

/** Every phrase the two name checks know, spelled as a name would (`shared_secret`): what their prefilters must pass. */
export function knownNamePhrases(): { credential: string[]; sensitive: string[] } {
  const spell = (list: Phrase[]): string[] => list.map((p) => p.words.join('_'));
  return { credential: spell(CREDENTIAL_PHRASES), sensitive: spell(PII_PHRASES) };
}

/** True for names of PII-bearing fields and variables (policy section 2). */
export function isSensitiveDataName(name: string): boolean {
  return sensitiveDataNameKind(name) !== undefined;
}
