import type { RunNotification } from '../report/model';
import type { ConfigCache } from './config';
import type { SourceEntry } from './discover';
import { createProject } from './engine';
import { configOf, countsAsFile, errorMessage, loadFiles, reportFiles, type AnalysedFile } from './project-files';

export type { AnalysedFile } from './project-files';

/**
 * Analysis of one Jitterbit project: read every file, `setFile` them all into one project, then `analyzeFile`
 * each, so cross-script flows are found. Runs in the main thread or in a worker; the result is plain data.
 */

export interface ProjectTask {
  id: number;
  key: string;
  files: SourceEntry[];
}

export interface TaskResult {
  id: number;
  files: AnalysedFile[];
  notifications: RunNotification[];
  internalErrors: number;
  bytes: number;
}

/** Bytes of a project's files as found on disk (what threads are balanced by). */
export function bytesOf(t: ProjectTask): number {
  let s = 0;
  for (const f of t.files) s += f.size;
  return s;
}

/** `onFile(n)` reports progress in files (a Jitterpak counts as one), for the progress bar. */
export function runProjectTask(
  task: ProjectTask,
  configs: ConfigCache,
  onFile: (n: number) => void = () => undefined,
  makeProject: () => Pick<ReturnType<typeof createProject>, 'setFile' | 'analyzeAll' | 'analyzeFile'> = createProject,
): TaskResult {
  const out: TaskResult = { id: task.id, files: [], notifications: [], internalErrors: 0, bytes: 0 };
  let project;
  try {
    project = makeProject();
  } catch (e) {
    out.internalErrors++;
    out.notifications.push({ level: 'error', message: `internal error: ${errorMessage(e)}` });
    return out;
  }
  const loaded = loadFiles(project, task.files, onFile);
  out.notifications.push(...loaded.notifications);
  out.bytes = loaded.bytes;
  const configFor = (p: string) => configOf(loaded, configs, p);
  // One batch pass over the project (one parse per file; a second only where another script's global flows in).
  let analyses;
  try {
    analyses = project.analyzeAll(configFor, (p) => {
      if (countsAsFile(p)) onFile(1);
    });
  } catch (e) {
    // The batch failed: fall back to one file at a time, so one bad file costs only its own findings.
    out.notifications.push({ level: 'warning', message: `${task.key}: the batch analysis failed (${errorMessage(e)}); analysing file by file` });
    analyses = [];
    for (const p of loaded.dirOf.keys()) {
      try {
        analyses.push(project.analyzeFile(p, configFor(p)));
      } catch (fe) {
        out.internalErrors++;
        out.notifications.push({ level: 'error', path: p, message: `${p}: internal error while analysing the file: ${errorMessage(fe)}` });
      }
    }
  }
  out.files = reportFiles(analyses, loaded, configs);
  return out;
}
