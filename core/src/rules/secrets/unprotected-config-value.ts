import { canBeCredentialValue, isCredentialName, scanSecretTokens } from '../../detectors';
import { docsUrl, type Rule } from '../../engine/rule';

/** `[pv]` mixed with literal text: exported in clear text when credentials are not included. */
const MIXED_PV = /\[[A-Za-z_][\w.]*\]/;
const ALL_PV = /\[[A-Za-z_][\w.]*\]/g;
/** Text around references that is no part of a credential: an auth scheme (`Bearer [pv_token]`), separators (`[user]:[pw]`). */
const SCHEME_OR_SEPARATORS = /^[\s:;,/|@+-]*(?:(?:basic|bearer|token|ssws|digest|negotiate|apikey|api-key|key|sharedaccesssignature|genietoken|splunk)\b)?[\s:;,/|@+-]*$/i;

/** The literal text a credential field adds to its project-variable references, when it can be part of a credential. */
function literalBesideReferences(v: string): boolean {
  if (!MIXED_PV.test(v)) return false;
  return !SCHEME_OR_SEPARATORS.test(v.replace(ALL_PV, ' '));
}
/** `key=value;` pairs (two or more): a connection string. */
function isConnectionString(v: string): boolean {
  const parts = v.split(';').filter((p) => p.trim() !== '');
  return parts.length >= 2 && parts.every((p) => /^\s*[\w .-]{1,40}=/.test(p));
}

/**
 * Credentials held as data in exports and Design Studio entities: project-variable and global values that are not
 * hidden, `<Item>` properties with `enc="false"`, credential fields mixing `[pv]` with literal text.
 */
export const unprotectedConfigValue: Rule = {
  meta: {
    id: 'secrets/unprotected-config-value',
    category: 'secret',
    cwe: 798,
    defaultSeverity: 'error',
    docs: {
      description: 'A project variable, global or connection property holds a credential in clear text (not hidden, not encrypted).',
      url: docsUrl('secrets/unprotected-config-value'),
    },
    shortDescription: 'Credential in a visible configuration value',
    messages: {
      visible: 'The {what} `{name}` holds a credential ({masked}) in clear text. Mark it hidden and set the value per environment.',
      token: '{description} ({masked}) in the value of {what} `{name}`. Mark it hidden and set the value per environment.',
      property: '{description} ({masked}) in the component property `{name}`. Put it in a hidden project variable and reference that (`[name]`).',
      mixed: 'Credential field `{name}` mixes a project variable with literal text ({masked}); it is exported in clear text. Put the whole value in a hidden project variable.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    for (const d of ctx.facts.file.data) {
      if (d.hidden || d.kind === 'conf-entry') continue;
      const what = d.kind === 'project-variable' ? 'project variable' : d.kind === 'global-variable' ? 'global variable' : 'property';
      const map = (i: number) => (d.map ? d.map.toHost(i) : d.valueStart + i);
      // A connection string is literal text by nature (`Server=[pv_host];Database=x;`): its password part is judged by
      // the token scan below, which leaves `Password=[pv]` alone.
      if (d.kind === 'credential-field' && MIXED_PV.test(d.value)) {
        if (literalBesideReferences(d.value) && !isConnectionString(d.value)) {
          ctx.report({ messageId: 'mixed', data: { name: d.name }, start: d.valueStart, end: d.valueEnd, value: d.value });
          continue;
        }
        // `Bearer [pv_token]`, `[user]:[password]`: references and an auth scheme only, no literal credential.
        if (!isConnectionString(d.value) && SCHEME_OR_SEPARATORS.test(d.value.replace(ALL_PV, ' '))) continue;
      }
      if (isCredentialName(d.name) && canBeCredentialValue(d.value)) {
        ctx.report({ messageId: 'visible', data: { what, name: d.name }, start: d.valueStart, end: d.valueEnd, value: d.value });
        continue;
      }
      for (const m of scanSecretTokens(d.value, 'code')) {
        const messageId = d.kind === 'property' ? 'property' : 'token';
        ctx.report({ messageId, data: { what, name: d.name, description: m.description }, start: map(m.start), end: map(m.end), value: d.value.slice(m.start, m.end) });
      }
    }
  },
};
