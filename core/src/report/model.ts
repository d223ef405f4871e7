import type { Category, Finding, RuleMeta, Severity } from '../engine/types';
import type { Range } from '../syntax/text';

/**
 * What every reporter renders: the outcome of one CLI run, already sorted and baseline-filtered.
 * Pure data: the CLI builds it from the file system, the reporters only turn it into text.
 */

/** A finding as reports see it: no fixes (they may carry raw values for the vault), masked message only. */
export interface ReportFinding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  masked?: string;
  fingerprint: string;
  related?: { path: string; range: Range; message: string }[];
  docsUrl?: string;
}

export interface FileReport {
  /** Path relative to the scanned root, `/`-separated; Jitterpak members as `file.jpk!/path/inside`. */
  path: string;
  findings: ReportFinding[];
  /** Set when the engine skipped the file (allowlisted, unsupported, ...). */
  skippedReason?: string;
}

export type NotificationLevel = 'error' | 'warning' | 'note';

/** A problem of the run itself (unreadable file, invalid config): never a finding, never a value. */
export interface RunNotification {
  level: NotificationLevel;
  message: string;
  /** Relative path of the file concerned, when there is one. */
  path?: string;
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

export interface RunReport {
  tool: ToolInfo;
  /** Absolute path of the scanned root (SARIF `%SRCROOT%`), `/`-separated. */
  root: string;
  /** Every analysed file (with or without findings), sorted by path. */
  files: FileReport[];
  rules: RuleMeta[];
  notifications: RunNotification[];
  /** False when an internal error kept part of the analysis from running. */
  executionSuccessful: boolean;
  /** Findings hidden because the baseline holds them. */
  baselined: number;
  startTime?: string;
  endTime?: string;
}

/** Strips everything a report must not carry (fixes hold raw values for the vault). */
export function toReportFinding(f: Finding): ReportFinding {
  const out: ReportFinding = {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    range: { start: { ...f.range.start }, end: { ...f.range.end } },
    fingerprint: f.fingerprint,
  };
  if (f.masked !== undefined) out.masked = f.masked;
  if (f.related?.length) out.related = f.related.map((r) => ({ path: r.path, range: r.range, message: r.message }));
  if (f.docsUrl) out.docsUrl = f.docsUrl;
  return out;
}

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** error 3, warning 2, note (info, hint) 1. */
export function levelRank(l: SarifLevel | Severity): number {
  return l === 'error' ? 3 : l === 'warning' ? 2 : 1;
}

/** Sort order of findings inside a file: position, then rule, then fingerprint. Deterministic. */
export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.fingerprint, b.fingerprint) ||
    cmp(a.message, b.message)
  );
}

/** Plain code-unit comparison (never locale-dependent, so output is the same on every machine). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
  total: number;
  filesWithFindings: number;
}

export function countFindings(files: FileReport[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, notes: 0, total: 0, filesWithFindings: 0 };
  for (const f of files) {
    if (f.findings.length) c.filesWithFindings++;
    for (const x of f.findings) {
      c.total++;
      const l = sarifLevel(x.severity);
      if (l === 'error') c.errors++;
      else if (l === 'warning') c.warnings++;
      else c.notes++;
    }
  }
  return c;
}

/** One line, no control characters: messages are single-line in every format. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}
