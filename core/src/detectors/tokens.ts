// Known secret formats and credentials inside structured strings, found in one string (a literal value,
// a comment's text, a config value). Policy section 1: "known token format" and "inside structured strings".
//
// Cost: every detector is guarded by a cheap prefilter (indexOf of its marker) and uses anchored regexes with
// bounded quantifiers, so the scan is linear in the text length.

import { bytesToAscii, bytesToUtf8, crc32, decodeBase64, isAlnumCode as codec_isAlnumCode, isDigitCode as codec_isDigitCode, isLowerCode as codec_isLowerCode, isUpperCode as codec_isUpperCode, toBase62 } from './codec';
import { looksLikeIssuedKey, looksRandom, shannonEntropy } from './entropy';
import { isCredentialName, isKeyHeaderName } from './names';
import { scanPemPrivateKeys } from './pem';
import { canBeCredentialValue, isPlaceholder, looksLikeSentence, type ValueSite } from './placeholder';

// Local bindings: hot loops call these directly (no module getter per character).
const isAlnumCode = codec_isAlnumCode;
const isDigitCode = codec_isDigitCode;
const isLowerCode = codec_isLowerCode;
const isUpperCode = codec_isUpperCode;

/** One secret found in a text. Offsets are those of the secret part (not of its label). */
export interface SecretMatch {
  /** Stable machine name of the format, e.g. `github-token`, `jwt`, `url-userinfo-password`. */
  kind: string;
  /** Human description without the value, e.g. "GitHub personal access token". */
  description: string;
  start: number;
  end: number;
  /** high: validated format (checksum, decoded structure); medium: structured but not validated. */
  confidence: 'high' | 'medium';
}

interface Candidate extends SecretMatch {
  /** Higher wins when two matches overlap: format-specific detectors beat generic structure. */
  priority: number;
}

type Out = Candidate[];

const P_FORMAT = 3;
const P_HEADER = 2;
const P_STRUCT = 1;

function push(out: Out, kind: string, description: string, start: number, end: number, confidence: 'high' | 'medium', priority: number): void {
  if (end > start) out.push({ kind, description, start, end, confidence, priority });
}

function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

function charClasses(v: string): number {
  let u = 0, l = 0, d = 0, o = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isUpperCode(c)) u = 1;
    else if (isLowerCode(c)) l = 1;
    else if (isDigitCode(c)) d = 1;
    else o = 1;
  }
  return u + l + d + o;
}

/** A value that plausibly is a credential when the syntax around it is weak (unquoted, in prose). */
function secretish(v: string): boolean {
  return v.length >= 6 && charClasses(v) >= 2 && !looksLikeSentence(v);
}

/**
 * Letters only, as words or an identifier (`camelCase`, `token_url`, `erp-prod`): in prose (`// secret: camelCase
 * name`, `key: value` text) that is a word, not a credential, unless it is long and random.
 */
function looksLikeWords(v: string): boolean {
  return /^[A-Za-z]+(?:[_.-][A-Za-z]+)*$/.test(v) && !looksRandom(v);
}

/** Which format markers a text contains, found in one regex pass; detectors run only when theirs is present. */
interface Markers {
  aws: boolean;
  secret: boolean;
  accountKey: boolean;
  sharedAccessKey: boolean;
  sig: boolean;
  google: boolean;
  gh: boolean;
  ghPat: boolean;
  npm: boolean;
  slack: boolean;
  slackHook: boolean;
  stripe: boolean;
  whsec: boolean;
  sendgrid: boolean;
  twilio: boolean;
  salesforce: boolean;
  misc: boolean;
  jwt: boolean;
  pem: boolean;
  url: boolean;
  authScheme: boolean;
  oracle: boolean;
}

const MARKER_RE =
  /AKIA|ASIA|[Ss]ecret|SECRET|AccountKey|SharedAccessKey|sig=|AIza|gh[pousr]_|github_pat_|npm_|xox|xapp-|hooks\.slack\.com|_live_|_test_|whsec_|SG\.|00D|glpat-|shp(?:at|ca|pa|ss)_|pypi-|sk-|eyJ|-----BEGIN |:\/\/|(?:AC|SK)[0-9a-f]{8}|[Bb]asic|BASIC|[Bb]earer|BEARER|[Tt]oken|TOKEN|SSWS|GenieKey|[Aa]pi[Kk]ey|APIKEY|do[opr]_v1_|GOCSPX-|ATATT3|lin_api_|PMAK-|NRAK-|HRKU-|dapi[0-9a-f]|xkeysib-|sq0(?:atp|csp)-|ntn_|figd_|dp\.pt\.|pat-(?:na|eu)1-|\dQ~|key-[0-9a-f]{8}|[0-9a-f]{8}-us\d|jdbc:oracle:/g;

/** Markers of the formats in MISC_FORMATS (checked before the first-character switch below). */
const MISC_MARKER_RE = /^(?:do[opr]_v1_|GOCSPX-|ATATT3|lin_api_|PMAK-|NRAK-|HRKU-|dapi[0-9a-f]|xkeysib-|sq0(?:atp|csp)-|ntn_|figd_|dp\.pt\.|pat-(?:na|eu)1-|\dQ~|key-[0-9a-f]{8}|[0-9a-f]{8}-us\d)$/;
/** Authorization schemes other than Basic / Bearer / Token (Okta `SSWS`, Opsgenie `GenieKey`, `ApiKey`). */
const OTHER_SCHEME_MARKER_RE = /^(?:SSWS|GenieKey|[Aa]pi[Kk]ey|APIKEY)$/;

function emptyMarkers(): Markers {
  return {
    aws: false, secret: false, accountKey: false, sharedAccessKey: false, sig: false, google: false, gh: false, ghPat: false,
    npm: false, slack: false, slackHook: false, stripe: false, whsec: false, sendgrid: false, twilio: false, salesforce: false,
    misc: false, jwt: false, pem: false, url: false, authScheme: false, oracle: false,
  };
}
const NO_MARKERS: Markers = emptyMarkers();

function findMarkers(text: string): Markers {
  const mk = emptyMarkers();
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(text)) !== null) {
    const v = m[0];
    if (MISC_MARKER_RE.test(v)) {
      mk.misc = true;
      continue;
    }
    if (OTHER_SCHEME_MARKER_RE.test(v)) {
      mk.authScheme = true;
      continue;
    }
    switch (v.charCodeAt(0)) {
      case 65: // A
        if (v === 'AKIA' || v === 'ASIA') mk.aws = true;
        else if (v === 'AccountKey') mk.accountKey = true;
        else if (v === 'AIza') mk.google = true;
        else mk.twilio = true;
        break;
      case 83: // S
        if (v === 'SharedAccessKey') mk.sharedAccessKey = true;
        else if (v === 'SG.') mk.sendgrid = true;
        else if (v.startsWith('SK')) mk.twilio = true;
        else mk.secret = true;
        break;
      case 115: // s
        if (v === 'sig=') mk.sig = true;
        else if (v === 'sk-' || v.startsWith('shp')) mk.misc = true;
        else mk.secret = true;
        break;
      case 103: // g
        if (v === 'github_pat_') mk.ghPat = true;
        else if (v === 'glpat-') mk.misc = true;
        else mk.gh = true;
        break;
      case 110:
        mk.npm = true;
        break;
      case 120:
        mk.slack = true;
        break;
      case 104:
        mk.slackHook = true;
        break;
      case 95:
        mk.stripe = true;
        break;
      case 119:
        mk.whsec = true;
        break;
      case 48:
        mk.salesforce = true;
        break;
      case 112:
        mk.misc = true;
        break;
      case 101:
        mk.jwt = true;
        break;
      case 45:
        mk.pem = true;
        break;
      case 58:
        mk.url = true;
        break;
      case 106: // j
        mk.oracle = true;
        break;
      default:
        mk.authScheme = true; // Basic / Bearer / Token in any of the cases above
    }
  }
  return mk;
}

// ---------------------------------------------------------------------------------------------- cloud keys

const AWS_KEY_ID_RE = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
const AWS_SECRET_RE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_SECRET_LABEL_RE = /(?:secret[\s_.-]?(?:access)?[\s_.-]?key|secretaccesskey|aws[\s_.-]?secret)["']?\s{0,3}[:=,]?\s{0,3}["']?$/i;

const AWS_SECRET_WHOLE_RE = /^[A-Za-z0-9/+]{40}$/;

/** A whole value shaped like an AWS secret access key (40 base64 characters, three classes, high entropy). */
export function isAwsSecretKeyShape(value: string): boolean {
  const v = value.trim();
  return AWS_SECRET_WHOLE_RE.test(v) && charClasses(v) >= 3 && !v.includes('EXAMPLE') && !isPlaceholder(v, 'code') && shannonEntropy(v) >= 4.0;
}

function scanAws(text: string, where: ValueSite, out: Out, mk: Markers): void {
  const ids: number[] = [];
  if (mk.aws) {
    eachMatch(AWS_KEY_ID_RE, text, (m) => {
      if (isPlaceholder(m[0], where) || m[0].includes('EXAMPLE')) return;
      ids.push(m.index);
      push(out, 'aws-access-key-id', 'AWS access key id', m.index, m.index + m[0].length, 'high', P_FORMAT);
    });
  }
  const hasLabel = mk.secret;
  if (ids.length === 0 && !hasLabel) return;
  eachMatch(AWS_SECRET_RE, text, (m) => {
    const v = m[0];
    if (charClasses(v) < 3 || v.includes('EXAMPLE') || isPlaceholder(v, where) || shannonEntropy(v) < 4.0) return;
    const s = m.index;
    const nearId = ids.some((i) => Math.abs(i - s) <= 400);
    const labelled = AWS_SECRET_LABEL_RE.test(text.slice(Math.max(0, s - 60), s));
    if (nearId) push(out, 'aws-secret-access-key', 'AWS secret access key', s, s + v.length, 'high', P_FORMAT);
    else if (labelled) push(out, 'aws-secret-access-key', 'AWS secret access key', s, s + v.length, 'medium', P_FORMAT);
  });
}

const AZURE_ACCOUNT_KEY_RE = /AccountKey\s{0,2}=\s{0,2}([A-Za-z0-9+/]{86}==)/g;
const AZURE_SHARED_ACCESS_KEY_RE = /SharedAccessKey\s{0,2}=\s{0,2}([A-Za-z0-9+/]{42,43}=)/g;
const SAS_SIG_RE = /[?&;]sig=([A-Za-z0-9%+/_-]{16,256}={0,2})/g;

function scanAzure(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (mk.accountKey) {
    eachMatch(AZURE_ACCOUNT_KEY_RE, text, (m) => {
      if (isPlaceholder(m[1], where)) return;
      const s = m.index + m[0].length - m[1].length;
      push(out, 'azure-storage-account-key', 'Azure storage account key', s, s + m[1].length, 'high', P_FORMAT);
    });
  }
  if (mk.sharedAccessKey) {
    eachMatch(AZURE_SHARED_ACCESS_KEY_RE, text, (m) => {
      if (isPlaceholder(m[1], where)) return;
      const s = m.index + m[0].length - m[1].length;
      push(out, 'azure-shared-access-key', 'Azure shared access key', s, s + m[1].length, 'high', P_FORMAT);
    });
  }
  if (mk.sig) {
    eachMatch(SAS_SIG_RE, text, (m) => {
      const raw = m[1];
      if (isPlaceholder(raw, where)) return;
      let decoded = raw;
      try {
        decoded = decodeURIComponent(raw);
      } catch {
        return;
      }
      const bytes = decodeBase64(decoded);
      const s = m.index + m[0].length - raw.length;
      if (bytes && bytes.length === 32) push(out, 'azure-sas-signature', 'Azure SAS token signature (sig=)', s, s + raw.length, 'high', P_FORMAT);
      else if (/[?&]sv=/.test(text) && looksRandom(decoded)) push(out, 'azure-sas-signature', 'Azure SAS token signature (sig=)', s, s + raw.length, 'medium', P_FORMAT);
    });
  }
}

const GOOGLE_KEY_RE = /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g;

function scanGoogle(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.google) return;
  eachMatch(GOOGLE_KEY_RE, text, (m) => {
    if (isPlaceholder(m[0], where)) return;
    push(out, 'google-api-key', 'Google API key', m.index, m.index + m[0].length, 'high', P_FORMAT);
  });
}

// ---------------------------------------------------------------------------------------------- SaaS tokens

const GITHUB_CLASSIC_RE = /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g;
const GITHUB_FINE_RE = /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/g;
const NPM_RE = /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g;

/** GitHub / npm token checksum: base62(CRC32(random part)) padded to 6 characters ends the token. */
export function hasValidTokenChecksum(token: string, prefixLength = 4): boolean {
  if (token.length < prefixLength + 7) return false;
  const body = token.slice(prefixLength, token.length - 6);
  const check = token.slice(token.length - 6);
  return toBase62(crc32(body), 6) === check;
}

const GITHUB_KIND: Record<string, string> = {
  ghp: 'GitHub personal access token',
  gho: 'GitHub OAuth access token',
  ghu: 'GitHub user-to-server token',
  ghs: 'GitHub server-to-server token',
  ghr: 'GitHub refresh token',
};

/**
 * Confidence of a `ghp_…`/`npm_…`-shaped token: high with a valid CRC32 tail; medium when the tail does not check but
 * the body is random-looking (mixed case and digits: generated test tokens and hand-typed copies lack the checksum,
 * yet the prefix and length are the documented format); undefined for fillers (`ghp_xxxx…`) and placeholders.
 */
function prefixedTokenConfidence(token: string, prefixLength: number, where: ValueSite): 'high' | 'medium' | undefined {
  if (hasValidTokenChecksum(token, prefixLength)) return 'high';
  const body = token.slice(prefixLength);
  if (isPlaceholder(token, where) || charClasses(body) < 3 || shannonEntropy(body) < 4) return undefined;
  return 'medium';
}

function scanGithubNpm(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (mk.gh) {
    eachMatch(GITHUB_CLASSIC_RE, text, (m) => {
      const confidence = prefixedTokenConfidence(m[0], 4, where);
      if (!confidence) return;
      push(out, 'github-token', GITHUB_KIND[m[0].slice(0, 3)] ?? 'GitHub token', m.index, m.index + m[0].length, confidence, P_FORMAT);
    });
  }
  if (mk.ghPat) {
    eachMatch(GITHUB_FINE_RE, text, (m) => {
      if (isPlaceholder(m[0], where) || charClasses(m[0].slice(11)) < 3) return;
      push(out, 'github-fine-grained-token', 'GitHub fine-grained personal access token', m.index, m.index + m[0].length, 'high', P_FORMAT);
    });
  }
  if (mk.npm) {
    eachMatch(NPM_RE, text, (m) => {
      const confidence = prefixedTokenConfidence(m[0], 4, where);
      if (!confidence) return;
      push(out, 'npm-token', 'npm access token', m.index, m.index + m[0].length, confidence, P_FORMAT);
    });
  }
}

const SLACK_TOKEN_RE = /(?<![A-Za-z0-9])(?:xox[abposre]|xoxe\.xox[bp]|xapp)-[0-9A-Za-z-]{10,250}(?![A-Za-z0-9-])/g;
const SLACK_STRUCT_RE = /^(?:xoxb-\d{6,15}-\d{6,15}-[A-Za-z0-9]{16,40}|xoxp-\d{6,15}-\d{6,15}-\d{6,15}-[A-Za-z0-9]{16,40}|xox[aeor]-\d-[A-Za-z0-9-]{20,}|xoxe\.xox[bp]-\d-[A-Za-z0-9-]{20,}|xapp-\d-[A-Z0-9]{8,15}-\d{6,15}-[a-f0-9]{32,80}|xoxs-[0-9A-Za-z-]{30,})$/;
const SLACK_WEBHOOK_RE = /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9_/-]{20,200})/g;

function scanSlack(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (mk.slack) {
    eachMatch(SLACK_TOKEN_RE, text, (m) => {
      const v = m[0];
      if (isPlaceholder(v, where) || !/\d/.test(v.slice(5))) return;
      const strong = SLACK_STRUCT_RE.test(v);
      if (!strong && !secretish(v.slice(5))) return;
      push(out, 'slack-token', 'Slack token', m.index, m.index + v.length, strong ? 'high' : 'medium', P_FORMAT);
    });
  }
  if (mk.slackHook) {
    eachMatch(SLACK_WEBHOOK_RE, text, (m) => {
      const path = m[1];
      if (isPlaceholder(path, where) || !/^T[A-Z0-9]{6,14}\/B[A-Z0-9]{6,14}\/[A-Za-z0-9]{20,40}$|^[A-Za-z0-9_/-]{30,}$/.test(path)) return;
      const s = m.index + m[0].length - path.length;
      push(out, 'slack-webhook', 'Slack incoming webhook URL', s, s + path.length, 'high', P_FORMAT);
    });
  }
}

const STRIPE_RE = /(?<![A-Za-z0-9_])(?:sk|rk)_(live|test)_[0-9A-Za-z]{10,247}(?![A-Za-z0-9_])/g;
const STRIPE_WHSEC_RE = /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{24,100}(?![A-Za-z0-9_])/g;

function scanStripe(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (mk.stripe) {
    eachMatch(STRIPE_RE, text, (m) => {
      if (isPlaceholder(m[0], where) || charClasses(m[0].slice(8)) < 2) return;
      const live = m[1] === 'live';
      push(out, 'stripe-secret-key', live ? 'Stripe live secret key' : 'Stripe test secret key', m.index, m.index + m[0].length, live ? 'high' : 'medium', P_FORMAT);
    });
  }
  if (mk.whsec) {
    eachMatch(STRIPE_WHSEC_RE, text, (m) => {
      if (isPlaceholder(m[0], where) || charClasses(m[0].slice(6)) < 2) return;
      push(out, 'stripe-webhook-secret', 'Stripe webhook signing secret', m.index, m.index + m[0].length, 'high', P_FORMAT);
    });
  }
}

const SENDGRID_RE = /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

function scanSendgrid(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.sendgrid) return;
  eachMatch(SENDGRID_RE, text, (m) => {
    if (isPlaceholder(m[0], where)) return;
    push(out, 'sendgrid-api-key', 'SendGrid API key', m.index, m.index + m[0].length, 'high', P_FORMAT);
  });
}

const TWILIO_SID_RE = /(?<![A-Za-z0-9])(?:AC|SK)[0-9a-f]{32}(?![A-Za-z0-9])/g;
const HEX32_RE = /(?<![A-Za-z0-9])[0-9a-f]{32}(?![A-Za-z0-9])/g;
const TWILIO_TOKEN_LABEL_RE = /(?:auth[\s_.-]?token|api[\s_.-]?secret|secret)["']?\s{0,3}[:=,]\s{0,3}["']?$/i;

function scanTwilio(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.twilio) return;
  const sids: [number, number][] = [];
  eachMatch(TWILIO_SID_RE, text, (m) => {
    sids.push([m.index, m.index + m[0].length]);
  });
  if (sids.length === 0) return;
  eachMatch(HEX32_RE, text, (m) => {
    const s = m.index;
    if (sids.some(([a, b]) => s >= a && s < b) || isPlaceholder(m[0], where)) return;
    const afterSid = sids.some(([, b]) => b === s - 1 && text[b] === ':');
    if (afterSid) push(out, 'twilio-auth-token', 'Twilio auth token', s, s + 32, 'high', P_FORMAT);
    else if (TWILIO_TOKEN_LABEL_RE.test(text.slice(Math.max(0, s - 40), s))) push(out, 'twilio-auth-token', 'Twilio auth token', s, s + 32, 'medium', P_FORMAT);
  });
}

const SF_SESSION_RE = /(?<![A-Za-z0-9])00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]{40,512}/g;

function scanSalesforce(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.salesforce || !text.includes('!')) return;
  eachMatch(SF_SESSION_RE, text, (m) => {
    if (isPlaceholder(m[0], where)) return;
    push(out, 'salesforce-session-id', 'Salesforce session id', m.index, m.index + m[0].length, 'high', P_FORMAT);
  });
}

const MISC_FORMATS: { marker: string; re: RegExp; kind: string; description: string }[] = [
  { marker: 'glpat-', re: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/g, kind: 'gitlab-token', description: 'GitLab personal access token' },
  { marker: 'shp', re: /(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9_])/g, kind: 'shopify-token', description: 'Shopify access token' },
  { marker: 'pypi-', re: /(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,400}/g, kind: 'pypi-token', description: 'PyPI API token' },
  { marker: 'sk-ant-', re: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/g, kind: 'anthropic-api-key', description: 'Anthropic API key' },
  { marker: '_v1_', re: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9_])/g, kind: 'digitalocean-token', description: 'DigitalOcean token' },
  { marker: 'GOCSPX-', re: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g, kind: 'google-oauth-client-secret', description: 'Google OAuth client secret' },
  { marker: 'ATATT3', re: /(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{150,250}(?![A-Za-z0-9_=-])/g, kind: 'atlassian-api-token', description: 'Atlassian API token' },
  { marker: 'lin_api_', re: /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_])/g, kind: 'linear-api-key', description: 'Linear API key' },
  { marker: 'PMAK-', re: /(?<![A-Za-z0-9_-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9_-])/g, kind: 'postman-api-key', description: 'Postman API key' },
  { marker: 'NRAK-', re: /(?<![A-Za-z0-9_-])NRAK-[A-Z0-9]{27}(?![A-Za-z0-9_-])/g, kind: 'newrelic-api-key', description: 'New Relic user API key' },
  { marker: 'HRKU-', re: /(?<![A-Za-z0-9_-])HRKU-[A-Za-z0-9_-]{40,80}(?![A-Za-z0-9_-])/g, kind: 'heroku-api-key', description: 'Heroku API key' },
  { marker: 'dapi', re: /(?<![A-Za-z0-9_-])dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9_-])/g, kind: 'databricks-token', description: 'Databricks access token' },
  { marker: 'xkeysib-', re: /(?<![A-Za-z0-9_-])xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9_-])/g, kind: 'brevo-api-key', description: 'Brevo (Sendinblue) API key' },
  { marker: 'sq0', re: /(?<![A-Za-z0-9_-])sq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g, kind: 'square-token', description: 'Square access token' },
  { marker: 'ntn_', re: /(?<![A-Za-z0-9_])ntn_\d{11}[A-Za-z0-9]{35}(?![A-Za-z0-9_])/g, kind: 'notion-token', description: 'Notion integration token' },
  { marker: 'figd_', re: /(?<![A-Za-z0-9_])figd_[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/g, kind: 'figma-token', description: 'Figma personal access token' },
  { marker: 'dp.pt.', re: /(?<![A-Za-z0-9_.-])dp\.pt\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9_-])/g, kind: 'doppler-token', description: 'Doppler token' },
  { marker: 'pat-', re: /(?<![A-Za-z0-9_-])pat-(?:na|eu)1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9_-])/g, kind: 'hubspot-token', description: 'HubSpot private app token' },
  // Microsoft Entra ID (Azure AD) client secret: three characters, a digit and `Q~`, then 31-34 more.
  { marker: 'Q~', re: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g, kind: 'azure-ad-client-secret', description: 'Microsoft Entra ID client secret' },
  { marker: 'key-', re: /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9_-])/g, kind: 'mailgun-api-key', description: 'Mailgun API key' },
  { marker: '-us', re: /(?<![A-Za-z0-9_-])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9_-])/g, kind: 'mailchimp-api-key', description: 'Mailchimp API key' },
  { marker: 'discord', re: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,80}/g, kind: 'discord-webhook', description: 'Discord webhook URL' },
  { marker: 'webhook.office.com', re: /https:\/\/[a-z0-9-]{1,63}\.webhook\.office\.com\/webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[0-9a-f]{32}\/[0-9a-f-]{36}(?:\/[A-Za-z0-9_-]{20,80})?/g, kind: 'teams-webhook', description: 'Microsoft Teams incoming webhook URL' },
  { marker: 'T3BlbkFJ', re: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200}(?![A-Za-z0-9_-])/g, kind: 'openai-api-key', description: 'OpenAI API key' },
];

function scanMisc(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.misc && !mk.url) return;
  for (const f of MISC_FORMATS) {
    if (!text.includes(f.marker)) continue;
    eachMatch(f.re, text, (m) => {
      if (isPlaceholder(m[0], where)) return;
      push(out, f.kind, f.description, m.index, m.index + m[0].length, 'high', P_FORMAT);
    });
  }
}

// ---------------------------------------------------------------------------------------------- JWT, PEM

const JWT_RE = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,4096}\.[A-Za-z0-9_-]{2,16384}\.[A-Za-z0-9_-]{0,4096}(?![A-Za-z0-9_-])/g;

function decodeJsonSegment(seg: string): unknown {
  const bytes = decodeBase64(seg, 65536);
  if (!bytes) return undefined;
  const s = bytesToUtf8(bytes);
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** True when `token` is a JWS compact token whose header decodes to JSON with `alg` or `typ`. */
export function isJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const header = decodeJsonSegment(parts[0]);
  if (!header || typeof header !== 'object' || Array.isArray(header)) return false;
  const h = header as Record<string, unknown>;
  if (typeof h.alg !== 'string' && typeof h.typ !== 'string') return false;
  const payloadBytes = decodeBase64(parts[1], 1 << 20);
  return payloadBytes !== undefined && payloadBytes.length > 0;
}

function scanJwt(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.jwt) return;
  eachMatch(JWT_RE, text, (m) => {
    if (!isJwt(m[0]) || isPlaceholder(m[0], where)) return;
    const unsigned = m[0].endsWith('.');
    push(out, 'jwt', unsigned ? 'unsigned JSON Web Token' : 'JSON Web Token', m.index, m.index + m[0].length, unsigned ? 'medium' : 'high', P_FORMAT);
  });
}

function scanPem(text: string, _where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.pem) return;
  for (const p of scanPemPrivateKeys(text)) {
    push(out, 'private-key', `PEM private key block (${p.label})`, p.start, p.end, p.confidence, P_FORMAT);
  }
}

// ---------------------------------------------------------------------------------------------- structured strings

// The password may hold a `#` written unencoded (`amqps://svc:Xk#2@host`): a fragment never comes before `@host`.
const URL_USERINFO_RE = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:@/?#"'<>\\]{0,128}):([^\s@/?"'<>\\]{1,256})@(?=[A-Za-z0-9[])/gi;

function scanUrlUserinfo(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

function scanOracleJdbc(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.oracle) return;
  eachMatch(ORACLE_JDBC_RE, text, (m) => {
    const raw = m[2];
    const pass = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    if (pass === '' || isReferenceLike(pass) || isPlaceholder(pass, where)) return;
    const s = m.index + m[0].length - 1 - raw.length + (raw.startsWith('"') ? 1 : 0);
    push(out, 'connection-string-password', 'password in an Oracle JDBC URL (user/password@host)', s, s + pass.length, 'medium', P_STRUCT + 1);
  });
}

/**
 * A reference filled in later, not a value: `$name`, `[name]`, `{name}`/`{{name}}`, `${name}`, `%NAME%`, `<name>`, and a
 * replace token `#{name}` (an unquoted value stops at its `}`, so the value seen is `#{name`).
 */
function isReferenceLike(v: string): boolean {
  const c = v[0];
  return c === '$' || c === '[' || c === '{' || (c === '%' && v.endsWith('%')) || v.startsWith('<') || v.startsWith('#{') || v.includes('${') || v.includes('{{');
}

const AUTH_SCHEME_RE = /\b([Bb]asic|BASIC|[Bb]earer|BEARER|[Tt]oken|TOKEN|SSWS|GenieKey|[Aa]pi[Kk]ey|APIKEY)[ \t]{1,4}([A-Za-z0-9+/=._~-]{8,8192})/g;
const AUTH_CONTEXT_RE = /(?:authori[sz]ation|auth|proxy-authorization)["']?\s{0,3}[:=,]\s{0,3}["']?\s{0,2}$/i;

/** Decodes Basic credentials: printable ASCII `user:pass` with both parts non-empty. */
export function decodeBasicCredentials(b64: string): { user: string; password: string } | undefined {
  if (b64.length < 4 || b64.length > 1024) return undefined;
  const bytes = decodeBase64(b64);
  if (!bytes || bytes.length < 3) return undefined;
  const s = bytesToAscii(bytes);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return undefined;
  }
  const colon = s.indexOf(':');
  if (colon <= 0 || colon === s.length - 1) return undefined;
  return { user: s.slice(0, colon), password: s.slice(colon + 1) };
}

function scanAuthHeaders(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

function scanWholeBasicBase64(text: string, where: ValueSite, out: Out, _mk?: Markers): void {
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

const CREDENTIAL_HINT_RE = /pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred/i;

function isKeyChar(c: number): boolean {
  return isAlnumCode(c) || c === 95 || c === 46 || c === 45 || c === 36; // _ . - $
}

/**
 * `KEY=value` / `"key": "value"` / `KEY: value` pairs where KEY is a credential name: connection strings
 * (`Password=…;`, `PWD={…}`), URL parameters (`?api_key=…`), JSON/XML-ish strings, commented-out assignments.
 */
const KV_CANDIDATE_RE = /(?:pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred)[\w.$-]{0,60}["']?[ \t]{0,3}[=:]/gi;

function scanKeyValues(text: string, where: ValueSite, out: Out, _mk?: Markers): void {
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
  if (!bareUrlKey && !keyHeader && (!CREDENTIAL_HINT_RE.test(key) || !isCredentialName(key))) return -1;
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

function scanXmlElements(text: string, where: ValueSite, out: Out): void {
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
    if (!local || !CREDENTIAL_HINT_RE.test(local) || !isCredentialName(local)) continue;
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

// ---------------------------------------------------------------------------------------------- driver

type Detector = (text: string, where: ValueSite, out: Out, mk: Markers) => void;

const DETECTORS: Detector[] = [
  scanAws, scanAzure, scanGoogle, scanGithubNpm, scanSlack, scanStripe, scanSendgrid, scanTwilio, scanSalesforce, scanMisc,
  scanJwt, scanPem, scanUrlUserinfo, scanOracleJdbc, scanAuthHeaders, scanWholeBasicBase64, scanKeyValues, scanXmlElements,
];

/** Texts longer than CHUNK are scanned in overlapping windows (bounded per-window work, linear overall). */
const CHUNK = 1 << 20;
const OVERLAP = 16384;

/**
 * Anything a detector could match needs one of these: a format marker, a credential-name hint (key/value
 * pairs, XML elements, AWS/Twilio labels), a URL scheme, or an auth scheme word. Most code literals have none,
 * and then the whole scan is one regex test.
 */
const TRIGGER_RE = /AKIA|ASIA|AIza|gh[pousr]_|github_pat_|npm_|xox|xapp-|hooks\.slack|_live_|_test_|whsec_|SG\.|00D|glpat-|shp|pypi-|sk-|eyJ|-----BEGIN|:\/\/|basic|bearer|pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred|(?:AC|SK)[0-9a-f]{32}|ssws|geniekey|_v1_|gocspx-|atatt3|lin_api_|pmak-|nrak-|hrku-|dapi|sq0|ntn_|figd_|dp\.pt\.|pat-|q~|-us\d|jdbc:oracle/i;
const BASE64ISH_RE = /^\s*["'`]?[A-Za-z0-9+/]{8,512}={0,2}["'`]?\s*$/;

function runDetectors(text: string, where: ValueSite, out: Out): void {
  if (!TRIGGER_RE.test(text)) {
    if (BASE64ISH_RE.test(text)) scanWholeBasicBase64(text, where, out, NO_MARKERS);
    return;
  }
  const mk = findMarkers(text);
  for (const d of DETECTORS) {
    try {
      d(text, where, out, mk);
    } catch {
      // A detector never breaks the scan: its matches for this text are simply missing.
    }
  }
}

function rank(a: Candidate): number {
  return (a.confidence === 'high' ? 100 : 0) + a.priority * 10;
}

function byRank(a: Candidate, b: Candidate): number {
  return rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/**
 * Keeps the best of every group of overlapping candidates (higher confidence, then format-specific detectors,
 * then longer). Clusters of transitively overlapping candidates are resolved independently, so the work stays
 * proportional to the number of candidates times the (small) cluster size.
 */
function resolveOverlaps(all: Candidate[]): Candidate[] {
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let i = 0;
  while (i < all.length) {
    let j = i + 1;
    let clusterEnd = all[i].end;
    while (j < all.length && all[j].start < clusterEnd) {
      clusterEnd = Math.max(clusterEnd, all[j].end);
      j++;
    }
    if (j - i === 1) kept.push(all[i]);
    else {
      const cluster = all.slice(i, j).sort(byRank);
      const chosen: Candidate[] = [];
      for (const c of cluster) if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
      chosen.sort((a, b) => a.start - b.start);
      kept.push(...chosen);
    }
    i = j;
  }
  return kept;
}

/**
 * Finds known secret formats and credentials inside structured strings in `text`.
 * `where` tells whether the text is code (a literal or config value) or comment/documentation text, which
 * changes what counts as a placeholder (`changeit` is a placeholder only in comments).
 * Matches never overlap; they are sorted by start offset.
 */
export function scanSecretTokens(text: string, where: ValueSite): SecretMatch[] {
  if (typeof text !== 'string' || text.length < 8) return [];
  const all: Candidate[] = [];
  if (text.length <= CHUNK + OVERLAP) runDetectors(text, where, all);
  else {
    // Very long texts are scanned in overlapping windows so that per-window work stays bounded.
    for (let s = 0; s < text.length; s += CHUNK) {
      const win = text.slice(s, Math.min(text.length, s + CHUNK + OVERLAP));
      const part: Candidate[] = [];
      runDetectors(win, where, part);
      for (const p of part) all.push({ ...p, start: p.start + s, end: p.end + s });
    }
  }
  if (all.length === 0) return [];
  const kept = resolveOverlaps(all);
  return kept.map(({ kind, description, start, end, confidence }) => ({ kind, description, start, end, confidence }));
}
