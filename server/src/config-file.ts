import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from '../../protocol/src/index';
import { LineMap, parseConfigText } from './analysis';

/** `Diagnostic.code` of the problems of a `.jitterbit-guard.json` (they come from no rule). */
export const CONFIG_PROBLEM_CODE = 'config/invalid';

/**
 * Diagnostics of an open `.jitterbit-guard.json`: the core's own validation (the problems the CLI names, misspelt
 * rule ids with the id meant), each at the key it is about, or at the JSON error.
 */
export function configFileDiagnostics(path: string, text: string, knownRuleIds: Set<string>): Diagnostic[] {
  const lines = new LineMap(text);
  return parseConfigText(path, text, knownRuleIds).problems.map((p) => {
    const reason = p.reason ?? p.message;
    const start = lines.positionAt(p.at?.start ?? 0);
    const end = lines.positionAt(p.at?.end ?? 0);
    // Invalid JSON leaves the whole file unapplied; other problems leave out one setting.
    const severity = reason.startsWith('invalid JSON') ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
    const d: Diagnostic = { range: { start, end }, severity, source: DIAGNOSTIC_SOURCE, code: CONFIG_PROBLEM_CODE, message: reason };
    if (p.meant && p.at) d.data = { meant: p.meant };
    return d;
  });
}

/** Quick fixes on a config file's diagnostics: a misspelt rule id becomes the id it most likely meant. */
export function configFileActions(params: CodeActionParams): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const meant = d.source === DIAGNOSTIC_SOURCE && d.code === CONFIG_PROBLEM_CODE ? (d.data as { meant?: unknown } | undefined)?.meant : undefined;
    if (typeof meant !== 'string') continue;
    out.push({
      title: `Change to "${meant}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [params.textDocument.uri]: [{ range: d.range, newText: JSON.stringify(meant) }] } },
    });
  }
  return out;
}
