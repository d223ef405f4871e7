import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { VaultChangedNotification } from '../../../protocol/src/index';
import { VaultCommandHandlers, VaultCommands } from './commands';
import { VaultModel } from './model';
import type { VaultProvider } from './provider';
import type { VaultStore } from './store';
import { VAULT_VIEW_ID, VaultTree, type VaultNode } from './tree';

/** A rendered tree node (label, description, context value, children) — what the view shows. */
export interface VaultTreeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  children: VaultTreeSnapshot[];
}

/**
 * The Secrets Vault part of the extension API returned by `activate()`. **For tests only** (documented in
 * docs/vault.md): it reads secret values back and swaps the vault provider. Do not use it from other extensions.
 */
export interface VaultTestApi {
  /** The stored value of `name` for `environment` (default: the active one) in the first workspace folder. */
  getVaultValue(name: string, environment?: string): Promise<string | undefined>;
  /** Replaces the vault provider (e.g. one that fails); undefined restores SecretStorage. */
  useVaultProvider(provider: VaultProvider | undefined): void;
  /** Refreshes the view's data and resolves when it is current. */
  refreshVault(): Promise<void>;
  /** Resolves after the next refresh that completes (e.g. one a server notification triggers). */
  nextVaultRefresh(): Promise<void>;
  /** The whole tree as the view renders it. */
  vaultTree(): Promise<VaultTreeSnapshot[]>;
  /** The active environment of the first workspace folder. */
  activeEnvironment(): string;
  /** The extension's log folder (`context.logUri`); its parent holds every output channel's log file. */
  logDirectory(): string;
  /** Writes a line to the "Jitterbit Guard" output channel (tests use it to know the log file is flushed). */
  logMarker(text: string): void;
  /** Shows the view with the variable's node expanded and selected (false when there is no such variable). */
  revealVariable(name: string): Promise<boolean>;
}

/** Lets the editor's rename (F2) of a manifest variable go through the vault (see VaultCommandHandlers.renameFromEditor). */
export type VaultRenameHook = (document: vscode.TextDocument, position: vscode.Position, newName: string) => Promise<vscode.WorkspaceEdit | undefined>;

export function registerVault(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  store: VaultStore,
  log: vscode.LogOutputChannel,
  ready: Promise<void>,
): { api: VaultTestApi; rename: VaultRenameHook } {
  const model = new VaultModel(client, store, log);
  const tree = new VaultTree(model);
  const view = vscode.window.createTreeView<VaultNode>(VAULT_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const handlers = new VaultCommandHandlers(client, model, store, log);
  const envItem = vscode.window.createStatusBarItem('jitterbitGuard.environment', vscode.StatusBarAlignment.Right, 99);
  envItem.name = 'Jitterbit Guard environment';
  envItem.command = VaultCommands.switchEnvironment;

  const render = (): void => {
    const f = model.folderFor(vscode.window.activeTextEditor?.document.uri);
    if (!f) {
      envItem.hide();
      return;
    }
    envItem.text = `$(server-environment) ${f.active}`;
    envItem.tooltip = `Jitterbit Guard: active environment of ${f.folder.name} (project-variable values are read and written for it). Click to switch.`;
    envItem.show();
    const findings = model.all.reduce((n, x) => n + x.list.findings.length, 0);
    view.badge = findings ? { value: findings, tooltip: `${findings} hard-coded secret${findings === 1 ? '' : 's'}` } : undefined;
  };

  let started = false;
  const refresh = (): void => {
    if (started) void model.refresh();
  };
  context.subscriptions.push(
    model,
    tree,
    view,
    envItem,
    store,
    ...handlers.register(),
    model.onDidChange(render),
    model.onDidChange(() => void handlers.settleRenames()),
    vscode.window.onDidChangeActiveTextEditor(render),
    store.onDidChange(refresh),
    client.onNotification(VaultChangedNotification, refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('jitterbitGuard.activeEnvironment') || e.affectsConfiguration('jitterbitGuard.environments') || e.affectsConfiguration('jitterbitGuard.projectVariablesFile')) refresh();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(refresh),
  );
  void ready.then(() => {
    started = true;
    return model.refresh();
  }, () => undefined);

  const nextRefresh = (): Promise<void> =>
    new Promise((resolve) => {
      const sub = model.onDidChange(() => {
        sub.dispose();
        resolve();
      });
    });

  const snapshot = async (node?: VaultNode): Promise<VaultTreeSnapshot[]> => {
    const out: VaultTreeSnapshot[] = [];
    for (const child of tree.getChildren(node)) {
      const item = tree.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      out.push({ label, description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue, children: await snapshot(child) });
    }
    return out;
  };

  const api: VaultTestApi = {
    getVaultValue: (name, environment) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return Promise.resolve(undefined);
      return store.get(folder.uri, environment ?? store.active(folder.uri), name);
    },
    useVaultProvider: (p) => store.use(p),
    refreshVault: () => model.refresh(),
    nextVaultRefresh: nextRefresh,
    vaultTree: () => snapshot(),
    activeEnvironment: () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      return folder ? store.active(folder.uri) : 'default';
    },
    logDirectory: () => context.logUri.fsPath,
    logMarker: (text) => log.info(text),
    revealVariable: async (name) => {
      const node = tree.variableNode(name);
      if (!node) return false;
      await view.reveal(node, { expand: true, select: true, focus: true });
      return true;
    },
  };
  return { api, rename: (document, position, newName) => handlers.renameFromEditor(document, position, newName) };
}
