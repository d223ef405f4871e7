import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from '../../protocol/src/index';
import type { Finding, Severity } from './analysis';
import { pathToUri } from './paths';

/** What a diagnostic's `data` carries: the key its finding was recorded under. */
export interface DiagnosticData {
  key: string;
}

export interface RecordedFinding {
  uri: string;
  /** The document version the finding was computed for. */
  version: number;
  finding: Finding;
}

/**
 * Findings recorded at diagnosis, looked up by the key in `Diagnostic.data` when code actions are asked for
 * (like vscode-eslint's CodeActions.record): code actions never re-analyse. A file's records are replaced
 * when it is analysed again.
 */
export class FindingRecords {
  private readonly byKey = new Map<string, RecordedFinding>();
  private readonly keysByUri = new Map<string, string[]>();
  private readonly uriIds = new Map<string, number>();

  /**
   * Replace the records of `uri`; returns one key per finding, in order. Keys are deterministic —
   * file id, document version, rule and host range — so re-analysing the same version (a settings change, a
   * change in another file) keeps the keys of the findings that stay, and diagnostics the client still shows
   * keep resolving.
   */
  record(uri: string, version: number, findings: readonly Finding[]): string[] {
    this.clear(uri);
    let id = this.uriIds.get(uri);
    if (id === undefined) {
      id = this.uriIds.size + 1;
      this.uriIds.set(uri, id);
    }
    const seen = new Map<string, number>();
    const keys = findings.map((finding) => {
      const base = `${id}:${version}:${finding.ruleId}:${finding.start}-${finding.end}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const key = n === 0 ? base : `${base}#${n}`;
      this.byKey.set(key, { uri, version, finding });
      return key;
    });
    this.keysByUri.set(uri, keys);
    return keys;
  }

  get(key: string): RecordedFinding | undefined {
    return this.byKey.get(key);
  }

  forUri(uri: string): RecordedFinding[] {
    return (this.keysByUri.get(uri) ?? []).map((k) => this.byKey.get(k)).filter((r): r is RecordedFinding => r !== undefined);
  }

  keysOf(uri: string): readonly string[] {
    return this.keysByUri.get(uri) ?? [];
  }

  clear(uri: string): void {
    for (const k of this.keysByUri.get(uri) ?? []) this.byKey.delete(k);
    this.keysByUri.delete(uri);
  }
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

/** A finding as an LSP diagnostic: code = rule id, codeDescription = docs, data = { key }. */
export function toDiagnostic(finding: Finding, key: string, relatedSupported: boolean): Diagnostic {
  const d: Diagnostic = {
    range: finding.range,
    severity: toLspSeverity(finding.severity),
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { key } satisfies DiagnosticData,
  };
  if (finding.docsUrl) d.codeDescription = { href: finding.docsUrl };
  if (relatedSupported && finding.related?.length) {
    d.relatedInformation = finding.related.map<DiagnosticRelatedInformation>((r) => ({
      location: { uri: pathToUri(r.path), range: r.range },
      message: r.message,
    }));
  }
  return d;
}

export function keyOf(d: Diagnostic): string | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  return data && typeof data.key === 'string' ? data.key : undefined;
}
