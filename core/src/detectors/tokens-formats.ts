// Known token formats (policy section 1, "known token format"): cloud keys (AWS, Azure, Google), SaaS tokens (GitHub,
// npm, Slack, Stripe, SendGrid, Twilio, Salesforce and the prefix table MISC_FORMATS), JWTs, and PEM private keys
// (handed to pem.ts). Each detector returns at once unless its marker (tokens-markers.ts) is set.

import { decodeBase64 } from './codec';
import { looksRandom, shannonEntropy } from './entropy';
import { scanPemPrivateKeys } from './pem';
import { isPlaceholder, type ValueSite } from './placeholder';
import { charClasses, eachMatch, P_FORMAT, push, secretish, type Out } from './tokens-candidate';
import type { Markers } from './tokens-markers';
import { hasValidTokenChecksum, isJwt } from './tokens-validate';

// ---------------------------------------------------------------------------------------------- cloud keys

const AWS_KEY_ID_RE = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
const AWS_SECRET_RE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_SECRET_LABEL_RE = /(?:secret[\s_.-]?(?:access)?[\s_.-]?key|secretaccesskey|aws[\s_.-]?secret)["']?\s{0,3}[:=,]?\s{0,3}["']?$/i;

export function scanAws(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanAzure(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanGoogle(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanGithubNpm(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanSlack(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanStripe(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanSendgrid(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.sendgrid) return;
  eachMatch(SENDGRID_RE, text, (m) => {
    if (isPlaceholder(m[0], where)) return;
    push(out, 'sendgrid-api-key', 'SendGrid API key', m.index, m.index + m[0].length, 'high', P_FORMAT);
  });
}

const TWILIO_SID_RE = /(?<![A-Za-z0-9])(?:AC|SK)[0-9a-f]{32}(?![A-Za-z0-9])/g;
const HEX32_RE = /(?<![A-Za-z0-9])[0-9a-f]{32}(?![A-Za-z0-9])/g;
const TWILIO_TOKEN_LABEL_RE = /(?:auth[\s_.-]?token|api[\s_.-]?secret|secret)["']?\s{0,3}[:=,]\s{0,3}["']?$/i;

export function scanTwilio(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanSalesforce(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanMisc(text: string, where: ValueSite, out: Out, mk: Markers): void {
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

export function scanJwt(text: string, where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.jwt) return;
  eachMatch(JWT_RE, text, (m) => {
    if (!isJwt(m[0]) || isPlaceholder(m[0], where)) return;
    const unsigned = m[0].endsWith('.');
    push(out, 'jwt', unsigned ? 'unsigned JSON Web Token' : 'JSON Web Token', m.index, m.index + m[0].length, unsigned ? 'medium' : 'high', P_FORMAT);
  });
}

export function scanPem(text: string, _where: ValueSite, out: Out, mk: Markers): void {
  if (!mk.pem) return;
  for (const p of scanPemPrivateKeys(text)) {
    push(out, 'private-key', `PEM private key block (${p.label})`, p.start, p.end, p.confidence, P_FORMAT);
  }
}
