import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, type ExtractCommandArgs } from '../../protocol/src/index';
import type { SecretVault } from './vault';
import { extractToVault } from './vault/extract';

/**
 * Extract a literal into a project variable: the value goes to the vault and the hidden variable into the
 * manifest FIRST; the edit that replaces the literal is applied only when that succeeded, so a failure changes
 * nothing (client/src/vault/extract.ts).
 */
export function extractToProjectVariable(
  client: LanguageClient,
  vault: SecretVault,
  log: vscode.LogOutputChannel,
  args: ExtractCommandArgs | undefined,
): Promise<boolean> {
  return extractToVault(client, vault.vault, log, args);
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
