import type { Category, RuleMeta } from '../engine/types';
import { levelRank, oneLine, sarifLevel, type FileReport, type ReportFinding, type RunReport } from './model';

/** Key of our fingerprint in `partialFingerprints`: rule + file + hash of the value, never a line number. */
export const FINGERPRINT_KEY = 'jitterbitGuard/v1';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

/** GitHub code scanning `security-severity` by category (CVSS-like: 7+ high, 4+ medium). */
const SECURITY_SEVERITY: Partial<Record<Category, string>> = { secret: '8.5', 'sensitive-logging': '6.5', pii: '5.5' };

export interface SarifOptions {
  /** `runs[0].automationDetails.id`, e.g. `jitterbit-guard/shard-1-of-4/` so code scanning keeps shards apart. */
  automationId?: string;
}

/** SARIF 2.1.0 log of one run. Pure: the CLI passes in everything, including the rules list and the root. */
export function formatSarif(report: RunReport, opts: SarifOptions = {}): string {
  return JSON.stringify(buildSarif(report, opts), null, 2) + '\n';
}

export function buildSarif(report: RunReport, opts: SarifOptions = {}): Record<string, unknown> {
  const rules = [...report.rules];
  const index = new Map<string, number>();
  rules.forEach((r, i) => index.set(r.id, i));
  // Findings of ids the registry does not list (syntax, directive and internal diagnostics) still get a descriptor,
  // so every ruleIndex is valid.
  for (const file of report.files) {
    for (const f of file.findings) {
      if (!index.has(f.ruleId)) {
        index.set(f.ruleId, rules.length);
        rules.push(syntheticRule(f));
      }
    }
  }
  const results: Record<string, unknown>[] = [];
  for (const file of report.files) {
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const n = seen.get(f.fingerprint) ?? 0;
      seen.set(f.fingerprint, n + 1);
      results.push(result(file, f, index.get(f.ruleId) ?? 0, n));
    }
  }
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: report.tool.name,
        fullName: `Jitterbit Guard ${report.tool.version}`,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: report.tool.informationUri,
        rules: rules.map(ruleDescriptor),
      },
    },
    ...(opts.automationId ? { automationDetails: { id: opts.automationId } } : {}),
    invocations: [
      {
        executionSuccessful: report.executionSuccessful,
        ...(report.startTime ? { startTimeUtc: report.startTime } : {}),
        ...(report.endTime ? { endTimeUtc: report.endTime } : {}),
        toolExecutionNotifications: report.notifications.map((n) => ({
          level: n.level,
          message: { text: sentence(n.message) },
          ...(n.path ? { locations: [{ physicalLocation: { artifactLocation: { uri: toUri(n.path), uriBaseId: SRCROOT } } }] } : {}),
        })),
      },
    ],
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri(report.root) } },
    columnKind: 'utf16CodeUnits',
    results,
    properties: { baselined: report.baselined },
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

function result(file: FileReport, f: ReportFinding, ruleIndex: number, occurrence: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: sentence(f.message) },
    locations: [{ physicalLocation: physical(file.path, f.range) }],
    // The occurrence number tells apart two equal values in one file; it does not change when code moves.
    partialFingerprints: { [FINGERPRINT_KEY]: occurrence ? `${f.fingerprint}:${occurrence}` : f.fingerprint },
    properties: { category: f.category },
  };
  if (f.related?.length) {
    out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, message: { text: sentence(r.message) }, physicalLocation: physical(r.path, r.range) }));
  }
  return out;
}

function physical(path: string, range: ReportFinding['range']): Record<string, unknown> {
  const startLine = range.start.line + 1;
  const startColumn = range.start.character + 1;
  let endLine = range.end.line + 1;
  let endColumn = range.end.character + 1;
  if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) {
    endLine = startLine;
    endColumn = startColumn;
  }
  return { artifactLocation: { uri: toUri(path), uriBaseId: SRCROOT }, region: { startLine, startColumn, endLine, endColumn } };
}

function ruleDescriptor(r: RuleMeta): Record<string, unknown> {
  const level = sarifLevel(r.defaultSeverity);
  const tags = ['security'];
  if (r.cwe) tags.push(`external/cwe/cwe-${r.cwe}`);
  const sev = SECURITY_SEVERITY[r.category];
  return {
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: sentence(r.shortDescription || r.id) },
    fullDescription: { text: sentence(r.docs?.description || r.shortDescription || r.id) },
    ...(r.docs?.url ? { helpUri: r.docs.url, help: { text: `See ${r.docs.url}` } } : {}),
    defaultConfiguration: { level },
    properties: {
      tags,
      category: r.category,
      precision: levelRank(level) >= 2 ? 'high' : 'medium',
      ...(sev ? { 'security-severity': sev } : {}),
    },
  };
}

function syntheticRule(f: ReportFinding): RuleMeta {
  return {
    id: f.ruleId,
    category: f.category,
    cwe: 0,
    defaultSeverity: f.severity,
    docs: { description: `Diagnostics reported as ${f.ruleId}.`, url: f.docsUrl ?? '' },
    messages: {},
    fixable: false,
    hasSuggestions: false,
    shortDescription: `${f.category} diagnostic ${f.ruleId}`,
  };
}

/** `secrets/hardcoded-password` → `SecretsHardcodedPassword` (SARIF names are identifiers, ids keep the slash). */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF messages are sentences: one line, ending with a period. */
function sentence(s: string): string {
  const t = oneLine(s);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A relative path as a URI reference: each segment percent-encoded (`!` and `/` kept for Jitterpak members). */
export function toUri(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** `file:` URI of an absolute directory, with the trailing slash SARIF base URIs need. */
export function rootUri(root: string): string {
  let p = root.replace(/\\/g, '/');
  if (!p.startsWith('/')) p = `/${p}`; // Windows drive letter: file:///C:/...
  const enc = p
    .split('/')
    .map((seg, i) => (i === 1 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
  return `file://${enc.endsWith('/') ? enc : `${enc}/`}`;
}
