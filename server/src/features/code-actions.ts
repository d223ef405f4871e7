import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  Commands,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  type ExtractCommandArgs,
  type ResolveExtractParams,
  type ResolveExtractResult,
} from '../../../protocol/src/index';
import { embeddedSuppressionFix, LineMap, loadSourceFile, suppressionComment, type Finding, type Fix } from '../analysis';
import { keyOf, type RecordedFinding } from '../findings';
import { uriToPath } from '../paths';
import type { GuardService } from '../service';

/** Placeholder the user replaces in a suppression comment (the VS Code client selects it after the edit). */
export const REASON_PLACEHOLDER = '<reason>';
export const SELECT_REASON_COMMAND = 'jitterbitGuard.selectSuppressionReason';

export interface CodeActionOptions {
  /** The client implements the jitterbitGuard.* commands (the bundled VS Code client does). */
  clientCommands: boolean;
}

/** Offsets → LSP edits, with the line map of the text the finding was computed on. */
export function toLspEdits(lines: LineMap, edits: readonly { start: number; end: number; newText: string }[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.newText }));
}

/** Applies a fix's offsets edits to a text (used for fix-all planning and by tests). */
export function applyOffsetEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** A suppression comment (the core's spelling), inserted above the finding's line with its indentation. */
export function suppressionFix(finding: Finding, lines: LineMap, language: 'jitterbit' | 'javascript' | 'conf'): Fix {
  const line = finding.range.start.line;
  const lineText = lines.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const at = lines.offsetAt({ line, character: 0 });
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Suppress ${finding.ruleId} on this line (with a reason)`,
    kind: 'suppress',
    safe: false,
    edits: [{ start: at, end: at, newText: `${indent}${suppressionComment(finding.ruleId, language)}${eol}` }],
  };
}

export class CodeActionProvider {
  constructor(
    private readonly service: GuardService,
    private readonly options: CodeActionOptions,
  ) {}

  /** The line map of the analysed text a record belongs to, if that analysis is still the current one. */
  private linesFor(rec: RecordedFinding): LineMap | undefined {
    if (this.service.versionOf(rec.uri) !== rec.version) return undefined;
    const entry = this.service.cached(rec.uri);
    if (!entry || entry.version !== rec.version) {
      // The analysis was dropped because a file it depends on changed, and is being redone; the document is still
      // the text the record's fixes were computed on, so they still apply.
      const doc = this.service.documents.get(rec.uri);
      return doc && doc.version === rec.version ? new LineMap(doc.getText()) : undefined;
    }
    // A file that is not open kept no source: its text is the one on disk at that version.
    return entry.analysis.source?.lines ?? this.service.linesOf(uriToPath(rec.uri));
  }

  private fixesOf(rec: RecordedFinding, lines: LineMap): Fix[] {
    const fixes = [...rec.finding.fixes];
    const kind = this.service.cached(rec.uri)?.analysis.kind ?? kindOfLanguage(this.service.documents.get(rec.uri)?.languageId);
    const language = kind === 'jitterbit-script' ? 'jitterbit' : kind === 'jitterbit-javascript' ? 'javascript' : kind === 'jitterbit-conf' ? 'conf' : undefined;
    const suppressible = rec.finding.category !== 'syntax' && rec.finding.category !== 'internal';
    if (!suppressible || fixes.some((f) => f.kind === 'suppress')) return fixes;
    if (language) fixes.push(suppressionFix(rec.finding, lines, language));
    else {
      // A script inside an export: the comment becomes a line of that script, encoded for the host.
      // The analysis may be dropped and being redone (a file it depends on changed): the record's text is `lines`.
      const kept = this.service.cached(rec.uri)?.analysis.source;
      const source = kept && kept.text === lines.text ? kept : loadSourceFile(uriToPath(rec.uri), lines.text);
      const fix = embeddedSuppressionFix(rec.finding, source);
      if (fix) fixes.push(fix);
    }
    return fixes;
  }

  provide(params: CodeActionParams): CodeAction[] {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const key = keyOf(diagnostic);
        const rec = key ? this.service.records.get(key) : undefined;
        if (!rec || rec.uri !== uri) continue;
        const lines = this.linesFor(rec);
        if (!lines) continue;
        actions.push(...this.actionsFor(rec, key as string, diagnostic, lines));
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const all = this.fixAll(uri);
      if (all) actions.push(all);
    }
    return actions;
  }

  private actionsFor(rec: RecordedFinding, key: string, diagnostic: Diagnostic, lines: LineMap): CodeAction[] {
    const out: CodeAction[] = [];
    const fixes = this.fixesOf(rec, lines);
    fixes.forEach((fix, fixIndex) => {
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
      if (fix.isPreferred || (fix.kind === 'quickfix' && fix.safe && !fixes.some((f) => f.isPreferred))) action.isPreferred = fix.kind !== 'suppress';
      if (fix.projectVariable && this.options.clientCommands) {
        // The client writes the value to the vault first and applies the edit only if that succeeded.
        const args: ExtractCommandArgs = { uri: rec.uri, key, fixIndex };
        action.command = { title: fix.title, command: Commands.extractToProjectVariable, arguments: [args] };
      } else {
        action.edit = { changes: { [rec.uri]: toLspEdits(lines, fix.edits) } };
        if (fix.kind === 'suppress' && this.options.clientCommands && fix.edits[0]) {
          const line = lines.positionAt(fix.edits[0].start).line;
          action.command = { title: 'Type the reason', command: SELECT_REASON_COMMAND, arguments: [{ uri: rec.uri, line }] };
        }
      }
      out.push(action);
    });
    if (rec.finding.docsUrl && this.options.clientCommands) {
      out.push({
        title: `Open documentation for ${rec.finding.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Open rule docs', command: Commands.openRuleDocs, arguments: [rec.finding.ruleId, rec.finding.docsUrl] },
      });
    }
    return out;
  }

  /** `source.fixAll.jitterbitGuard`: every safe fix of the file, non-overlapping, in one edit. */
  fixAll(uri: string): CodeAction | undefined {
    const edits: { start: number; end: number; newText: string }[] = [];
    let lines: LineMap | undefined;
    const chosen: { start: number; end: number }[] = [];
    for (const rec of this.service.records.forUri(uri)) {
      lines = lines ?? this.linesFor(rec);
      if (!lines) return undefined;
      const fix = rec.finding.fixes.find((f) => f.safe && f.kind === 'quickfix' && !f.projectVariable);
      if (!fix) continue;
      const overlaps = fix.edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === e.end && e.start === c.start)));
      if (overlaps) continue;
      for (const e of fix.edits) {
        chosen.push({ start: e.start, end: e.end });
        edits.push(e);
      }
    }
    if (!lines || edits.length === 0) return undefined;
    edits.sort((a, b) => a.start - b.start);
    return { title: 'Fix all safe Jitterbit Guard problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: toLspEdits(lines, edits) } } };
  }

  /** The client's extract command asks what to store and what to change (from the record, never re-analysed). */
  resolveExtract(params: ResolveExtractParams): ResolveExtractResult {
    const rec = this.service.records.get(params.key);
    if (!rec || rec.uri !== params.uri) return { found: false };
    const lines = this.linesFor(rec);
    const fix = rec.finding.fixes[params.fixIndex];
    if (!lines || !fix?.projectVariable) return { found: false };
    const edit: WorkspaceEdit = { changes: { [rec.uri]: toLspEdits(lines, fix.edits) } };
    const pv = fix.projectVariable;
    return { found: true, name: pv.name, hidden: pv.hidden, description: pv.description, secretValue: pv.secretValue, edit: edit as ResolveExtractResult['edit'] };
  }
}

/** The file kind an open document's language id stands for (when its analysis is being redone). */
function kindOfLanguage(languageId: string | undefined): string | undefined {
  return languageId === 'jitterbit' ? 'jitterbit-script' : languageId === 'jitterbit-javascript' ? 'jitterbit-javascript' : undefined;
}
