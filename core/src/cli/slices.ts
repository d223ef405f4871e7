import type { DeclaredProjectVariables, SharedGlobalWrite } from '../engine/project';
import type { FileAnalysis, ResolvedConfig } from '../engine/project-api';
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
 *
 * Which thread analyses a file is settled in step 2, not by the plan: threads run at different speeds (a busy core,
 * a collection), so a thread done with its own files takes the other slices' remaining ones, from their ends, one at a
 * time. A shared claim per file (the first thread to claim it analyses it) keeps every file analysed exactly once; any
 * partition gives the same report, so this one does too.
 */

export interface SliceTask {
  /** The project's key (messages name it). */
  key: string;
  files: SourceEntry[];
  /** Place of each file in the whole project's list (declarations merge in that order). */
  indices: number[];
  /** Step 2's claims, shared by every slice of the project (absent: this slice analyses exactly its own files). */
  share?: SliceShare;
}

export interface SliceShare {
  /** One Int32 per file of the whole project: 0 while unclaimed, else the claiming slice's number (1-based). */
  claims: SharedArrayBuffer;
  /** This slice's number (1-based). */
  self: number;
  /** The other slices' files, whose ends this slice takes once its own are done. */
  others: { files: SourceEntry[]; indices: number[] }[];
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

/** Gives every slice the others' files and one set of claims (see SliceShare), so a thread done early helps out. */
export function shareSlices(slices: readonly SliceTask[], fileCount: number): SliceTask[] {
  const claims = new SharedArrayBuffer(4 * fileCount);
  return slices.map((s, k) => ({
    ...s,
    share: { claims, self: k + 1, others: slices.filter((o) => o !== s).map((o) => ({ files: o.files, indices: o.indices })) },
  }));
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
  private sizes: Map<number, number> | undefined;

  constructor(
    private readonly slice: SliceTask,
    private readonly configs: ConfigCache,
    private readonly onFile: (n: number) => void,
  ) {}

  load(): EntryDeclarations[] {
    const loaded = loadFiles(this.project, this.slice.files, this.onFile, (i) => this.slice.indices[i]);
    this.loaded = loaded;
    const share = this.slice.share;
    if (share) {
      // Only a file read as one text can change hands: a Jitterpak (several members) or a file that could not be read
      // stays with this slice, which has its members or its notice.
      const claims = new Int32Array(share.claims);
      this.slice.files.forEach((f, i) => {
        if (f.jpk || !loaded.dirOf.has(f.rel)) Atomics.store(claims, this.slice.indices[i], share.self);
      });
    }
    return this.project.declaredProjectVariables().map((d) => ({ entry: loaded.entryOf.get(d.path) ?? -1, variables: d.variables }));
  }

  local(declarations: EntryDeclarations['variables'][]): SharedGlobalWrite[] {
    const loaded = this.ready();
    this.project.useProjectVariables(declarations);
    const configFor = (p: string): ResolvedConfig => configOf(loaded, this.configs, p);
    const share = this.slice.share;
    const claims = share ? new Int32Array(share.claims) : undefined;
    const take = share && claims ? (p: string): boolean => this.keep(p, claims, share.self) : undefined;
    this.first = this.project.analyzeLocal(
      configFor,
      (p) => {
        if (countsAsFile(p)) this.onFile(1);
      },
      take,
    );
    if (share && claims) this.takeOthers(share, claims, configFor);
    return this.project.sharedGlobalWrites();
  }

  /** Whether this slice analyses its own file `p`: it claims it, unless another slice took it (then it is dropped). */
  private keep(p: string, claims: Int32Array, self: number): boolean {
    const loaded = this.ready();
    const entry = loaded.entryOf.get(p);
    if (entry === undefined) return true;
    const owner = Atomics.compareExchange(claims, entry, 0, self);
    if (owner === 0 || owner === self) return true;
    loaded.dirOf.delete(p);
    loaded.entryOf.delete(p);
    loaded.named.delete(p);
    loaded.bytes -= this.sizeOf(entry);
    return false;
  }

  /** Bytes of this slice's file at place `entry` of the project (as read: the file's size). */
  private sizeOf(entry: number): number {
    if (!this.sizes) this.sizes = new Map(this.slice.indices.map((x, i) => [x, this.slice.files[i].size]));
    return this.sizes.get(entry) ?? 0;
  }

  /** The other slices' files nobody has claimed yet, from their ends: read here and analysed like this slice's own. */
  private takeOthers(share: SliceShare, claims: Int32Array, configFor: (p: string) => ResolvedConfig): void {
    const loaded = this.ready();
    for (const other of share.others) {
      for (let i = other.files.length - 1; i >= 0; i--) {
        const entry = other.indices[i];
        if (Atomics.compareExchange(claims, entry, 0, share.self) !== 0) continue;
        const got = loadFiles(this.project, [other.files[i]], () => this.onFile(1), () => entry);
        for (const [p, dir] of got.dirOf) {
          loaded.dirOf.set(p, dir);
          loaded.entryOf.set(p, entry);
          const a = this.project.analyzeLocalFile(p, configFor);
          if (a) this.first.push(a);
          if (countsAsFile(p)) this.onFile(1);
        }
        for (const p of got.named) loaded.named.add(p);
        loaded.notifications.push(...got.notifications);
        loaded.bytes += got.bytes;
      }
    }
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
