import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileReport } from '../report/model';
import { cmp } from '../report/model';
import { ensureDir, errorText } from './read';

/**
 * Baseline of accepted findings. Entries are keyed by rule, file and the finding's fingerprint (a hash of the value),
 * never by line, so moving code keeps a finding baselined and changing the value makes it new. No value is stored.
 */

export interface BaselineEntry {
  ruleId: string;
  path: string;
  fingerprint: string;
  /** How many findings of this key the baseline accepts (the same value twice in one file). */
  count: number;
}

export interface BaselineFile {
  version: 1;
  tool: string;
  description: string;
  findings: BaselineEntry[];
}

const key = (ruleId: string, p: string, fp: string): string => `${ruleId}\u0000${p}\u0000${fp}`;

export function loadBaseline(file: string, mustExist: boolean): { entries: BaselineEntry[]; problem?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (!mustExist && (e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    return { entries: [], problem: `${file}: ${errorText(e).replace('the file', 'the baseline')}` };
  }
  try {
    const doc = JSON.parse(text) as Partial<BaselineFile>;
    if (!doc || !Array.isArray(doc.findings)) return { entries: [], problem: `${file}: not a jitterbit-guard baseline (no "findings" list)` };
    const entries: BaselineEntry[] = [];
    for (const e of doc.findings) {
      if (e && typeof e.ruleId === 'string' && typeof e.path === 'string' && typeof e.fingerprint === 'string') {
        entries.push({ ruleId: e.ruleId, path: e.path, fingerprint: e.fingerprint, count: Number.isInteger(e.count) && e.count > 0 ? e.count : 1 });
      }
    }
    return { entries };
  } catch (e) {
    return { entries: [], problem: `${file}: the baseline is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Drops findings the baseline accepts (per key, up to its count, in position order). Pure. */
export function applyBaseline<T extends FileReport>(files: T[], entries: BaselineEntry[]): { files: T[]; baselined: number } {
  const budget = new Map<string, number>();
  for (const e of entries) budget.set(key(e.ruleId, e.path, e.fingerprint), (budget.get(key(e.ruleId, e.path, e.fingerprint)) ?? 0) + e.count);
  let baselined = 0;
  const out = files.map((f) => {
    const findings = f.findings.filter((x) => {
      const k = key(x.ruleId, f.path, x.fingerprint);
      const left = budget.get(k) ?? 0;
      if (left > 0) {
        budget.set(k, left - 1);
        baselined++;
        return false;
      }
      return true;
    });
    return { ...f, findings };
  });
  return { files: out, baselined };
}

/**
 * The new baseline: every current finding of the analysed files, plus the old entries of files this run did not
 * analyse (another shard, a pre-commit subset). Sorted, so the file diffs well.
 */
export function buildBaseline(files: FileReport[], previous: BaselineEntry[], tool: string): BaselineFile {
  const analysed = new Set(files.map((f) => f.path));
  const counts = new Map<string, BaselineEntry>();
  for (const f of files) {
    for (const x of f.findings) {
      const k = key(x.ruleId, f.path, x.fingerprint);
      const e = counts.get(k);
      if (e) e.count++;
      else counts.set(k, { ruleId: x.ruleId, path: f.path, fingerprint: x.fingerprint, count: 1 });
    }
  }
  const kept = previous.filter((e) => !analysed.has(e.path) && !analysed.has(e.path.split('!/')[0]));
  const findings = [...kept, ...counts.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  return {
    version: 1,
    tool,
    description: 'Accepted findings of jitterbit-guard, keyed by rule, file and a hash of the value (no values, no line numbers).',
    findings,
  };
}

export function writeBaseline(file: string, doc: BaselineFile): string | undefined {
  try {
    ensureDir(path.dirname(path.resolve(file)));
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(doc, null, 2) + '\n');
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    return `${file}: cannot write the baseline: ${e instanceof Error ? e.message : String(e)}`;
  }
}
