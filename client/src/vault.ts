import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import type { VaultStore } from './vault/store';

/**
 * The project-variable value store the extract command uses: a thin façade over the Secrets Vault's store
 * (client/src/vault/store.ts: provider interface, SecretStorage by default, keyed by workspace folder,
 * environment and variable). Values are never logged.
 */
export class SecretVault {
  constructor(readonly vault: VaultStore) {}

  /** The active environment of the resource's folder. */
  activeEnvironment(uri: vscode.Uri): string {
    return this.vault.active(uri);
  }

  async store(uri: vscode.Uri, name: string, value: string, environment?: string): Promise<void> {
    await this.vault.store(uri, environment ?? this.activeEnvironment(uri), name, value);
  }

  /** SHA-256 of a stored value (for tests and status), so callers can check it without reading it. */
  async digest(uri: vscode.Uri, name: string, environment?: string): Promise<string | undefined> {
    const v = await this.vault.get(uri, environment ?? this.activeEnvironment(uri), name);
    return v === undefined ? undefined : createHash('sha256').update(v, 'utf8').digest('hex');
  }
}
