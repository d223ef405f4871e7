import type { SyntaxDiagnostic } from '../syntax/ast';
import { parseJavaScript } from '../syntax/javascript';
import { parseScriptWith } from '../syntax/parser';
import type { ScriptRegion, SourceFile } from '../syntax/source-file';
import type { Range } from '../syntax/text';
import type { IrScript } from '../semantics/ir';
import { lowerJavaScript, type EsNode } from '../semantics/lower-javascript';
import { lowerJitterbitComments, plainTextIr } from '../semantics/lower-jitterbit';
import { analyseFlow, type FlowHost, type ScriptFacts } from '../semantics/flow';
import type { FlowMemo } from '../semantics/flow-memo';
import { collectStatements, reparseRegion } from './reparse';

/** Where a Jitterbit Script region's top-level statements and separators are (what an incremental re-parse needs). */
export interface StatementLayout {
  /** Start and end of each top-level statement, parallel to `ir.body`. */
  starts: number[];
  ends: number[];
  /** Offsets of the top-level `;` separators. */
  separators: number[];
}

/** A parsed and lowered script region; independent of the rest of the project, so it is cached per file text. */
export interface ParsedRegion {
  region: ScriptRegion;
  ir: IrScript;
  /** Syntax diagnostics in region offsets. */
  diagnostics: SyntaxDiagnostic[];
  /** Jitterbit Script regions with a `<trans>` body. */
  layout?: StatementLayout;
  /** The last local flow pass over this region (or its previous version), for the next one to reuse. */
  flowMemo?: FlowMemo<ScriptFacts>;
}

export interface RegionFacts extends ParsedRegion {
  flow: ScriptFacts;
}

/** Everything the rules look at for one file. */
export interface FileFacts {
  file: SourceFile;
  regions: RegionFacts[];
  /** Region offset → host offset. */
  toHost(region: ScriptRegion, offset: number): number;
  /** Lower-case names taken in the project's global namespace (globals, project and system variables). */
  takenNames(): NameLookup;
  /** Range of host offsets in another file of the project (for related locations). */
  locate(path: string, start: number, end: number): Range | undefined;
  /**
   * Work rules share for this file (e.g. PII matches by kind), under a key each owner defines. A plain field, not a
   * WeakMap keyed by the facts: ephemeron tables cost every young-generation collection time in a batch run.
   */
  shared: Map<symbol, unknown>;
  /** Whether the host applies fixes (editors); batch reports carry none, so rules need not build them. */
  fixes: boolean;
}

/** `facts.shared` under `key`, made once per file. */
export function sharedWork<T>(facts: FileFacts, key: symbol, make: () => T): T {
  if (facts.shared.has(key)) return facts.shared.get(key) as T;
  const v = make();
  facts.shared.set(key, v);
  return v;
}

/**
 * Parses and lowers every script region of a file. `prior` (the file's previous parse, consumed) lets a Jitterbit
 * Script region be re-parsed only around the edit.
 */
export function parseRegions(file: SourceFile, prior?: ParsedRegion[], stats?: { reparsed: number }): ParsedRegion[] {
  return file.regions.map((region) => {
    const old = prior?.find((p) => p.region.id === region.id);
    const again = old && reparseRegion(old, region);
    if (again && stats) stats.reparsed++;
    return again ?? parseRegion(region);
  });
}

function parseRegion(region: ScriptRegion): ParsedRegion {
  if (region.language === 'javascript') {
    const r = parseJavaScript(region.text);
    return { region, ir: lowerJavaScript(r.program as unknown as EsNode, r.comments), diagnostics: r.diagnostics };
  }
  const { body, layout, builder, onStatement, onSeparator } = collectStatements();
  const r = parseScriptWith(region.text, builder, { onStatement, onSeparator });
  if (r.plainText) return { region, ir: plainTextIr(region.text), diagnostics: r.diagnostics };
  return { region, ir: { language: 'jitterbit', body, comments: lowerJitterbitComments(r.comments) }, diagnostics: r.diagnostics, layout };
}

/** Answers whether a name is taken (a Set will do). */
export interface NameLookup {
  has(name: string): boolean;
}

export interface FactsOptions {
  takenNames?: () => NameLookup;
  locate?: (path: string, start: number, end: number) => Range | undefined;
  /**
   * Keep each region's flow memo (on the parsed region) and reuse the previous one, under this key for the host's
   * inputs. Only for a host that does not depend on other files' globals.
   */
  memoKey?: string;
  /** Build the findings' fixes (default true); see FileFacts.fixes. */
  fixes?: boolean;
  /** Keep each read of a global in the flow's facts (default true; see FlowOptions.readFacts). */
  readFacts?: boolean;
}

/** The flow host of one script region (a file's regions may see different globals: see Project.host). */
export type RegionHost = FlowHost | ((regionId: string) => FlowHost);

export function buildFacts(file: SourceFile, parsed: ParsedRegion[], hostOf: RegionHost, opts: FactsOptions = {}): FileFacts {
  const takenNames = opts.takenNames ?? (() => new Set<string>());
  const locate = opts.locate ?? ((path: string, start: number, end: number) => (path === file.path ? file.lines.rangeOf({ start, end }) : undefined));
  return {
    file,
    regions: parsed.map((p) => {
      const host = typeof hostOf === 'function' ? hostOf(p.region.id) : hostOf;
      const memoKey = opts.memoKey;
      const stem = fileStem(file.path);
      const scriptName = p.region.name ?? stem;
      // A Design Studio script (Data/Script/<uuid>.xml) is also called by its key, `RunScript("sc.<uuid>")`.
      const scriptAliases = aliasesOf(file.kind, scriptName, stem);
      if (memoKey === undefined) return { ...p, flow: analyseFlow(p.ir, host, { scriptName, scriptAliases, readFacts: opts.readFacts }) };
      const flow = analyseFlow(p.ir, host, { memoKey, prior: p.flowMemo, textLength: p.region.text.length, scriptName, scriptAliases });
      p.flowMemo = flow.memo;
      return { ...p, flow };
    }),
    toHost: (region, offset) => region.map.toHost(offset),
    takenNames,
    locate,
    shared: new Map(),
    fixes: opts.fixes ?? true,
  };
}

/**
 * Other names a script is called by: a Design Studio script (Data/Script/<uuid>.xml) by its key, `RunScript("sc.<uuid>")`;
 * a script file with an ordering prefix (`03-lms-log-helper.jb`, `10_sf_login.jb`) by the name without it
 * (`<TAG>script:LMS Log Helper</TAG>`), the prefix only ordering the files of a project.
 */
function aliasesOf(kind: SourceFile['kind'], scriptName: string, stem: string): string[] | undefined {
  const out: string[] = [];
  if (kind === 'design-studio-xml' && scriptName !== stem) out.push(stem);
  const ordered = /^\d{1,3}[-_. ]+(?=[A-Za-z])(.+)$/.exec(scriptName);
  if (ordered) out.push(ordered[1]);
  return out.length > 0 ? out : undefined;
}

/** A script file's name without folders and extension: the name `RunScript` calls an extracted script by. */
function fileStem(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
