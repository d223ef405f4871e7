import * as path from 'node:path';
import type { FileAnalysis, ResolvedConfig } from '../engine/project-api';
import { compareFindings, toReportFinding, type FileReport, type RunNotification } from '../report/model';
import type { ConfigCache } from './config';
import type { SourceEntry } from './discover';
import { decodeText, readBytes, readJitterpak } from './read';

/**
 * A project's files on their way into a core Project (read, decoded, Jitterpaks opened) and its analyses on their
 * way out into report files. Shared by the whole-project run and by each thread's slice of a split project, so both
 * read, skip and report exactly alike.
 */

export interface AnalysedFile extends FileReport {
  failLevel: ResolvedConfig['failLevel'];
}

/** What reading a set of files leaves behind, besides the texts given to the project. */
export interface LoadedFiles {
  /** Path inside the project → folder whose config applies. */
  dirOf: Map<string, string>;
  /** Paths named on the command line (they keep the engine's "not a Jitterbit file" note). */
  named: Set<string>;
  /** Path inside the project → index of the source entry it came from (a Jitterpak gives several paths). */
  entryOf: Map<string, number>;
  notifications: RunNotification[];
  bytes: number;
}

/**
 * Reads `files` into `project`, in order. `indexOf(i)` numbers the entries (a slice passes their place in the whole
 * project). `onFile(n)` reports progress: a file that cannot be read and a Jitterpak count here, analysed files later.
 */
export function loadFiles(
  project: { setFile(path: string, text: string): void },
  files: readonly SourceEntry[],
  onFile: (n: number) => void,
  indexOf: (i: number) => number = (i) => i,
): LoadedFiles {
  const out: LoadedFiles = { dirOf: new Map(), named: new Set(), entryOf: new Map(), notifications: [], bytes: 0 };
  const warn = (rel: string, message: string): void => {
    out.notifications.push({ level: 'warning', path: rel, message: `${rel}: ${message}` });
  };
  const add = (p: string, text: string, f: SourceEntry, i: number): void => {
    project.setFile(p, text);
    out.dirOf.set(p, path.dirname(f.abs));
    out.entryOf.set(p, indexOf(i));
  };
  files.forEach((f, i) => {
    const r = readBytes(f.abs, undefined, f.size > 0 ? f.size : undefined);
    if (!r.ok) {
      warn(f.rel, r.problem);
      onFile(1);
      return;
    }
    out.bytes += r.bytes.length;
    if (f.jpk) {
      const pak = readJitterpak(r.bytes);
      for (const p of pak.problems) warn(f.rel, p);
      for (const m of pak.members) add(`${f.rel}!/${m.path}`, m.text, f, i);
      onFile(1);
      return;
    }
    const t = decodeText(r.bytes);
    if (!t.ok) {
      warn(f.rel, t.problem);
      onFile(1);
      return;
    }
    add(f.rel, t.text, f, i);
    if (f.explicit) out.named.add(f.rel);
  });
  return out;
}

/** The config that applies to a path of the project. */
export function configOf(loaded: LoadedFiles, configs: ConfigCache, p: string): ResolvedConfig {
  return configs.forDir(loaded.dirOf.get(p) ?? '.');
}

/** Progress counts analysed host files (Jitterpak members were counted with their archive). */
export function countsAsFile(p: string): boolean {
  return !p.includes('!/');
}

/** The report files of a set of analyses: only files read here, without the skipped ones, findings sorted. */
export function reportFiles(analyses: readonly FileAnalysis[], loaded: LoadedFiles, configs: ConfigCache): AnalysedFile[] {
  const out: AnalysedFile[] = [];
  for (const a of analyses) {
    const p = a.path;
    if (!loaded.dirOf.has(p)) continue;
    // Allowlisted, or not a Jitterbit file: not part of the report. A file found by walking a folder that turns
    // out not to be Jitterbit content (package.json, tsconfig.json, .jitterbit-guard.json) is skipped silently;
    // a file named on the command line keeps the engine's note saying what it is not.
    if (a.skipped || (a.kind === 'unsupported' && !loaded.named.has(p))) continue;
    const config = configOf(loaded, configs, p);
    out.push({ path: p, findings: a.findings.map(toReportFinding).sort(compareFindings), failLevel: config.failLevel ?? 'warning' });
  }
  return out;
}

/** First line of an error message, bounded (an engine error must not dump a script into the log). */
export function errorMessage(e: unknown): string {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}
