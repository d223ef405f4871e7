import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ResolveExtractRequest, type ExtractCommandArgs, type ResolveExtractResult } from '../../../protocol/src/index';
import { manifestAfter, manifestUri, putManifest, readManifestText, saveManifest } from './manifest';
import type { VaultStore } from './store';

function reason(e: unknown): string {
  return e instanceof Error ? e.message : 'unknown error';
}

/**
 * Extract a literal into a hidden project variable, in an order that never leaves a half-done change:
 * 1. resolve the recorded fix (name, value, edit) and work out the new manifest (nothing written yet);
 * 2. store the value in the vault for the active environment — a failure stops here, nothing changed;
 * 3. apply ONE workspace edit: the manifest (created if absent) and the literal replaced by the reference;
 *    if VS Code refuses it, the value just stored is removed again.
 * The value never reaches a log line, the output channel or a workspace file.
 */
export async function extractToVault(
  client: LanguageClient,
  store: VaultStore,
  log: vscode.LogOutputChannel,
  args: ExtractCommandArgs | undefined,
  /** Looks the finding up again when its record went stale (the file was analysed again meanwhile). */
  relocate?: () => Promise<ExtractCommandArgs | undefined>,
): Promise<boolean> {
  if (!args) {
    void vscode.window.showInformationMessage('Use the quick fix on a Jitterbit Guard finding (or "Move to vault" in the Secrets Vault view) to extract a value.');
    return false;
  }
  let res = await client.sendRequest<ResolveExtractResult>(ResolveExtractRequest, args);
  if (!res.found && relocate) {
    const again = await relocate();
    if (again) {
      args = again;
      res = await client.sendRequest<ResolveExtractResult>(ResolveExtractRequest, args);
    }
  }
  if (!res.found || !res.name || res.secretValue === undefined || !res.edit) {
    log.warn(`Extract: the finding is no longer recorded in ${vscode.workspace.asRelativePath(vscode.Uri.parse(args.uri))} (the file changed since it was reported).`);
    void vscode.window.showWarningMessage('The file changed since this problem was reported; try the quick fix again.');
    return false;
  }
  const name = res.name;
  const uri = vscode.Uri.parse(args.uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? uri;
  const environment = store.active(uri);
  const mUri = manifestUri(folder);

  let current: string | null;
  let next: string;
  try {
    current = await readManifestText(mUri);
    next = (await manifestAfter(client, current, { kind: 'add', variable: { name, hidden: res.hidden !== false, description: res.description } })).text;
  } catch (e) {
    log.error(`Could not add $${name} to the project-variables manifest: ${reason(e)}`);
    void vscode.window.showErrorMessage(`Jitterbit Guard: $${name} could not be added to the project-variables manifest (${reason(e)}), so nothing was changed.`);
    return false;
  }

  try {
    await store.store(uri, environment, name, res.secretValue);
  } catch (e) {
    log.error(`Could not store the value of $${name} in the vault (${store.current.label}): ${reason(e)}`);
    void vscode.window.showErrorMessage(`Jitterbit Guard: the value of $${name} could not be stored in the vault (${reason(e)}), so nothing was changed.`);
    return false;
  }

  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(res.edit);
  putManifest(edit, mUri, current, next);
  let applied = false;
  try {
    applied = await vscode.workspace.applyEdit(edit);
  } catch (e) {
    log.error(`The edit for $${name} failed: ${reason(e)}`);
  }
  if (!applied) {
    await store.delete(uri, environment, name).catch(() => undefined);
    log.warn(`The edit for $${name} was not applied; its value was removed from the vault again.`);
    void vscode.window.showErrorMessage(`Jitterbit Guard: the edit for $${name} could not be applied (was the file changed meanwhile?), so nothing was changed.`);
    return false;
  }
  await saveManifest(mUri).catch((e: unknown) => log.warn(`The manifest was updated but not saved: ${reason(e)}`));
  log.info(`Moved a value into ${res.hidden !== false ? 'hidden ' : ''}project variable $${name} for environment ${environment} (vault: ${store.current.label}).`);
  return true;
}
