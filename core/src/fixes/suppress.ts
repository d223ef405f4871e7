import { suppressionComment } from '../engine/directives';
import type { Finding, Fix } from '../engine/types';
import type { SourceFile } from '../syntax/source-file';
import { encodeForRegion } from './encode';

/**
 * Suppress-with-reason for a finding inside a script its host holds encoded (a JSON export's string value, a Design
 * Studio XML text): the comment goes in as a new line of the script above the finding's script line, encoded for
 * the host, so the file stays valid and the directive counts that script's lines (see engine/script-lines.ts).
 * Undefined outside such scripts: a plain script takes the comment on a host line, project-variable data cannot.
 */
export function embeddedSuppressionFix(finding: Finding, source: SourceFile, reason?: string): Fix | undefined {
  const region = finding.regionId === undefined ? undefined : source.regions.find((r) => r.id === finding.regionId);
  if (!region || region.encoding === 'raw') return undefined;
  const text = region.text;
  const d = Math.max(0, Math.min(region.map.toDecoded(finding.start), text.length));
  const lineStart = d === 0 ? 0 : text.lastIndexOf('\n', d - 1) + 1;
  // A finding on the `<trans>` line itself: a comment above it would sit outside the script.
  const open = text.indexOf('<trans>');
  if (open >= 0 && open >= lineStart && open < d) return undefined;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 256))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = region.map.toHost(lineStart);
  return {
    title: `Suppress ${finding.ruleId} on this line (with a reason)`,
    kind: 'suppress',
    safe: false,
    edits: [{ start: at, end: at, newText: encodeForRegion(`${indent}${suppressionComment(finding.ruleId, region.language, reason)}${eol}`, region.encoding) }],
  };
}
