import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { VaultManifestRequest, type VaultManifestOp, type VaultManifestResult } from '../../../protocol/src/index';

const DEFAULT_MANIFEST = '.jitterbit/project-variables.json';

/** The manifest file of a workspace folder (setting `jitterbitGuard.projectVariablesFile`). */
export function manifestUri(folder: vscode.Uri): vscode.Uri {
  const rel = vscode.workspace.getConfiguration('jitterbitGuard', folder).get<string>('projectVariablesFile') || DEFAULT_MANIFEST;
  return vscode.Uri.joinPath(folder, rel);
}

/** The manifest text as the editor has it (unsaved changes included), or null when the file does not exist. */
export async function readManifestText(uri: vscode.Uri): Promise<string | null> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

/** Asks the server (the core's manifest model) for the manifest after `op`; throws with the reason when refused. */
export async function manifestAfter(client: LanguageClient, text: string | null, op: VaultManifestOp): Promise<VaultManifestResult & { text: string }> {
  const r = await client.sendRequest<VaultManifestResult>(VaultManifestRequest, { text, op });
  if (r.error !== undefined || r.text === undefined) throw new Error(r.error ?? 'the manifest could not be edited');
  return r as VaultManifestResult & { text: string };
}

/** Adds "replace the manifest with `next`" (or "create it") to a workspace edit. */
export function putManifest(edit: vscode.WorkspaceEdit, uri: vscode.Uri, current: string | null, next: string): void {
  if (current === null) {
    edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(next) });
    return;
  }
  const lines = current.split('\n');
  const end = new vscode.Position(lines.length - 1, lines[lines.length - 1].length);
  edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), end), next);
}

/** Saves the manifest if the edit left it open and dirty (it is a committed project file). */
export async function saveManifest(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save();
}
