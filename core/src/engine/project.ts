import { isCredentialName, isSensitiveDataName } from '../detectors';
import { SYSTEM_VARIABLES } from '../semantics/catalogue';
import type { FlowHost } from '../semantics/flow';
import type { Taint } from '../semantics/taint';
import { loadSourceFile } from '../syntax/load-source-file';
import type { SourceFile } from '../syntax/source-file';
import { isPathAllowed } from './config';
import { buildFacts, parseRegions, type FileFacts, type ParsedRegion } from './facts';
import { INTERNAL_RULE, SYNTAX_RULE, lintFile } from './linter';
import { DIRECTIVE_RULES } from './directives';
import type { FileAnalysis, ProjectApi, ResolvedConfig, VariableOccurrence } from './project-api';
import { RULES } from '../rules';
import { makeLiteralClassifier, makeTokenScanner } from '../rules/shared/classify';
import type { RuleMeta } from './types';
import { readManifest, MANIFEST_PATH_SUFFIX } from './manifest';

interface Entry {
  path: string;
  text: string;
  version?: number;
  source?: SourceFile;
  parsed?: ParsedRegion[];
  /** Facts computed without other files' globals; feeds the project-wide global summary. */
  local?: FileFacts;
}

interface GlobalWrite {
  path: string;
  taint: Taint;
}

/** The project: every file the host knows, parsed lazily, with cross-file knowledge of globals and project variables. */
export class Project implements ProjectApi {
  private readonly entries = new Map<string, Entry>();
  private globalsCache: Map<string, GlobalWrite[]> | undefined;
  private hiddenCache: Set<string> | undefined;
  private pvCache: Map<string, { hidden: boolean }> | undefined;
  private namesCache: Set<string> | undefined;
  /** Shared across files: the same literal values recur across a project. */
  private readonly scanner = makeTokenScanner();

  setFile(path: string, text: string, version?: number): void {
    const prev = this.entries.get(path);
    if (prev && prev.text === text) {
      prev.version = version;
      return;
    }
    this.entries.set(path, { path, text, version });
    this.invalidate();
  }

  removeFile(path: string): void {
    if (this.entries.delete(path)) this.invalidate();
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
    this.hiddenCache = undefined;
    this.pvCache = undefined;
    this.namesCache = undefined;
  }

  private takenNames(): Set<string> {
    if (!this.namesCache) this.namesCache = new Set(this.variableNames().map((v) => v.name.toLowerCase()));
    return this.namesCache;
  }

  private source(e: Entry): SourceFile {
    if (!e.source) e.source = loadSourceFile(e.path, e.text);
    return e.source;
  }

  private parsed(e: Entry): ParsedRegion[] {
    if (!e.parsed) e.parsed = parseRegions(this.source(e));
    return e.parsed;
  }

  /** Project variables from exports, Design Studio entities and the manifest, by lower-case name. */
  projectVariables(): Map<string, { hidden: boolean }> {
    if (this.pvCache) return this.pvCache;
    const pvs = new Map<string, { hidden: boolean }>();
    for (const e of this.entries.values()) {
      if (e.path.endsWith(MANIFEST_PATH_SUFFIX)) {
        for (const v of readManifest(e.text).variables) pvs.set(v.name.toLowerCase(), { hidden: v.hidden });
        continue;
      }
      for (const d of this.source(e).data) {
        if (d.kind === 'project-variable') pvs.set(d.name.toLowerCase(), { hidden: d.hidden });
      }
    }
    this.pvCache = pvs;
    return pvs;
  }

  private hidden(): Set<string> {
    if (!this.hiddenCache) {
      this.hiddenCache = new Set([...this.projectVariables()].filter(([, v]) => v.hidden).map(([k]) => k));
    }
    return this.hiddenCache;
  }

  private host(self: string | undefined): FlowHost {
    const hidden = this.hidden();
    const globals = self === undefined ? undefined : this.globals();
    const classify = makeLiteralClassifier(this.scanner);
    return {
      isSecretLiteral: classify,
      isCredentialName,
      isSensitiveDataName,
      isHiddenProjectVariable: (name) => hidden.has(name.toLowerCase()),
      incomingGlobal: (name) => {
        const writes = globals?.get(name.toLowerCase());
        const w = writes?.find((x) => x.path !== self);
        return w?.taint;
      },
    };
  }

  private localFacts(e: Entry): FileFacts {
    if (!e.local) e.local = buildFacts(this.source(e), this.parsed(e), this.host(undefined), { scanTokens: this.scanner });
    return e.local;
  }

  /** Globals written with sensitive data, per name, from every file (computed without cross-file input). */
  private globals(): Map<string, GlobalWrite[]> {
    if (this.globalsCache) return this.globalsCache;
    const map = new Map<string, GlobalWrite[]>();
    for (const e of [...this.entries.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      const facts = this.localFacts(e);
      for (const r of facts.regions) {
        for (const [name, t] of r.flow.globalWrites) {
          const origin = t.origin
            ? { path: e.path, regionId: r.region.id, start: facts.toHost(r.region, t.origin.start), end: facts.toHost(r.region, t.origin.end) }
            : { path: e.path, regionId: r.region.id, start: 0, end: 0 };
          const label = `the global \`$${name}\` (set from ${t.label} in ${baseName(e.path)})`;
          const list = map.get(name) ?? [];
          list.push({ path: e.path, taint: { ...t, label, origin } });
          map.set(name, list);
        }
      }
    }
    this.globalsCache = map;
    return map;
  }

  analyzeFile(path: string, config: ResolvedConfig): FileAnalysis {
    const e = this.entries.get(path) ?? { path, text: '' };
    const source = this.source(e);
    if (isPathAllowed(config, path)) {
      return { path, kind: source.kind, source, findings: [], skipped: true, skippedReason: 'excluded by allowlist.paths in the configuration' };
    }
    if (source.kind === 'unsupported' && source.diagnostics.length === 0) {
      return { path, kind: source.kind, source, findings: [], skipped: true, skippedReason: 'not a supported Jitterbit file' };
    }
    const facts = buildFacts(source, this.parsed(e), this.host(path), {
      takenNames: () => this.takenNames(),
      scanTokens: this.scanner,
      locate: (p, start, end) => {
        const other = this.entries.get(p);
        return other ? this.source(other).lines.rangeOf({ start, end }) : undefined;
      },
    });
    return { path, kind: source.kind, source, findings: lintFile(facts, config, RULES), skipped: false };
  }

  dependentsOf(path: string): string[] {
    const e = this.entries.get(path);
    if (!e) return [];
    const src = this.source(e);
    if (src.data.some((d) => d.kind === 'project-variable') || path.endsWith(MANIFEST_PATH_SUFFIX)) {
      return this.files().filter((p) => p !== path);
    }
    const written = new Set<string>();
    const read = new Set<string>();
    for (const r of this.localFacts(e).regions) {
      for (const v of r.flow.vars) if (v.v.scope === 'global') (v.access === 'write' ? written : read).add(v.v.name.toLowerCase());
    }
    const out: string[] = [];
    for (const other of this.entries.values()) {
      if (other.path === path) continue;
      const touches = this.localFacts(other).regions.some((r) =>
        r.flow.vars.some((v) => v.v.scope === 'global' && (v.access === 'read' ? written : read).has(v.v.name.toLowerCase())),
      );
      if (touches) out.push(other.path);
    }
    return out.sort();
  }

  variableOccurrences(name?: string): VariableOccurrence[] {
    const want = name?.replace(/^\$/, '').toLowerCase();
    const out: VariableOccurrence[] = [];
    for (const e of [...this.entries.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      const facts = this.localFacts(e);
      for (const r of facts.regions) {
        for (const { v, access } of r.flow.vars) {
          if (v.scope !== 'global' || (want !== undefined && v.name.toLowerCase() !== want)) continue;
          out.push({
            name: v.name, path: e.path, access,
            start: facts.toHost(r.region, v.nameStart), end: facts.toHost(r.region, v.nameEnd),
            form: v.form === 'dollar' || v.form === 'bare' ? 'dollar' : v.form,
          });
        }
      }
      for (const d of facts.file.data) {
        if (d.kind !== 'project-variable' || (want !== undefined && d.name.toLowerCase() !== want)) continue;
        out.push({ name: d.name, path: e.path, access: 'declaration', start: d.valueStart, end: d.valueStart, form: 'data' });
      }
    }
    return out;
  }

  variableNames(): { name: string; kind: 'global' | 'project-variable' | 'system'; hidden?: boolean }[] {
    const out = new Map<string, { name: string; kind: 'global' | 'project-variable' | 'system'; hidden?: boolean }>();
    for (const v of SYSTEM_VARIABLES) if (!v.prefix) out.set(v.name.toLowerCase(), { name: v.name, kind: 'system' });
    for (const e of this.entries.values()) {
      for (const r of this.localFacts(e).regions) {
        for (const { v } of r.flow.vars) {
          if (v.scope === 'global' && !out.has(v.name.toLowerCase())) out.set(v.name.toLowerCase(), { name: v.name, kind: 'global' });
        }
      }
      for (const d of this.source(e).data) {
        if (d.kind === 'project-variable') out.set(d.name.toLowerCase(), { name: d.name, kind: 'project-variable', hidden: d.hidden });
      }
      if (e.path.endsWith(MANIFEST_PATH_SUFFIX)) {
        for (const v of readManifest(e.text).variables) out.set(v.name.toLowerCase(), { name: v.name, kind: 'project-variable', hidden: v.hidden });
      }
    }
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

export function createProject(): ProjectApi & Project {
  return new Project();
}

