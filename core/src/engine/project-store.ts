import { SYSTEM_VARIABLES } from '../semantics/catalogue';
import type { Taint } from '../semantics/taint';
import { loadSourceFile } from '../syntax/load-source-file';
import type { SourceFile } from '../syntax/source-file';
import { LineMap, type Range } from '../syntax/text';
import { buildFacts, parseRegions, type FileFacts, type ParsedRegion } from './facts';
import { emptySummary, summarizeFile, type Summary } from './file-summary';
import { flowHost } from './flow-host';
import { credentialNameCheck, sensitiveNameCheck } from './name-checks';
import type { TextLoader } from './project-api';
import { declareVariables, type DeclaredVariable, type Entry } from './project-entry';
import { learnedWrites, type Globals, type SharedGlobalWrite } from './project-rounds';
import { Lookups, SettledGlobals } from './settled-globals';
import { NamePool, someName, TakenNames } from './summary';

/**
 * The files of a Project and what is derived from each: stored files and their text loading, parses, flow facts,
 * declared project variables, summaries, and the cross-file globals built from the summaries (batch and the editor's
 * settled ones). Project (project.ts) adds the analyses on top; the two share this state, hence a base class.
 */

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

/** The project's files and cross-file knowledge; the analyses are Project's. */
export abstract class ProjectStore {
  protected readonly entries = new Map<string, Entry>();
  protected readonly retain: boolean;
  private readonly reparseEdits: boolean;
  private readonly buildFixes: boolean;
  private readonly keepOccurrences: boolean;
  private readonly loadText: TextLoader | undefined;
  protected readonly pool = new NamePool();
  private globalsCache: Globals | undefined;
  private pvCache: Map<string, DeclaredVariable> | undefined;
  /** projectVariablesKey() of the map it was made from. */
  private pvKeyCache: { pvs: Map<string, DeclaredVariable>; key: string } | undefined;
  protected namesCache: TakenNames | undefined;
  /**
   * The local facts of the file summarised last, when it has a text of its own (an open document): an editor
   * summarises a changed file (to find its dependents) right before analysing it, and must not pay twice.
   */
  protected lastLocal: { entry: Entry; facts: FileFacts } | undefined;
  /**
   * Work done so far: files parsed, flow passes run, regions re-parsed only around an edit (benchmarks and tests
   * check that nothing runs twice).
   */
  readonly work = { parses: 0, flows: 0, reparsed: 0 };
  /** Split runs: what the whole project knows, when this Project holds only part of its files. */
  protected readonly whole: { pvs?: Map<string, DeclaredVariable>; globals?: Globals; ranges?: Map<string, Range> } = {};
  /** Name checks run for every variable read; names repeat across a project, so answers are memoised. */
  private readonly credentialNames = credentialNameCheck();
  private readonly sensitiveNames = sensitiveNameCheck();
  /** An editor's globals after every hop (analyzeFile outside batch runs). */
  protected readonly settled = new SettledGlobals(this.pool, () => ({
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

  private invalidate(): void {
    this.globalsCache = undefined;
    this.pvCache = undefined;
    this.namesCache = undefined;
  }

  protected source(e: Entry): SourceFile {
    if (!e.source) {
      const text = this.textOf(e);
      e.source = loadSourceFile(e.path, text);
      if (!e.pvs) declareVariables(e, text, this.pool, e.source);
    }
    return e.source;
  }

  protected declaredVariables(e: Entry): DeclaredVariable[] {
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

  protected parsed(e: Entry): ParsedRegion[] {
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

  protected facts(e: Entry, parsed: ParsedRegion[], self: string | undefined, globals?: Globals, lookups?: Lookups): FileFacts {
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
  protected linesOf(path: string): LineMap | undefined {
    const e = this.entries.get(path);
    if (!e) return undefined;
    if (e.source || this.retain) return this.source(e).lines;
    try {
      return new LineMap(this.textOf(e));
    } catch {
      return undefined; // unreadable now: the finding goes without that location
    }
  }

  protected summarize(e: Entry, facts: FileFacts): Summary {
    const s = summarizeFile(e.path, facts, this.pool, this.keepOccurrences);
    this.namesCache?.add(s.reads);
    this.namesCache?.add(s.written);
    return s;
  }

  /** True when the file reads a global that another file writes with sensitive data. */
  protected readsForeignTaint(path: string, s: Summary, globals: Globals): boolean {
    // A write of the file itself is foreign to its other scripts (which one reads it, the summary does not say).
    return someName(this.pool, s.reads, (n) => globals.get(n)?.some((w) => w.path !== path || s.regions > 1) === true);
  }

  /** Summary of a file computed without other files' globals (so summaries never depend on each other). */
  protected summary(e: Entry): Summary {
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
  protected globals(): Globals {
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
}

/** Key of an origin's range in `whole.ranges` (split runs: ranges in files this part does not hold). */
export function rangeKey(path: string, start: number, end: number): string {
  return `${path}\u0000${start}\u0000${end}`;
}
