/**
 * Secrets Vault requests (protocol `jitterbitGuard/vault/*`): the workspace's project variables merged from every
 * source, their usages and the current secret findings; manifest edits, name checks, renames and the Harmony
 * list, all computed by the core's project-variable model. No request or response carries a secret value.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import {
  VaultChangedNotification,
  VaultCheckNameRequest,
  VaultExportRequest,
  VaultListRequest,
  VaultLocateFindingRequest,
  VaultManifestRequest,
  VaultRenameRequest,
  type VaultCheckNameParams,
  type VaultCheckNameResult,
  type VaultExportParams,
  type VaultExportResult,
  type VaultFinding,
  type VaultListParams,
  type VaultListResult,
  type VaultLocateFindingParams,
  type VaultLocateFindingResult,
  type VaultManifestParams,
  type VaultManifestResult,
  type VaultRenameParams,
  type VaultRenameResult,
  type VaultUsage,
  type VaultVariable,
} from '../../../protocol/src/index';
import {
  checkVariableName,
  editManifest,
  fileDeclarations,
  harmonyExportText,
  importIntoManifest,
  mergeProjectVariables,
  renameVariableEdits,
  type ManifestOp,
  type Occurrence,
} from '../analysis';
import { yieldToEventLoop } from '../indexer';
import { pathToUri, uriToPath } from '../paths';
import type { GuardService } from '../service';

/** Delay that folds a burst of index changes (typing, the initial index) into one refresh of the view. */
const CHANGED_DEBOUNCE_MS = 300;
/** Files analysed between two yields to the event loop while listing the workspace's findings. */
const ANALYSES_PER_CHUNK = 16;

const inside = (folder: string, path: string): boolean => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

export class VaultFeature {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: GuardService,
  ) {}

  /** Registers the requests on the connection. */
  register(): void {
    this.connection.onRequest(VaultListRequest, (p: VaultListParams) => this.list(p));
    this.connection.onRequest(VaultManifestRequest, (p: VaultManifestParams) => this.manifest(p));
    this.connection.onRequest(VaultCheckNameRequest, (p: VaultCheckNameParams) => this.checkName(p));
    this.connection.onRequest(VaultRenameRequest, (p: VaultRenameParams) => this.rename(p));
    this.connection.onRequest(VaultExportRequest, (p: VaultExportParams) => this.exportList(p));
    this.connection.onRequest(VaultLocateFindingRequest, (p: VaultLocateFindingParams) => this.locate(p));
  }

  /** The index changed: tell the client (debounced). */
  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connection.sendNotification(VaultChangedNotification, {}).catch(() => undefined);
    }, CHANGED_DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private textOf(path: string): string | undefined {
    return this.service.linesOf(path)?.text;
  }

  private taken(): string[] {
    return this.service.project.variableNames().map((v) => v.name);
  }

  /** A rename checks against every name; a new variable against assigned globals and Jitterbit variables. */
  checkName(p: VaultCheckNameParams): VaultCheckNameResult {
    if (p.except !== undefined) return checkVariableName(p.name, this.taken(), p.except);
    // A name an export or Design Studio already declares is the same variable: the manifest may list it too.
    return checkVariableName(p.name, this.takenForNew());
  }

  manifest(p: VaultManifestParams): VaultManifestResult {
    const text = p.text ?? undefined;
    try {
      if (p.op.kind === 'import') {
        const path = uriToPath(p.op.uri);
        let source: string;
        try {
          source = readFileSync(path, 'utf8');
        } catch (e) {
          return { error: `${path} could not be read (${e instanceof Error ? e.message : 'unknown error'}).` };
        }
        const r = importIntoManifest(text, path, source);
        return { text: r.text, added: r.added, updated: r.updated, skipped: r.skipped };
      }
      const op: ManifestOp = p.op.kind === 'add' ? { kind: 'add', variable: p.op.variable, taken: this.takenForNew() } : p.op;
      return { text: editManifest(text, op) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * Names a new manifest variable must avoid: Jitterbit variables and globals that scripts assign. A name that
   * scripts only read is free (that is how a script reads a project variable); the manifest checks its own list.
   */
  private takenForNew(): string[] {
    const out = this.service.project.variableNames().filter((v) => v.kind === 'system').map((v) => v.name);
    for (const o of this.occurrences(() => true, (o) => o.form !== 'data' && o.access !== 'read')) out.push(o.name);
    return out;
  }

  /**
   * The occurrences that pass `keep`, in the files that pass `inFile`, gathered file by file: the whole project's
   * list at once would be millions of short-lived objects.
   */
  private occurrences(inFile: (path: string) => boolean, keep: (o: Occurrence) => boolean): Occurrence[] {
    const out: Occurrence[] = [];
    // The project's own order for occurrence lists.
    for (const path of this.service.project.files().sort((a, b) => a.localeCompare(b))) {
      if (!inFile(path)) continue;
      for (const o of this.service.project.variableOccurrences(undefined, path)) if (keep(o)) out.push(o);
    }
    return out;
  }

  private model(folder: string, manifestPath: string, manifestText: string | undefined, environments: string[]) {
    const declPaths = [...new Set(this.occurrences((p) => inside(folder, p), (o) => o.form === 'data').map((o) => o.path))];
    const declarations = declPaths.flatMap((p) => {
      const t = this.textOf(p);
      return t === undefined ? [] : fileDeclarations(p, t);
    });
    const model = mergeProjectVariables({
      manifest: manifestText !== undefined ? { path: manifestPath, text: manifestText } : undefined,
      declarations,
      fallbackEnvironments: environments,
    });
    const names = new Set(model.variables.map((v) => v.name.toLowerCase()));
    // Usages of the project's variables only, grouped by file (the loop below reads one file at a time).
    const occurrences = this.occurrences((p) => inside(folder, p), (o) => names.has(o.name.toLowerCase()));
    return { model, occurrences };
  }

  async list(p: VaultListParams): Promise<VaultListResult> {
    const folder = uriToPath(p.folderUri);
    const manifestPath = join(folder, p.manifestPath);
    const manifestText = this.textOf(manifestPath);
    const { model, occurrences } = this.model(folder, manifestPath, manifestText, p.environments);

    const lower = new Map(model.variables.map((v) => [v.name.toLowerCase(), v]));
    const usages = new Map<string, VaultUsage[]>();
    // One file's line map at a time (occurrences come file by file): a map per file would hold every text at once.
    let lines: { path: string; map: ReturnType<GuardService['linesOf']> } | undefined;
    const linesOf = (path: string) => {
      if (lines?.path !== path) lines = { path, map: this.service.linesOf(path) };
      return lines.map;
    };
    /**
     * Data declarations and writes of each variable by (path, line): a secret finding belongs to the nearest one
     * before it on its line (the value of `$pv = "…"`, the value of an export or Design Studio declaration).
     */
    const anchors = new Map<string, { character: number; name: string }[]>();
    for (const o of occurrences) {
      const k = o.name.toLowerCase();
      if (!lower.has(k)) continue;
      const l = linesOf(o.path);
      if (!l) continue;
      const range = { start: l.positionAt(o.start), end: l.positionAt(o.end) };
      if (o.form === 'data' || o.access !== 'read') {
        const key = `${o.path}\u0000${range.start.line}`;
        const list = anchors.get(key) ?? [];
        list.push({ character: range.start.character, name: lower.get(k)?.name as string });
        anchors.set(key, list);
      }
      if (o.form === 'data') continue;
      const list = usages.get(k) ?? [];
      list.push({ uri: this.service.uriOf(o.path), range, access: o.access, form: o.form });
      usages.set(k, list);
    }

    const findings: VaultFinding[] = [];
    const folderSettings = await this.service.settings.get(p.folderUri);
    let sinceYield = 0;
    for (const path of this.service.project.files()) {
      if (!inside(folder, path) || path === manifestPath) continue;
      // Analyses are synchronous: let other requests (diagnostics, completion) run between chunks of files.
      if (++sinceYield % ANALYSES_PER_CHUNK === 0) await yieldToEventLoop();
      const uri = this.service.uriOf(path);
      const settings = this.service.documents.get(uri) ? await this.service.settings.get(uri) : folderSettings;
      if (!settings.enable) continue;
      const entry = this.service.analyze(uri, settings);
      const keys = this.service.records.keysOf(uri);
      entry.analysis.findings.forEach((f, i) => {
        if (f.category !== 'secret') return;
        const out: VaultFinding = { uri, range: f.range, ruleId: f.ruleId, message: f.message, key: keys[i] };
        const fix = f.fixes.findIndex((x) => x.projectVariable !== undefined);
        if (fix >= 0) out.extractFixIndex = fix;
        const before = (anchors.get(`${path}\u0000${f.range.start.line}`) ?? []).filter((a) => a.character <= f.range.start.character);
        const nearest = before.sort((a, b) => b.character - a.character)[0];
        if (nearest) out.variable = nearest.name;
        findings.push(out);
      });
    }
    const hardcoded = new Map<string, number>();
    for (const f of findings) if (f.variable) hardcoded.set(f.variable.toLowerCase(), (hardcoded.get(f.variable.toLowerCase()) ?? 0) + 1);

    const variables: VaultVariable[] = model.variables.map((v) => {
      const out: VaultVariable = {
        name: v.name,
        hidden: v.hidden,
        values: v.values,
        sources: v.declarations.map((d) => ({ kind: d.kind, uri: pathToUri(d.path), readOnly: d.readOnly })),
        inManifest: v.inManifest,
        readOnly: v.readOnly,
        usages: usages.get(v.name.toLowerCase()) ?? [],
        hardcoded: hardcoded.get(v.name.toLowerCase()) ?? 0,
      };
      if (v.description) out.description = v.description;
      return out;
    });
    return {
      manifestUri: pathToUri(manifestPath),
      manifestExists: manifestText !== undefined,
      environments: model.environments,
      variables,
      findings,
      problems: model.problems.map((x) => ({ uri: pathToUri(x.path), message: x.message })),
    };
  }

  /** The extract arguments of the extractable secret finding at `line` of `uri`, from the file's current analysis. */
  async locate(p: VaultLocateFindingParams): Promise<VaultLocateFindingResult> {
    const uri = this.service.uriOf(uriToPath(p.uri));
    if (!this.service.project.hasFile(uriToPath(uri))) return {};
    const entry = this.service.analyze(uri, await this.service.settings.get(uri));
    const keys = this.service.records.keysOf(uri);
    for (let i = 0; i < entry.analysis.findings.length; i++) {
      const f = entry.analysis.findings[i];
      if (f.category !== 'secret' || f.range.start.line !== p.line || (p.ruleId && f.ruleId !== p.ruleId)) continue;
      const fixIndex = f.fixes.findIndex((x) => x.projectVariable !== undefined);
      if (fixIndex >= 0 && keys[i]) return { args: { uri, key: keys[i], fixIndex } };
    }
    return {};
  }

  rename(p: VaultRenameParams): VaultRenameResult {
    const manifestPath = uriToPath(p.manifestUri);
    const occurrences = this.service.project.variableOccurrences(p.oldName);
    const paths = new Set<string>(occurrences.map((o) => o.path));
    // Exports may hold `[name]` references that are data, not script occurrences.
    for (const f of this.service.project.files()) if (/\.json$/i.test(f) && f !== manifestPath) paths.add(f);
    const files: { path: string; text: string }[] = [];
    for (const path of paths) {
      const text = this.textOf(path);
      if (text !== undefined) files.push({ path, text });
    }
    if (p.manifestText !== null) files.push({ path: manifestPath, text: p.manifestText });
    const r = renameVariableEdits({
      oldName: p.oldName,
      newName: p.newName,
      files,
      occurrences,
      taken: this.taken(),
      manifestPath: p.manifestText !== null ? manifestPath : undefined,
    });
    if (r.problems.length) return { error: r.problems.join(' ') };
    const changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> = {};
    for (const [path, edits] of r.edits) {
      const lines = path === manifestPath && p.manifestText !== null ? undefined : this.service.linesOf(path);
      const uri = path === manifestPath ? p.manifestUri : this.service.uriOf(path);
      const text = path === manifestPath ? (p.manifestText as string) : lines?.text;
      if (text === undefined) continue;
      const pos = (offset: number) => positionIn(text, offset);
      changes[uri] = edits.map((e) => ({ range: { start: pos(e.start), end: pos(e.end) }, newText: e.newText }));
    }
    return { edit: { changes } };
  }

  exportList(p: VaultExportParams): VaultExportResult {
    const declarations = this.service.project
      .variableOccurrences()
      .filter((o) => o.form === 'data')
      .map((o) => o.path)
      .filter((x, i, a) => a.indexOf(x) === i)
      .flatMap((path) => {
        const t = this.textOf(path);
        return t === undefined ? [] : fileDeclarations(path, t);
      });
    const model = mergeProjectVariables({
      manifest: p.manifestText !== null ? { path: p.manifestPath, text: p.manifestText } : undefined,
      declarations,
      fallbackEnvironments: p.environments,
    });
    return { text: harmonyExportText(model) };
  }
}

/** LSP position (UTF-16 columns) of an offset. */
function positionIn(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
