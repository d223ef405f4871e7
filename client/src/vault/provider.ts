import * as vscode from 'vscode';

/** Where a value lives: one workspace folder, one environment, one project variable (compared case-insensitively). */
export interface VaultKey {
  /** Workspace folder URI (string). */
  workspace: string;
  environment: string;
  name: string;
}

/**
 * A store for project-variable values. The default is VS Code SecretStorage (the OS keychain); other vaults
 * (HashiCorp, Azure Key Vault, …) can implement this later. Implementations never log values.
 */
export interface VaultProvider {
  readonly id: string;
  readonly label: string;
  get(key: VaultKey): Promise<string | undefined>;
  /** Must reject when the value was not stored, so callers can leave files unchanged. */
  store(key: VaultKey, value: string): Promise<void>;
  delete(key: VaultKey): Promise<void>;
  /** Fires when values change outside this window (another window on the same keychain). */
  readonly onDidChange?: vscode.Event<void>;
}

/** The storage key of a value: `jitterbitGuard:<folder uri>:<environment>:<lower-case name>`. */
export function storageKey(key: VaultKey): string {
  return `jitterbitGuard:${key.workspace}:${key.environment}:${key.name.replace(/^\$/, '').toLowerCase()}`;
}

/** The default provider: VS Code SecretStorage, i.e. the operating system's keychain. */
export class SecretStorageProvider implements VaultProvider {
  readonly id = 'secretStorage';
  readonly label = 'VS Code SecretStorage (OS keychain)';
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.onDidChange = (listener, thisArg, disposables) =>
      secrets.onDidChange((e) => {
        if (e.key.startsWith('jitterbitGuard:')) listener.call(thisArg);
      }, undefined, disposables);
  }

  get(key: VaultKey): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(storageKey(key)));
  }

  store(key: VaultKey, value: string): Promise<void> {
    return Promise.resolve(this.secrets.store(storageKey(key), value));
  }

  delete(key: VaultKey): Promise<void> {
    return Promise.resolve(this.secrets.delete(storageKey(key)));
  }
}
