import { SYSTEM_VARIABLES } from '../semantics/catalogue';
import type { SourceFile } from '../syntax/source-file';
import type { Range } from '../syntax/text';
import { DIRECTIVE_RULES } from './directives';
import type { FileFacts } from './facts';
import { internalFailure, skipReason, unreadable } from './file-outcomes';
import { summarizeFile, type Summary } from './file-summary';
import { INTERNAL_RULE, SYNTAX_RULE, lintFile } from './linter';
import { MANIFEST_PATH_SUFFIX } from './manifest';
import type { FileAnalysis, ProjectApi, ResolvedConfig, VariableOccurrence } from './project-api';
import type { DeclaredProjectVariables, DeclaredVariable, Entry } from './project-entry';
import { learnedWrites, mergeWrites, PROJECT_ROUNDS, type Globals, type SharedGlobalWrite } from './project-rounds';
import { ProjectStore, rangeKey, type ProjectOptions } from './project-store';
import { intersects, someName } from './summary';
import type { RuleMeta } from './types';
import { RULES } from '../rules';

/**
 * The analyses of a Project: one file's (editors), analyzeAll's batch passes and the split-run API over them
 * (cli/slices.ts), and the editor's queries over the summaries. What they read of the files (texts, parses, facts,
 * summaries, cross-file globals) is ProjectStore's, in project-store.ts.
 */

/** The project: every file the host knows, parsed lazily, with cross-file knowledge of globals and project variables. */
export class Project extends ProjectStore implements ProjectApi {
  /** The facts of the last analysis made with other scripts' globals (an incoming round reads its writes). */
  private lastIncoming: FileFacts | undefined;
  /** The rounds of analyzeAll's second pass: first-pass results, the latest per file, what the last round learned. */
  private roundFirst: readonly FileAnalysis[] = [];
  private roundResults = new Map<string, FileAnalysis>();
  private roundLearned: SharedGlobalWrite[] = [];
  private inRound = false;

  rules(): RuleMeta[] {
    return [...RULES.map((r) => r.meta), ...DIRECTIVE_RULES, SYNTAX_RULE, INTERNAL_RULE];
  }

  analyzeFile(path: string, config: ResolvedConfig): FileAnalysis {
    const e = this.entries.get(path) ?? { path, text: '' };
    let source: SourceFile;
    try {
      source = this.source(e);
    } catch (err) {
      return unreadable(path, err);
    }
    try {
      return this.analyzeSource(e, source, config);
    } finally {
      // A stored file's source leaves with the analysis that returns it: the project keeps its summary only.
      if (!this.retain && e.text === undefined) e.source = undefined;
    }
  }

  private analyzeSource(e: Entry, source: SourceFile, config: ResolvedConfig): FileAnalysis {
    const path = e.path;
    const skipped = skipReason(path, source, config);
    if (skipped) return { path, kind: source.kind, source, findings: [], skipped: true, skippedReason: skipped };
    try {
      // A file analysed for the first time (or after an edit) gets its summary from the same facts that are linted.
      let local: FileFacts | undefined;
      if (!e.summary) {
        local = this.facts(e, this.parsed(e), undefined);
        e.summary = this.summarize(e, local);
      } else if (this.lastLocal?.entry === e && this.lastLocal.facts.file === source) {
        local = this.lastLocal.facts;
      }
      this.lastLocal = undefined;
      // Other scripts' globals matter only when this file reads a global that another file taints. A batch round
      // has its own (analyzeAll's rounds); an editor's document sees them after every hop, as the batch run ends.
      const globals = this.inRound || this.whole.globals ? this.globals() : this.settled.globals();
      const incoming = this.readsForeignTaint(path, e.summary, globals);
      const facts = incoming ? this.facts(e, local ? local.regions : this.parsed(e), path, globals) : local ?? this.facts(e, this.parsed(e), undefined);
      // Kept only for a round of the second pass (an editor's analyses would keep a whole file's facts alive).
      this.lastIncoming = incoming && this.inRound ? facts : undefined;
      return { path, kind: source.kind, source, findings: lintFile(facts, config, RULES), skipped: false };
    } catch (err) {
      return internalFailure(path, source, err);
    }
  }

  /**
   * Analyses every file (batch runs): one parse and one flow pass per file, then a second pass only for the files
   * that read a global another file taints. Memory stays at one tree plus compact summaries.
   */
  /**
   * `onProgress(path)` is called as each file finishes its first (and, for most files, only) pass, so a progress
   * bar advances steadily; results are returned at the end.
   */
  analyzeAll(configFor: (path: string) => ResolvedConfig, onProgress?: (path: string) => void): FileAnalysis[] {
    return this.secondPass(this.firstPass(configFor, onProgress), configFor);
  }

  /**
   * Every file with its own facts only (and its summary, from the same facts), in path order. A split run's part passes
   * `take`: a file it refuses (another thread took it) leaves this Project unanalysed.
   */
  private firstPass(configFor: (path: string) => ResolvedConfig, onProgress?: (path: string) => void, take?: (path: string) => boolean): FileAnalysis[] {
    const results: FileAnalysis[] = [];
    for (const path of this.files()) {
      if (take && !take(path)) {
        this.removeFile(path);
        continue;
      }
      results.push(this.firstPassFile(path, configFor));
      onProgress?.(path);
    }
    return results;
  }

  /** One file's first pass: its own facts only, and its summary from the same facts. */
  private firstPassFile(path: string, configFor: (path: string) => ResolvedConfig): FileAnalysis {
    const e = this.entries.get(path) as Entry;
    const config = configFor(path);
    const source = this.source(e);
    const skipped = skipReason(path, source, config);
    if (skipped) return { path, kind: source.kind, source, findings: [], skipped: true, skippedReason: skipped };
    try {
      const facts = this.facts(e, this.parsed(e), undefined);
      if (!e.summary) e.summary = this.summarize(e, facts);
      return { path, kind: source.kind, source, findings: lintFile(facts, config, RULES), skipped: false };
    } catch (err) {
      return internalFailure(path, source, err);
    }
  }

  /** The files of a first pass that read a global another file taints, analysed again with it; the rest as they were. */
  private secondPass(first: readonly FileAnalysis[], configFor: (path: string) => ResolvedConfig): FileAnalysis[] {
    let results = this.analyzeIncoming(first, configFor);
    // Flows of several hops (a → b → c through globals or RunScript): each round passes on what the last one learned.
    for (let round = 1; round < PROJECT_ROUNDS; round++) {
      const learned = this.learnedGlobalWrites();
      if (learned.length === 0) break;
      results = this.analyzeAgain(learned, configFor);
    }
    return results;
  }

  /**
   * One round: the given files analysed again with the project's globals; what they now taint beyond what the project
   * knew (a global tainted only through another script's global) is kept for learnedGlobalWrites.
   */
  private incomingRound(paths: ReadonlySet<string>, configFor: (path: string) => ResolvedConfig): void {
    const globals = this.globals();
    const learned: SharedGlobalWrite[] = [];
    for (const a of this.roundFirst) {
      if (!paths.has(a.path)) continue;
      this.inRound = true;
      try {
        this.roundResults.set(a.path, this.analyzeFile(a.path, configFor(a.path)));
      } finally {
        this.inRound = false;
      }
      const facts = this.lastIncoming;
      this.lastIncoming = undefined;
      if (!facts) continue;
      const writes = summarizeFile(a.path, facts, this.pool, false).writes;
      for (const w of learnedWrites(a.path, writes, globals, (start, end) => this.linesOf(a.path)?.rangeOf({ start, end }))) learned.push(w);
    }
    this.roundLearned = learned;
  }

  // Split batch runs (CLI threads): one project's files spread over several Projects, each holding a part, which
  // exchange what crosses files. The same passes as analyzeAll, in the same order, so the findings are the same:
  // declaredProjectVariables → (every part's) useProjectVariables → analyzeLocal → sharedGlobalWrites →
  // (every part's) useSharedGlobals → analyzeIncoming.

  /** The project variables each file of this part declares (the manifest's included), in the order files were added. */
  declaredProjectVariables(): DeclaredProjectVariables[] {
    const out: DeclaredProjectVariables[] = [];
    for (const e of this.entries.values()) {
      const variables = this.declaredVariables(e);
      if (variables.length) out.push({ path: e.path, variables: variables.map((v) => (v.secret ? { name: v.name, hidden: v.hidden, secret: true } : { name: v.name, hidden: v.hidden })) });
    }
    return out;
  }

  /** Every part's declarations, one list per file in the whole project's order; later ones win, as in one Project. */
  useProjectVariables(lists: readonly DeclaredProjectVariables['variables'][]): void {
    const pvs = new Map<string, DeclaredVariable>();
    for (const list of lists) for (const d of list) pvs.set(d.name.toLowerCase(), d);
    this.whole.pvs = pvs;
    this.namesCache = undefined;
  }

  /**
   * analyzeAll's first pass over this part's files (after useProjectVariables). With `take`, only the files it takes:
   * the others are dropped from this part (a thread that finished its own files early analysed them).
   */
  analyzeLocal(configFor: (path: string) => ResolvedConfig, onProgress?: (path: string) => void, take?: (path: string) => boolean): FileAnalysis[] {
    return this.firstPass(configFor, onProgress, take);
  }

  /** analyzeLocal for one file added to this part after its first pass (taken over from another part). */
  analyzeLocalFile(path: string, configFor: (path: string) => ResolvedConfig): FileAnalysis | undefined {
    return this.entries.has(path) ? this.firstPassFile(path, configFor) : undefined;
  }

  /** The globals this part's files taint, each with its origin's range: the other parts do not hold the file. */
  sharedGlobalWrites(): SharedGlobalWrite[] {
    const out: SharedGlobalWrite[] = [];
    for (const [name, writers] of this.globals()) {
      for (const w of writers) {
        const o = w.taint.origin;
        out.push({ name, path: w.path, taint: w.taint, range: o ? this.linesOf(w.path)?.rangeOf({ start: o.start, end: o.end }) : undefined });
      }
    }
    return out;
  }

  /** Every part's sharedGlobalWrites, in any order: from now on the globals of the whole project. */
  useSharedGlobals(writes: readonly SharedGlobalWrite[]): void {
    const globals: Globals = new Map();
    const ranges = new Map<string, Range>();
    // In path order, like globals(): the first writer other than the reading file is the one that flows in.
    for (const w of [...writes].sort((a, b) => a.path.localeCompare(b.path))) {
      const list = globals.get(w.name) ?? [];
      list.push({ path: w.path, taint: w.taint });
      globals.set(w.name, list);
      const o = w.taint.origin;
      if (o && w.range) ranges.set(rangeKey(w.path, o.start, o.end), w.range);
    }
    this.whole.globals = globals;
    this.whole.ranges = ranges;
  }

  /** analyzeAll's second pass over this part's first-pass results (after useSharedGlobals). */
  analyzeIncoming(first: readonly FileAnalysis[], configFor: (path: string) => ResolvedConfig): FileAnalysis[] {
    this.roundFirst = first;
    this.roundResults = new Map();
    this.incomingRound(this.roundFiles(this.globals()), configFor);
    return first.map((a) => this.roundResults.get(a.path) ?? a);
  }

  /** The globals this part's last round tainted beyond what the project knew (for every part's analyzeAgain). */
  learnedGlobalWrites(): SharedGlobalWrite[] {
    return this.roundLearned;
  }

  /**
   * Every part's learnedGlobalWrites, in any order: the project's globals take them in (in path order, as globals()
   * and useSharedGlobals keep them), and this part's files that read one of them are analysed again.
   */
  analyzeAgain(writes: readonly SharedGlobalWrite[], configFor: (path: string) => ResolvedConfig): FileAnalysis[] {
    const globals = this.globals();
    const names = mergeWrites(globals, writes, (w) => {
      const o = w.taint.origin;
      if (o && w.range) (this.whole.ranges ??= new Map()).set(rangeKey(w.path, o.start, o.end), w.range);
    });
    this.incomingRound(this.roundFiles(globals, names), configFor);
    return this.roundFirst.map((a) => this.roundResults.get(a.path) ?? a);
  }

  /** The first-pass files a batch round analyses again: those reading another script's taint (and one of `names`). */
  private roundFiles(globals: Globals, names?: ReadonlySet<string>): Set<string> {
    const again = new Set<string>();
    for (const a of this.roundFirst) {
      const e = this.entries.get(a.path);
      if (!e || a.skipped) continue;
      const s = this.summary(e);
      if ((!names || someName(this.pool, s.reads, (n) => names.has(n))) && this.readsForeignTaint(a.path, s, globals)) again.add(a.path);
    }
    return again;
  }

  /** Computes this file's summary now, if not cached (see ProjectApi.prepare). */
  prepare(path: string): void {
    const e = this.entries.get(path);
    if (e) this.summary(e);
  }

  dependentsOf(path: string): string[] {
    const e = this.entries.get(path);
    if (!e) return [];
    if (path.endsWith(MANIFEST_PATH_SUFFIX) || this.declaredVariables(e).length > 0) {
      return this.files().filter((p) => p !== path);
    }
    const mine = this.summary(e);
    const out = new Set<string>();
    // Through several hops: a file that reads what this one writes, and takes part in the rounds (it reads a global
    // some script taints), passes it on to the files that read what it writes; as many levels as rounds. Hosts ask
    // before and after a change, so a hop tainted on either side of it is followed.
    let carriers = [mine];
    for (let level = 0; level < PROJECT_ROUNDS && carriers.length > 0; level++) {
      const next: Summary[] = [];
      for (const other of this.entries.values()) {
        if (other.path === path || out.has(other.path)) continue;
        const s = this.summary(other);
        const hit = carriers.some((c) => intersects(this.pool, c.written, s.reads)) || (level === 0 && intersects(this.pool, mine.reads, s.written));
        if (!hit) continue;
        out.add(other.path);
        if (!this.whole.globals && this.settled.participates(other.path)) next.push(s);
      }
      carriers = next;
    }
    return [...out].sort();
  }

  variableOccurrences(name?: string, inPath?: string): VariableOccurrence[] {
    const want = name?.replace(/^\$/, '').toLowerCase();
    const out: VariableOccurrence[] = [];
    const only = inPath === undefined ? undefined : this.entries.get(inPath);
    if (inPath !== undefined && !only) return out;
    for (const e of only ? [only] : [...this.entries.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      for (const o of this.summary(e).occurrences.list(e.path, want)) out.push(o);
    }
    return out;
  }

  variableNames(): { name: string; kind: 'global' | 'project-variable' | 'system'; hidden?: boolean }[] {
    const out = new Map<string, { name: string; kind: 'global' | 'project-variable' | 'system'; hidden?: boolean }>();
    for (const v of SYSTEM_VARIABLES) if (!v.prefix) out.set(v.name.toLowerCase(), { name: v.name, kind: 'system' });
    for (const e of this.entries.values()) {
      for (const name of this.summary(e).occurrences.nameList()) {
        const key = name.toLowerCase();
        if (!out.has(key)) out.set(key, { name, kind: 'global' });
      }
    }
    for (const [key, v] of this.projectVariables()) out.set(key, { name: v.name, kind: 'project-variable', hidden: v.hidden });
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

export type { DeclaredProjectVariables, DeclaredVariable } from './project-entry';
export type { ProjectOptions } from './project-store';
export { PROJECT_ROUNDS, type SharedGlobalWrite } from './project-rounds';

export function createProject(options?: ProjectOptions): Project {
  return new Project(options);
}
