import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DIAGNOSTIC_SOURCE,
  ResolveExtractRequest,
  type ExtractCommandArgs,
  type ResolveExtractResult,
} from '../../protocol/src/index';
import type { SecretVault } from './vault';

/**
 * Extract a literal into a project variable: the value goes to the vault FIRST; the edit that replaces the
 * literal is applied only when that succeeded, so a failure changes nothing.
 */
export async function extractToProjectVariable(
  client: LanguageClient,
  vault: SecretVault,
  log: vscode.LogOutputChannel,
  args: ExtractCommandArgs | undefined,
): Promise<boolean> {
  if (!args) {
    void vscode.window.showInformationMessage('Use the quick fix on a Jitterbit Guard finding to extract a value into a project variable.');
    return false;
  }
  const res = await client.sendRequest<ResolveExtractResult>(ResolveExtractRequest, args);
  if (!res.found || !res.name || res.secretValue === undefined || !res.edit) {
    void vscode.window.showWarningMessage('The file changed since this problem was reported; try the quick fix again.');
    return false;
  }
  const uri = vscode.Uri.parse(args.uri);
  try {
    await vault.store(uri, res.name, res.secretValue);
  } catch (e) {
    log.error(`Could not store the value of $${res.name} in the vault: ${e instanceof Error ? e.message : 'unknown error'}`);
    void vscode.window.showErrorMessage(`Jitterbit Guard: the value of $${res.name} could not be stored in the vault, so nothing was changed.`);
    return false;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(res.edit);
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) log.info(`Moved a value into project variable $${res.name} (${res.hidden ? 'hidden' : 'visible'}) for environment ${vaultEnv(uri)}.`);
  else log.warn(`The edit for $${res.name} was not applied.`);
  return applied;
}

function vaultEnv(uri: vscode.Uri): string {
  const envs = vscode.workspace.getConfiguration('jitterbitGuard', uri).get<string[]>('environments') ?? [];
  return envs[0] ?? 'default';
}

/** Opens a rule's documentation; from the palette, picks among the rules reported in the active editor. */
export async function openRuleDocs(ruleId?: string, url?: string): Promise<void> {
  if (!url) {
    const doc = vscode.window.activeTextEditor?.document;
    const seen = new Map<string, string>();
    for (const d of doc ? vscode.languages.getDiagnostics(doc.uri) : []) {
      if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'object') continue;
      seen.set(String(d.code.value), d.code.target.toString());
    }
    if (seen.size === 0) {
      void vscode.window.showInformationMessage('No Jitterbit Guard findings with documentation in the active editor.');
      return;
    }
    const pick = await vscode.window.showQuickPick([...seen.keys()].map((label) => ({ label })), { placeHolder: 'Rule' });
    if (!pick) return;
    ruleId = pick.label;
    url = seen.get(pick.label);
  }
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
  void ruleId;
}

/** After a suppression comment was inserted, select its `<reason>` placeholder so the user types over it. */
export async function selectSuppressionReason(args?: { uri: string; line: number }): Promise<void> {
  if (!args) return;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri);
  if (!editor) return;
  const text = editor.document.lineAt(args.line).text;
  const at = text.indexOf('<reason>');
  if (at < 0) return;
  editor.selection = new vscode.Selection(args.line, at, args.line, at + '<reason>'.length);
  editor.revealRange(editor.selection);
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}
