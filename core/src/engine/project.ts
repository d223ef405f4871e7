import { SYSTEM_VARIABLES } from '../semantics/catalogue';
import type { Taint } from '../semantics/taint';
import { loadSourceFile } from '../syntax/load-source-file';
import type { SourceFile } from '../syntax/source-file';
import { LineMap, type Range } from '../syntax/text';
import { DIRECTIVE_RULES } from './directives';
import { buildFacts, parseRegions, type FileFacts, type ParsedRegion } from './facts';
import { internalFailure, skipReason, unreadable } from './file-outcomes';
import { emptySummary, summarizeFile, type Summary } from './file-summary';
import { flowHost } from './flow-host';
import { INTERNAL_RULE, SYNTAX_RULE, lintFile } from './linter';
import { MANIFEST_PATH_SUFFIX } from './manifest';
import { credentialNameCheck, sensitiveNameCheck } from './name-checks';
import type { FileAnalysis, ProjectApi, ResolvedConfig, TextLoader, VariableOccurrence } from './project-api';
import { declareVariables, type DeclaredProjectVariables, type DeclaredVariable, type Entry } from './project-entry';
import { learnedWrites, mergeWrites, PROJECT_ROUNDS, type Globals, type SharedGlobalWrite } from './project-rounds';
import { Lookups, SettledGlobals } from './settled-globals';
import { intersects, NamePool, someName, TakenNames } from './summary';
import type { RuleMeta } from './types';
import { RULES } from '../rules';

export interface ProjectOptions {
  /**
   * Keep parse trees between analyses (editors re-analyse the same files often). Batch runs turn it off so memory
   * stays proportional to one file plus compact per-file summaries.
   */
  retainTrees?: boolean;
  /**
   * Keep every global's occurrences in the summaries (editor navigation: references, rename, completion). Defaults
   * to `retainTrees`; the LSP server keeps occurrences without keeping trees.
   */
  keepOccurrences?: boolean;
  /** Reads the text of a file added with `setStoredFile` whenever the project needs it again. */
  loadText?: TextLoader;
  /**
   * Keep the parse of files set with `setFile` (an editor's open documents) even without `retainTrees`, and
   * re-parse an edited text only around the edit. Defaults to `retainTrees`.
   */
  reparseEdits?: boolean;
  /** Build quick fixes with the findings (default true). Batch reports carry none; naming a project variable for each
   * secret's fix costs a look over the whole project's names. */
  fixes?: boolean;
}

/** The project: every file the host knows, parsed lazily, with cross-file knowledge of globals and project variables. */
export class Project implements ProjectApi {
  private readonly entries = new Map<string, Entry>();
  private readonly retain: boolean;
  private readonly reparseEdits: boolean;
  private readonly buildFixes: boolean;
  private readonly keepOccurrences: boolean;
  private readonly loadText: TextLoader | undefined;
  private readonly pool = new NamePool();
  private globalsCache: Globals | undefined;
  private pvCache: Map<string, DeclaredVariable> | undefined;
  /** projectVariablesKey() of the map it was made from. */
  private pvKeyCache: { pvs: Map<string, DeclaredVariable>; key: string } | undefined;
  private namesCache: TakenNames | undefined;
  /**
   * The local facts of the file summarised last, when it has a text of its own (an open document): an editor
   * summarises a changed file (to find its dependents) right before analysing it, and must not pay twice.
   */
  private lastLocal: { entry: Entry; facts: FileFacts } | undefined;
  /** The facts of the last analysis made with other scripts' globals (an incoming round reads its writes). */
  private lastIncoming: FileFacts | undefined;
  /** The rounds of analyzeAll's second pass: first-pass results, the latest per file, what the last round learned. */
  private roundFirst: readonly FileAnalysis[] = [];
  private roundResults = new Map<string, FileAnalysis>();
  private roundLearned: SharedGlobalWrite[] = [];
  private inRound = false;
  /**
   * Work done so far: files parsed, flow passes run, regions re-parsed only around an edit (benchmarks and tests
   * check that nothing runs twice).
   */
  readonly work = { parses: 0, flows: 0, reparsed: 0 };
  /** Split runs: what the whole project knows, when this Project holds only part of its files. */
  private readonly whole: { pvs?: Map<string, DeclaredVariable>; globals?: Globals; ranges?: Map<string, Range> } = {};
  /** Name checks run for every variable read; names repeat across a project, so answers are memoised. */
  private readonly credentialNames = credentialNameCheck();
  private readonly sensitiveNames = sensitiveNameCheck();
  /** An editor's globals after every hop (analyzeFile outside batch runs). */
  private readonly settled = new SettledGlobals(this.pool, () => ({
    paths: this.files(),
    local: () => this.globals(),
    summaryOf: (path) => {
      const e = this.entries.get(path);
      return e ? this.summary(e) : undefined;
    },
    pvKey: () => this.projectVariablesKey(),
    readsTaint: (path, g) => this.readsForeignTaint(path, this.summary(this.entries.get(path) as Entry), g),
    readsAny: (path, names) => someName(this.pool, this.summary(this.entries.get(path) as Entry).reads, (n) => names.has(n)),
    learn: (path, g) => this.learn(this.entries.get(path) as Entry, g),
  }));

  constructor(options: ProjectOptions = {}) {
    this.retain = options.retainTrees ?? true;
    this.keepOccurrences = options.keepOccurrences ?? this.retain;
    this.loadText = options.loadText;
    this.reparseEdits = options.reparseEdits ?? this.retain;
    this.buildFixes = options.fixes ?? true;
  }

  setFile(path: string, text: string, version?: number): void {
    const prev = this.entries.get(path);
    if (prev && prev.text === text) {
      prev.version = version;
      return;
    }
    const prior = this.reparseEdits ? (prev?.parsed ?? prev?.prior) : undefined;
    this.settled.changed(path, prev?.summary);
    this.entries.set(path, { path, text, version, prior });
    this.invalidate();
  }

  setStoredFile(path: string, stamp: string, version?: number, text?: string): void {
    if (!this.loadText) throw new Error('setStoredFile needs a project created with loadText');
    const prev = this.entries.get(path);
    if (prev && prev.text === undefined && prev.stamp === stamp) {
      prev.version = version;
      return;
    }
    const e: Entry = { path, stamp, version };
    // The text in hand gives the declared project variables now, so no file is read just for them later.
    if (text !== undefined) declareVariables(e, text, this.pool);
    this.settled.changed(path, prev?.summary);
    this.entries.set(path, e);
    this.invalidate();
  }

  /**
   * The text of a file: its own, or (stored file) the loader's. A stored file whose stamp moved has changed on disk
   * since the project learnt of it: what was derived from the old text is dropped and computed again.
   */
  private textOf(e: Entry): string {
    if (e.text !== undefined) return e.text;
    const { text, stamp } = (this.loadText as TextLoader)(e.path);
    if (stamp !== e.stamp) {
      e.stamp = stamp;
      if (e.summary || e.pvs) {
        this.settled.changed(e.path, e.summary);
        e.summary = undefined;
        e.incoming = undefined;
        e.pvs = undefined;
        e.source = undefined;
        this.invalidate();
      }
    }
    return text;
  }

  removeFile(path: string): void {
    const e = this.entries.get(path);
    if (!e) return;
    this.settled.changed(path, e.summary);
    this.entries.delete(path);
    this.invalidate();
  }

  hasFile(path: string): boolean {
    return this.entries.has(path);
  }

  files(): string[] {
    return [...this.entries.keys()].sort();
  }

  rules(): RuleMeta[] {
    return [...RULES.map((r) => r.meta), ...DIRECTIVE_RULES, SYNTAX_RULE, INTERNAL_RULE];
  }

  private invalidate(): void {
    this.globalsCache = undefined;
    this.pvCache = undefined;
    this.namesCache = undefined;
  }

  private source(e: Entry): SourceFile {
    if (!e.source) {
      const text = this.textOf(e);
      e.source = loadSourceFile(e.path, text);
      if (!e.pvs) declareVariables(e, text, this.pool, e.source);
    }
    return e.source;
  }

  private declaredVariables(e: Entry): DeclaredVariable[] {
    if (!e.pvs) {
      // A stored file is read for its declarations and nothing of it is kept; a file with a text keeps its source.
      if (e.text === undefined) {
        try {
          declareVariables(e, this.textOf(e), this.pool);
        } catch {
          e.pvs = []; // unreadable: it declares nothing until the host adds it again (its analysis says why)
        }
      } else {
        this.source(e);
      }
    }
    return e.pvs ?? [];
  }

  private parsed(e: Entry): ParsedRegion[] {
    if (e.parsed) return e.parsed;
    this.work.parses++;
    const p = parseRegions(this.source(e), e.prior, this.work);
    e.prior = undefined;
    if (this.retain || (this.reparseEdits && e.text !== undefined)) e.parsed = p;
    return p;
  }

  /** Project variables from exports, Design Studio entities and the manifest, by lower-case name. */
  projectVariables(): Map<string, DeclaredVariable> {
    if (this.whole.pvs) return this.whole.pvs;
    if (this.pvCache) return this.pvCache;
    const pvs = new Map<string, DeclaredVariable>();
    for (const e of this.entries.values()) {
      for (const d of this.declaredVariables(e)) pvs.set(d.name.toLowerCase(), d);
    }
    this.pvCache = pvs;
    return pvs;
  }

  private facts(e: Entry, parsed: ParsedRegion[], self: string | undefined, globals?: Globals, lookups?: Lookups): FileFacts {
    this.work.flows++;
    // An open document's local pass leaves a memo for the next keystroke's pass (see flow-memo.ts); it depends on
    // the project's variables, which key it.
    const memoKey = self === undefined && this.reparseEdits && e.text !== undefined ? this.projectVariablesKey() : undefined;
    const file = this.source(e);
    const pvs = this.projectVariables();
    const host = flowHost(pvs, this.credentialNames, this.sensitiveNames, self, self === undefined ? undefined : globals ?? this.globals(), lookups);
    return buildFacts(file, parsed, host, {
      takenNames: () => this.takenNames(),
      locate: (p, start, end) => this.linesOf(p)?.rangeOf({ start, end }) ?? this.whole.ranges?.get(rangeKey(p, start, end)),
      memoKey,
      fixes: this.buildFixes,
      readFacts: this.keepOccurrences,
    });
  }

  /** The project variables as one string (which are hidden decides a flow's taints). */
  private projectVariablesKey(): string {
    const pvs = this.projectVariables();
    if (this.pvKeyCache?.pvs === pvs) return this.pvKeyCache.key;
    let key = '';
    for (const [k, v] of pvs) key += `${k}${v.hidden ? '+' : v.secret ? '!' : '-'}\u0000`;
    this.pvKeyCache = { pvs, key };
    return key;
  }

  /** Line map of a file a finding points into; a file without a kept source is read for it and nothing is kept. */
  private linesOf(path: string): LineMap | undefined {
    const e = this.entries.get(path);
    if (!e) return undefined;
    if (e.source || this.retain) return this.source(e).lines;
    try {
      return new LineMap(this.textOf(e));
    } catch {
      return undefined; // unreadable now: the finding goes without that location
    }
  }

  private summarize(e: Entry, facts: FileFacts): Summary {
    const s = summarizeFile(e.path, facts, this.pool, this.keepOccurrences);
    this.namesCache?.add(s.reads);
    this.namesCache?.add(s.written);
    return s;
  }

  /** True when the file reads a global that another file writes with sensitive data. */
  private readsForeignTaint(path: string, s: Summary, globals: Globals): boolean {
    // A write of the file itself is foreign to its other scripts (which one reads it, the summary does not say).
    return someName(this.pool, s.reads, (n) => globals.get(n)?.some((w) => w.path !== path || s.regions > 1) === true);
  }

  /** Summary of a file computed without other files' globals (so summaries never depend on each other). */
  private summary(e: Entry): Summary {
    if (!e.summary) {
      try {
        const facts = this.facts(e, this.parsed(e), undefined);
        e.summary = this.summarize(e, facts);
        this.lastLocal = e.text !== undefined ? { entry: e, facts } : undefined;
      } catch {
        // A file the analyser cannot handle (or, stored, cannot read) contributes nothing to the project; its own
        // analysis reports why.
        e.summary = emptySummary(this.pool);
      }
      // Without retained trees, a summarised file keeps only its summary (and its text if it has one): editors
      // index thousands of files; the source is rebuilt on demand when the file is analysed again.
      if (!this.retain && this.lastLocal?.entry !== e) e.source = undefined;
    }
    return e.summary;
  }

  /**
   * An editor's round: the file analysed with `globals`, what it taints beyond them. Its last result is kept while
   * the globals it looked up and the project variables stay the same, so settling again after an edit elsewhere
   * re-analyses only the files that edit reaches.
   */
  private learn(e: Entry, globals: Globals): SharedGlobalWrite[] {
    const pvKey = this.projectVariablesKey();
    let memo = e.incoming;
    if (!memo || memo.pvKey !== pvKey || !memo.lookups.holdIn(globals, e.path)) {
      const lookups = new Lookups();
      let writes: ReadonlyMap<string, Taint>;
      try {
        // A document summarised right before (its local facts at hand) is not parsed again.
        const last = this.lastLocal;
        const parsed = last?.entry === e && last.facts.file === e.source ? last.facts.regions : this.parsed(e);
        writes = summarizeFile(e.path, this.facts(e, parsed, e.path, globals, lookups), this.pool, false).writes;
      } catch {
        writes = new Map(); // its own analysis reports why; it passes nothing on
      }
      if (!this.retain && e.text === undefined) e.source = undefined;
      memo = { pvKey, lookups, writes };
      e.incoming = memo;
    }
    return learnedWrites(e.path, memo.writes, globals, () => undefined);
  }

  /** Globals written with sensitive data, per lower-case name, from every file. */
  private globals(): Globals {
    if (this.whole.globals) return this.whole.globals;
    if (this.globalsCache) return this.globalsCache;
    const map: Globals = new Map();
    for (const e of [...this.entries.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      for (const [name, taint] of this.summary(e).writes) {
        const list = map.get(name) ?? [];
        list.push({ path: e.path, taint });
        map.set(name, list);
      }
    }
    this.globalsCache = map;
    return map;
  }

  /**
   * Names a new project variable must avoid. Built from what is already summarised, so suggesting a name never
   * forces the whole project to be analysed first (batch runs fill summaries as they go).
   */
  private takenNames(): TakenNames {
    if (this.namesCache) return this.namesCache;
    const base = new Set<string>();
    for (const v of SYSTEM_VARIABLES) base.add(v.name.toLowerCase());
    for (const k of this.projectVariables().keys()) base.add(k);
    const names = new TakenNames(this.pool, base);
    for (const e of this.entries.values()) {
      if (!e.summary) continue;
      names.add(e.summary.reads);
      names.add(e.summary.written);
    }
    this.namesCache = names;
    return names;
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
export { PROJECT_ROUNDS, type SharedGlobalWrite } from './project-rounds';

function rangeKey(path: string, start: number, end: number): string {
  return `${path}\u0000${start}\u0000${end}`;
}

export function createProject(options?: ProjectOptions): Project {
  return new Project(options);
}
