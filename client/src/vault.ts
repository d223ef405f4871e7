import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * Minimal project-variable value store over VS Code SecretStorage (the OS keychain), keyed by workspace,
 * environment and variable name. The Secrets Vault issue replaces it with a provider interface; until then
 * this is the only place values go. Values are never logged.
 */
export class SecretVault {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  static key(workspace: string, environment: string, name: string): string {
    return `jitterbitGuard:${workspace}:${environment}:${name}`;
  }

  static workspaceId(uri: vscode.Uri): string {
    return (vscode.workspace.getWorkspaceFolder(uri)?.uri ?? uri).toString();
  }

  static activeEnvironment(uri: vscode.Uri): string {
    const envs = vscode.workspace.getConfiguration('jitterbitGuard', uri).get<string[]>('environments') ?? [];
    return envs.find((e) => typeof e === 'string' && e.length > 0) ?? 'default';
  }

  async store(uri: vscode.Uri, name: string, value: string): Promise<void> {
    await this.secrets.store(SecretVault.key(SecretVault.workspaceId(uri), SecretVault.activeEnvironment(uri), name), value);
  }

  /** SHA-256 of a stored value (for tests and status), so callers can check it without reading it. */
  async digest(uri: vscode.Uri, name: string, environment?: string): Promise<string | undefined> {
    const v = await this.secrets.get(SecretVault.key(SecretVault.workspaceId(uri), environment ?? SecretVault.activeEnvironment(uri), name));
    return v === undefined ? undefined : createHash('sha256').update(v, 'utf8').digest('hex');
  }
}
