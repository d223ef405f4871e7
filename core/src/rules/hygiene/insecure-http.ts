import { isCredentialName, nameSegments } from '../../detectors';
import { docsUrl, type Rule } from '../../engine/rule';
import { valueCharSpan } from '../shared/locate';
import { MARK_HTTP, marksOf } from '../shared/literal-marks';

const HTTP_URL = /\bhttp:\/\/([^\s"'<>/?#]+)([^\s"'<>]*)/gi;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;
/** Hosts of XML namespaces and schemas (SOAP, W3C, OASIS WS-Security): identifiers, not endpoints. */
const NAMESPACE_HOSTS = /^(?:schemas\.xmlsoap\.org|www\.w3\.org|docs\.oasis-open\.org|schemas\.microsoft\.com|schemas\.openxmlformats\.org|purl\.org|xmlns\.com)$/i;
const CREDENTIAL_PARAM = /[?&;]([\w.-]{2,40})=/g;
const AUTH_WORDS = new Set(['auth', 'oauth', 'oauth2', 'token', 'login', 'signin', 'logon', 'sso']);

/** Words after an auth word that still name its endpoint: `token_url`, `login.endpoint`, `oauth_base_uri`. */
const ENDPOINT_WORDS = new Set(['url', 'uri', 'endpoint', 'host', 'server', 'address', 'base', 'path', 'api', 'service', 'link', 'href']);

/**
 * Whether a name says the URL is a login or token endpoint: an auth word ends it, or only endpoint words follow it
 * (`$oauth.token_url`, `login_endpoint`). An auth word that qualifies another noun (`auth_status`, `token_type_docs`)
 * names a page about auth, not the place credentials are sent.
 */
function namesAuthEndpoint(name: string): boolean {
  const segs = nameSegments(name);
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i].toLowerCase();
    if (AUTH_WORDS.has(s)) return true;
    if (!ENDPOINT_WORDS.has(s)) return false;
  }
  return false;
}

/** Credentials sent to, or fetched from, a plain http:// endpoint. */
export const insecureHttp: Rule = {
  meta: {
    id: 'hygiene/insecure-http',
    category: 'hygiene',
    cwe: 319,
    defaultSeverity: 'warning',
    docs: { description: 'A plain http:// URL carries credentials (user-info, key parameters) or is a login/token endpoint; credentials travel unencrypted.', url: docsUrl('hygiene/insecure-http') },
    shortDescription: 'Credentials over plain HTTP',
    messages: { found: 'Plain http:// endpoint `{host}` used for credentials. Use https://.' },
    fixable: true,
    hasSuggestions: false,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      for (const lf of r.flow.literals) {
        const v = lf.lit.value;
        if (v.length > 4096 || !(marksOf(lf.lit) & MARK_HTTP)) continue;
        for (const m of v.matchAll(HTTP_URL)) {
          const authority = m[1];
          const rest = m[2];
          const hostPart = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
          if (LOCAL.test(hostPart) || NAMESPACE_HOSTS.test(hostPart)) continue;
          // An XML namespace or schema location names a vocabulary; nothing is sent there.
          const before = v.slice(Math.max(0, (m.index ?? 0) - 120), m.index ?? 0);
          if (/xmlns(?::[\w.-]+)?\s*=\s*["']?$|schemaLocation\s*=\s*["'][^"']*$/i.test(before)) continue;
          const userinfo = authority.includes('@') && authority.slice(0, authority.lastIndexOf('@')).includes(':');
          const params = [...rest.matchAll(CREDENTIAL_PARAM)].some((p) => isCredentialName(p[1]));
          const authPath = rest.split(/[/?#.]/).some((seg) => AUTH_WORDS.has(seg.toLowerCase()));
          const named = lf.ctx.kind === 'named' && namesAuthEndpoint(lf.ctx.name);
          if (!userinfo && !params && !authPath && !named) continue;
          const at = m.index ?? 0;
          const span = valueCharSpan(ctx.facts, r, lf.lit, at, at + 7);
          ctx.report({
            messageId: 'found', data: { host: hostPart }, start: span.start, end: span.end, regionId: r.region.id,
            fixes: span.exact ? [{ title: 'Use https://', kind: 'quickfix', safe: false, edits: [{ start: span.start, end: span.end, newText: 'https://' }] }] : [],
          });
        }
      }
    }
  },
};
