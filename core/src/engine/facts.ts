import type { SyntaxDiagnostic } from '../syntax/ast';
import { parseJavaScript } from '../syntax/javascript';
import { parseScript } from '../syntax/parser';
import type { ScriptRegion, SourceFile } from '../syntax/source-file';
import type { Range } from '../syntax/text';
import type { Ir, IrScript } from '../semantics/ir';
import { lowerJavaScript, type EsNode } from '../semantics/lower-javascript';
import { lowerJitterbit, lowerJitterbitComments, lowerJitterbitStatement } from '../semantics/lower-jitterbit';
import { analyseFlow, type FlowHost, type ScriptFacts } from '../semantics/flow';

/** A parsed and lowered script region; independent of the rest of the project, so it is cached per file text. */
export interface ParsedRegion {
  region: ScriptRegion;
  ir: IrScript;
  /** Syntax diagnostics in region offsets. */
  diagnostics: SyntaxDiagnostic[];
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
  takenNames(): Set<string>;
  /** Range of host offsets in another file of the project (for related locations). */
  locate(path: string, start: number, end: number): Range | undefined;
}

export function parseRegions(file: SourceFile): ParsedRegion[] {
  return file.regions.map((region) => {
    if (region.language === 'javascript') {
      const r = parseJavaScript(region.text);
      return { region, ir: lowerJavaScript(r.program as unknown as EsNode, r.comments), diagnostics: r.diagnostics };
    }
    // Statements are lowered as they are parsed, so each statement's syntax tree is garbage at once.
    const body: Ir[] = [];
    const r = parseScript(region.text, { onStatement: (e) => body.push(lowerJitterbitStatement(e)) });
    const ir: IrScript = r.program.plainText
      ? lowerJitterbit(r.program, region.text)
      : { language: 'jitterbit', body, comments: lowerJitterbitComments(r.program.comments) };
    return { region, ir, diagnostics: r.diagnostics };
  });
}

export interface FactsOptions {
  takenNames?: () => Set<string>;
  locate?: (path: string, start: number, end: number) => Range | undefined;
}

export function buildFacts(file: SourceFile, parsed: ParsedRegion[], host: FlowHost, opts: FactsOptions = {}): FileFacts {
  const takenNames = opts.takenNames ?? (() => new Set<string>());
  const locate = opts.locate ?? ((path: string, start: number, end: number) => (path === file.path ? file.lines.rangeOf({ start, end }) : undefined));
  return {
    file,
    regions: parsed.map((p) => ({ ...p, flow: analyseFlow(p.ir, host) })),
    toHost: (region, offset) => region.map.toHost(offset),
    takenNames,
    locate,
  };
}
