import * as path from 'node:path';
import type { ResolvedConfig } from '../engine/project-api';
import { compareFindings, toReportFinding, type FileReport, type RunNotification } from '../report/model';
import { ConfigCache } from './config';
import type { SourceEntry } from './discover';
import { createProject } from './engine';
import { decodeText, readBytes, readJitterpak } from './read';

/**
 * Analysis of one Jitterbit project: read every file, `setFile` them all into one project, then `analyzeFile`
 * each, so cross-script flows are found. Runs in the main thread or in a worker; the result is plain data.
 */

export interface ProjectTask {
  id: number;
  key: string;
  files: SourceEntry[];
}

export interface AnalysedFile extends FileReport {
  failLevel: ResolvedConfig['failLevel'];
}

export interface TaskResult {
  id: number;
  files: AnalysedFile[];
  notifications: RunNotification[];
  internalErrors: number;
  bytes: number;
}

/** `onFile(n)` reports progress in files (a Jitterpak counts as one), for the progress bar. */
export function runProjectTask(
  task: ProjectTask,
  configs: ConfigCache,
  onFile: (n: number) => void = () => undefined,
  makeProject: () => Pick<ReturnType<typeof createProject>, 'setFile' | 'analyzeAll' | 'analyzeFile'> = createProject,
): TaskResult {
  const out: TaskResult = { id: task.id, files: [], notifications: [], internalErrors: 0, bytes: 0 };
  const warn = (rel: string, message: string): void => {
    out.notifications.push({ level: 'warning', path: rel, message: `${rel}: ${message}` });
  };
  let project;
  try {
    project = makeProject();
  } catch (e) {
    out.internalErrors++;
    out.notifications.push({ level: 'error', message: `internal error: ${errorMessage(e)}` });
    return out;
  }
  // Path inside the project → folder whose config applies.
  const dirOf = new Map<string, string>();
  const named = new Set<string>();
  for (const f of task.files) {
    const r = readBytes(f.abs);
    if (!r.ok) {
      warn(f.rel, r.problem);
      onFile(1);
      continue;
    }
    out.bytes += r.bytes.length;
    if (f.jpk) {
      const pak = readJitterpak(r.bytes);
      for (const p of pak.problems) warn(f.rel, p);
      for (const m of pak.members) {
        const inner = `${f.rel}!/${m.path}`;
        project.setFile(inner, m.text);
        dirOf.set(inner, path.dirname(f.abs));
      }
      onFile(1);
      continue;
    }
    const t = decodeText(r.bytes);
    if (!t.ok) {
      warn(f.rel, t.problem);
      onFile(1);
      continue;
    }
    project.setFile(f.rel, t.text);
    dirOf.set(f.rel, path.dirname(f.abs));
    if (f.explicit) named.add(f.rel);
  }
  // One batch pass over the project (one parse per file; a second only where another script's global flows in).
  let analyses;
  try {
    // Progress counts analysed host files (Jitterpak members were counted with their archive).
    analyses = project.analyzeAll(
      (p) => configs.forDir(dirOf.get(p) ?? '.'),
      (p) => {
        if (!p.includes('!/')) onFile(1);
      },
    );
  } catch (e) {
    // The batch failed: fall back to one file at a time, so one bad file costs only its own findings.
    out.notifications.push({ level: 'warning', message: `${task.key}: the batch analysis failed (${errorMessage(e)}); analysing file by file` });
    analyses = [];
    for (const p of dirOf.keys()) {
      try {
        analyses.push(project.analyzeFile(p, configs.forDir(dirOf.get(p) ?? '.')));
      } catch (fe) {
        out.internalErrors++;
        out.notifications.push({ level: 'error', path: p, message: `${p}: internal error while analysing the file: ${errorMessage(fe)}` });
      }
    }
  }
  for (const a of analyses) {
    const p = a.path;
    if (!dirOf.has(p)) continue;
    // Allowlisted, or not a Jitterbit file: not part of the report. A file found by walking a folder that turns
    // out not to be Jitterbit content (package.json, tsconfig.json, .jitterbit-guard.json) is skipped silently;
    // a file named on the command line keeps the engine's note saying what it is not.
    if (a.skipped || (a.kind === 'unsupported' && !named.has(p))) continue;
    const config = configs.forDir(dirOf.get(p) ?? '.');
    out.files.push({ path: p, findings: a.findings.map(toReportFinding).sort(compareFindings), failLevel: config.failLevel ?? 'warning' });
  }
  return out;
}

/** First line of an error message, bounded (an engine error must not dump a script into the log). */
function errorMessage(e: unknown): string {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}
