import { canBeCredentialValue, isCredentialName, isPlaceholder, looksRandom, scanSecretTokens } from '../../detectors';
import { docsUrl, type Rule } from '../../engine/rule';

/** Credentials in a private agent's `jitterbit.conf` (predefined globals, SMTP passwords, commented-out keys). */
export const agentConfig: Rule = {
  meta: {
    id: 'secrets/agent-config',
    category: 'secret',
    cwe: 259,
    defaultSeverity: 'error',
    docs: { description: 'jitterbit.conf holds a credential in clear text, possibly in a commented-out line.', url: docsUrl('secrets/agent-config') },
    shortDescription: 'Credential in jitterbit.conf',
    messages: {
      value: 'Credential ({masked}) in clear text for `{name}` in [{section}]. Keep agent credentials out of files that are copied and shared.',
      commented: 'Commented-out credential ({masked}) for `{name}` in [{section}]. Remove the line.',
      token: '{description} ({masked}) in jitterbit.conf. Remove it and rotate the credential.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    const file = ctx.facts.file;
    if (file.kind !== 'jitterbit-conf') return;
    const entryLines = new Set<number>();
    for (const d of file.data) {
      if (d.kind !== 'conf-entry') continue;
      entryLines.add(file.lines.positionAt(d.valueStart).line);
      const section = d.section ?? '';
      const credential = isCredentialName(d.name) && canBeCredentialValue(d.value);
      if (credential && d.commented) {
        if (isPlaceholder(d.value, 'comment') || (!looksRandom(d.value) && !/\d/.test(d.value))) continue;
        ctx.report({ messageId: 'commented', data: { name: d.name, section }, start: d.valueStart, end: d.valueEnd, value: d.value });
        continue;
      }
      if (credential) {
        ctx.report({ messageId: 'value', data: { name: d.name, section }, start: d.valueStart, end: d.valueEnd, value: d.value });
        continue;
      }
      for (const m of scanSecretTokens(d.value, d.commented ? 'comment' : 'code')) {
        ctx.report({ messageId: 'token', data: { description: m.description }, start: d.valueStart + m.start, end: d.valueStart + m.end, value: d.value.slice(m.start, m.end) });
      }
    }
    for (const c of file.hostComments) {
      if (entryLines.has(file.lines.positionAt(c.start).line)) continue;
      for (const m of scanSecretTokens(c.text, 'comment')) {
        ctx.report({ messageId: 'token', data: { description: m.description }, start: c.start + m.start, end: c.start + m.end, value: c.text.slice(m.start, m.end) });
      }
    }
  },
};
