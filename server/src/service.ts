import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createProject, LineMap, type FileAnalysis, type StoredProject, type TextLoader } from './analysis';
import { ConfigCache } from './config';
import { configFileDiagnostics } from './config-file';
import { FindingRecords, toDiagnostic } from './findings';
import { loadStoredText } from './indexer';
import { pathToUri, uriToPath } from './paths';
import { mergeSettings, type SettingsStore } from './settings';
import type { GuardSettings } from '../../protocol/src/index';

/**
 * What the server keeps of an analysis. An open document's keeps its source (language features, code actions); a
 * file that is not open (analysed for the Secrets Vault's list) keeps only its findings, copied so that no string
 * of them is a slice of the file's text (V8 would keep the whole text alive behind it).
 */
export type KeptAnalysis = Omit<FileAnalysis, 'source'> & { source?: FileAnalysis['source'] };

/** One analysis of one file at one version, with the diagnostics made from it (open documents only). */
export interface AnalysisEntry {
  uri: string;
  version: number;
  /** Settings and config generation the analysis was made under. */
  stamp: string;
  /** Made for an open document (with diagnostics) rather than a file on disk. */
  open: boolean;
  analysis: KeptAnalysis;
  diagnostics: Diagnostic[];
  /** Milliseconds the core took (drives the adaptive debounce). */
  cost: number;
  resultId: string;
}

/** Where the text of a file comes from: an open document, or the disk (with our own version counter). */
export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/**
 * The project (core facade) plus everything the server keeps about it: the analysis cache keyed by
 * (uri, version), the findings recorded for code actions, and which open documents a change affects.
 */
export class GuardService {
  readonly project: StoredProject;
  readonly config: ConfigCache;
  readonly records = new FindingRecords();
  private readonly cache = new Map<string, AnalysisEntry>();
  /** Version of each file fed from disk (open documents use their own versions). */
  private readonly diskVersions = new Map<string, number>();
  private diskSeq = 0;
  /** Files changed since the last settle(), with their dependents before the change. */
  private readonly pending = new Map<string, string[]>();
  /** Bumped when a file that is not open changes (disk, index): caches of project-wide names key on it. */
  namesGeneration = 0;
  /** Called when a file that is not open could not be read again (the message names it; set by the server). */
  onUnreadable: (message: string) => void = () => undefined;
  /** Called with the open documents a settled change may affect (set by the server). */
  onAffected: (uris: string[]) => void = () => undefined;
  private resultSeq = 0;
  relatedInformation = true;

  constructor(
    readonly documents: DocumentSource,
    readonly settings: SettingsStore,
    loadText: TextLoader = loadStoredText,
  ) {
    this.project = createProject((path) => {
      try {
        return loadText(path);
      } catch (e) {
        this.onUnreadable(e instanceof Error ? e.message : `${path} could not be read`);
        throw e;
      }
    });
    this.config = new ConfigCache(new Set(this.project.rules().map((r) => r.id)));
  }

  /** The URI diagnostics for `path` are published under: the open document's own URI if there is one. */
  uriOf(path: string): string {
    const uri = pathToUri(path);
    if (this.documents.get(uri)) return uri;
    for (const d of this.documents.all()) if (uriToPath(d.uri) === path) return d.uri;
    return uri;
  }

  versionOf(uri: string): number {
    return this.documents.get(uri)?.version ?? this.diskVersions.get(uriToPath(uri)) ?? 0;
  }

  /**
   * Feed an open document's new text. The cross-file dependents of the file's previous text are noted now (cheap:
   * its facts are cached); those of the new text are worked out lazily by `settle()`, right before the next
   * analysis, so typing never pays for a parse outside the (debounced) analysis.
   */
  update(uri: string, text: string, version: number): void {
    const path = this.changing(uri, true);
    this.project.setFile(path, text, version);
  }

  /**
   * Feed a file that is not open, as it is on disk: the project keeps its stamp and summary, not its text (it reads
   * the file again when it needs it). `text`, just read with that stamp, spares one read. `track: false` (the
   * initial index) skips dependents entirely: the caller refreshes everything afterwards.
   */
  updateStored(uri: string, stamp: string, text?: string, track = true): void {
    const path = this.changing(uri, track);
    const version = ++this.diskSeq;
    this.diskVersions.set(path, version);
    this.project.setStoredFile(path, stamp, version, text);
    if (!this.documents.get(uri)) this.namesGeneration++;
  }

  private changing(uri: string, track: boolean): string {
    const path = uriToPath(uri);
    if (track && !this.pending.has(path)) this.pending.set(path, this.project.hasFile(path) ? this.project.dependentsOf(path) : []);
    return path;
  }

  /**
   * Resolves the dependents of every file changed since the last call: their cached analyses are dropped, and
   * the open ones are handed to `onAffected` so the server re-publishes (or asks the client to re-pull) them.
   */
  settle(): void {
    if (this.pending.size === 0) return;
    const affected = new Set<string>();
    for (const [path, before] of this.pending) {
      for (const uri of this.invalidate(path, before)) affected.add(uri);
    }
    this.pending.clear();
    if (affected.size) this.onAffected([...affected]);
  }

  remove(uri: string): string[] {
    const path = uriToPath(uri);
    if (!this.project.hasFile(path)) return [];
    this.pending.delete(path);
    this.namesGeneration++;
    const before = this.project.dependentsOf(path);
    this.project.removeFile(path);
    this.diskVersions.delete(path);
    this.cache.delete(uri);
    this.records.clear(uri);
    return this.invalidate(path, before, false);
  }

  private invalidate(path: string, before: string[], includeSelf = true): string[] {
    const after = includeSelf ? this.project.dependentsOf(path) : [];
    const affected = new Set<string>();
    for (const p of [...before, ...after]) {
      if (p === path) continue;
      const uri = this.uriOf(p);
      this.cache.delete(uri);
      if (this.documents.get(uri)) affected.add(uri);
    }
    return [...affected];
  }

  /** Drop every cached analysis (settings or config files changed). */
  invalidateAll(): void {
    this.cache.clear();
  }

  cached(uri: string): AnalysisEntry | undefined {
    return this.cache.get(uri);
  }

  stamp(): string {
    return `${this.settings.generation}:${this.config.generation}`;
  }

  /** The analysis of `uri` at its current version: from the cache, or computed (synchronously, by the core). */
  analyze(uri: string, settings: GuardSettings): AnalysisEntry {
    this.settle();
    const version = this.versionOf(uri);
    const stamp = this.stamp();
    const hit = this.cache.get(uri);
    const open = this.documents.get(uri) !== undefined;
    // Disk and document versions are separate counters: an analysis made while the file was closed (no diagnostics)
    // is no hit for the open document at the same version number.
    if (hit && hit.version === version && hit.stamp === stamp && hit.open === open) return hit;
    const path = uriToPath(uri);
    const config = mergeSettings(this.config.forFile(path), settings);
    const t0 = performance.now();
    const full = this.project.analyzeFile(path, config);
    const cost = performance.now() - t0;
    const analysis: KeptAnalysis = open ? full : structuredClone({ ...full, source: undefined });
    const keys = this.records.record(uri, version, analysis.findings);
    // Diagnostics are published for open documents only; an open config file gets its own problems.
    const diagnostics = open ? analysis.findings.map((f, i) => toDiagnostic(f, keys[i], this.relatedInformation)) : [];
    const doc = this.documents.get(uri);
    if (doc && ConfigCache.isConfigFile(path)) diagnostics.push(...configFileDiagnostics(path, doc.getText(), this.config.knownRuleIds));
    const entry: AnalysisEntry = { uri, version, stamp, open, analysis, diagnostics, cost, resultId: `${++this.resultSeq}` };
    this.cache.set(uri, entry);
    return entry;
  }

  /**
   * Line map of a file's current text: the open document's, the cached analysis's, or the file on disk (what
   * the index holds for a file that is not open). Used for rename / references edits in other files.
   */
  linesOf(path: string): LineMap | undefined {
    const uri = this.uriOf(path);
    const doc = this.documents.get(uri);
    if (doc) return new LineMap(doc.getText());
    const entry = this.cache.get(uri);
    if (entry?.analysis.source && entry.version === this.versionOf(uri)) return entry.analysis.source.lines;
    try {
      return new LineMap(readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.records.clear(uri);
  }

  /** Totals over the cached analyses of open documents (status bar). */
  totals(): { errors: number; warnings: number; infos: number } {
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const d of this.documents.all()) {
      const e = this.cache.get(d.uri);
      if (!e) continue;
      for (const diag of e.diagnostics) {
        if (diag.severity === 1) errors++;
        else if (diag.severity === 2) warnings++;
        else infos++;
      }
    }
    return { errors, warnings, infos };
  }
}
