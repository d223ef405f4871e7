import type { DeclaredProjectVariables, SharedGlobalWrite } from '../engine/project';
import type { FileAnalysis } from '../engine/project-api';
import type { RunNotification } from '../report/model';
import type { ConfigCache } from './config';
import type { SourceEntry } from './discover';
import { createProject } from './engine';
import { configOf, countsAsFile, loadFiles, reportFiles, type AnalysedFile, type LoadedFiles } from './project-files';

/**
 * One thread's part of a project split across threads. A project is analysed as a whole because a global tainted
 * in one script and logged in another must be found; split, each thread holds a slice of the files and the threads
 * exchange what crosses files, in three steps:
 *
 * 1. load: read the slice; report the project variables its files declare (project-wide, like globals);
 * 2. local: with every slice's declarations, lint each file with its own facts; report the globals the slice's
 *    files taint (with the origin's range, as the writer may be in another thread);
 * 3. incoming: with every slice's globals, re-analyse the files that read a global another file taints;
 * 4. again, while a slice learned something: with what every slice's files newly taint (a global set from another
 *    script's global), re-analyse the files that read it (flows of several hops).
 *
 * The same steps, in the same order, as `Project.analyzeAll` over the whole project, so the findings are the same.
 */

export interface SliceTask {
  /** The project's key (messages name it). */
  key: string;
  files: SourceEntry[];
  /** Place of each file in the whole project's list (declarations merge in that order). */
  indices: number[];
}

/** A file's project-variable declarations, by its place in the whole project. */
export interface EntryDeclarations {
  entry: number;
  variables: DeclaredProjectVariables['variables'];
}

export interface SliceOutcome {
  files: AnalysedFile[];
  notifications: RunNotification[];
  bytes: number;
  /** Globals this slice's last round tainted beyond what the project knew: every slice takes them in (step 4). */
  learned: SharedGlobalWrite[];
}

/** Splits a project's files into `n` slices of about equal bytes (largest first onto the lightest slice). */
export function planSlices(key: string, files: readonly SourceEntry[], n: number): SliceTask[] {
  const order = files.map((f, i) => i).sort((a, b) => files[b].size - files[a].size || a - b);
  const load = new Array<number>(n).fill(0);
  const picked: number[][] = Array.from({ length: n }, () => []);
  for (const i of order) {
    let k = 0;
    for (let j = 1; j < n; j++) if (load[j] < load[k]) k = j;
    picked[k].push(i);
    load[k] += Math.max(1, files[i].size);
  }
  return picked
    .filter((p) => p.length > 0)
    .map((p) => {
      const indices = p.sort((a, b) => a - b);
      return { key, files: indices.map((i) => files[i]), indices };
    });
}

/** Every slice's declarations as one list per file, in the whole project's order (later declarations win). */
export function mergeDeclarations(perSlice: readonly EntryDeclarations[][]): EntryDeclarations['variables'][] {
  // Stable: a Jitterpak's members (one entry, one slice) keep their order.
  return perSlice.flat().sort((a, b) => a.entry - b.entry).map((d) => d.variables);
}

/** The three steps for one slice, in whichever thread holds it. */
export class SliceRunner {
  private readonly project = createProject();
  private loaded: LoadedFiles | undefined;
  private first: FileAnalysis[] = [];

  constructor(
    private readonly slice: SliceTask,
    private readonly configs: ConfigCache,
    private readonly onFile: (n: number) => void,
  ) {}

  load(): EntryDeclarations[] {
    const loaded = loadFiles(this.project, this.slice.files, this.onFile, (i) => this.slice.indices[i]);
    this.loaded = loaded;
    return this.project.declaredProjectVariables().map((d) => ({ entry: loaded.entryOf.get(d.path) ?? -1, variables: d.variables }));
  }

  local(declarations: EntryDeclarations['variables'][]): SharedGlobalWrite[] {
    const loaded = this.ready();
    this.project.useProjectVariables(declarations);
    this.first = this.project.analyzeLocal(
      (p) => configOf(loaded, this.configs, p),
      (p) => {
        if (countsAsFile(p)) this.onFile(1);
      },
    );
    return this.project.sharedGlobalWrites();
  }

  incoming(writes: SharedGlobalWrite[]): SliceOutcome {
    const loaded = this.ready();
    this.project.useSharedGlobals(writes);
    return this.outcome(this.project.analyzeIncoming(this.first, (p) => configOf(loaded, this.configs, p)));
  }

  /** Step 4, repeated while any slice learns something: every slice's learned writes of the last round. */
  again(learned: SharedGlobalWrite[]): SliceOutcome {
    const loaded = this.ready();
    return this.outcome(this.project.analyzeAgain(learned, (p) => configOf(loaded, this.configs, p)));
  }

  private outcome(final: FileAnalysis[]): SliceOutcome {
    const loaded = this.ready();
    return { files: reportFiles(final, loaded, this.configs), notifications: loaded.notifications, bytes: loaded.bytes, learned: this.project.learnedGlobalWrites() };
  }

  private ready(): LoadedFiles {
    if (!this.loaded) throw new Error('slice steps out of order');
    return this.loaded;
  }
}
