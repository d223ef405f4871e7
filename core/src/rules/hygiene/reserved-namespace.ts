import { docsUrl, type Rule } from '../../engine/rule';
import { isKnownSystemVariable } from '../../semantics/catalogue';

/** Globals created under `$jitterbit.`, a namespace reserved for Jitterbit's own variables. */
export const reservedNamespace: Rule = {
  meta: {
    id: 'hygiene/reserved-namespace',
    category: 'hygiene',
    cwe: 1099,
    defaultSeverity: 'warning',
    docs: { description: 'A script writes a variable under `$jitterbit.` that is not a Jitterbit variable; that namespace is reserved.', url: docsUrl('hygiene/reserved-namespace') },
    shortDescription: 'Variable in the reserved $jitterbit namespace',
    messages: { found: '`${name}` is in the reserved `$jitterbit.` namespace but is not a Jitterbit variable. Choose another name.' },
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      for (const { v, access, key } of r.flow.vars) {
        if (access !== 'write' || v.k !== 'var' || v.scope !== 'global' || !key.startsWith('jitterbit.') || isKnownSystemVariable(v.name)) continue;
        // Plugin inputs such as `$Jitterbit.HMACSHA256.Key` are documented uses of this namespace.
        if (/^Jitterbit\.[A-Z]/.test(v.name)) continue;
        // HTTP header families (`…http.request.header.<Name>`) are open-ended Jitterbit variables.
        if (/^jitterbit\.(source|target|networking|web_service_call)\.http\.(request|response)\.headers?\./i.test(v.name)) continue;
        ctx.report({ messageId: 'found', data: { name: v.name }, start: ctx.facts.toHost(r.region, v.nameStart), end: ctx.facts.toHost(r.region, v.nameEnd), regionId: r.region.id });
      }
    }
  },
};
