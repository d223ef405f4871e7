import * as vscode from 'vscode';
import { SecretStorageProvider, type VaultKey, type VaultProvider } from './provider';

/** The setting naming each workspace folder's active environment. */
export const ACTIVE_ENVIRONMENT_SETTING = 'activeEnvironment';

/**
 * The vault as the rest of the client sees it: the current provider (SecretStorage unless a test swaps it), keys
 * built from a resource's workspace folder, and the active environment. Values pass through; nothing is logged.
 */
export class VaultStore implements vscode.Disposable {
  private provider: VaultProvider;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when values change (stored, deleted, provider swapped, or the keychain changed elsewhere). */
  readonly onDidChange = this.changed.event;
  private providerSub: vscode.Disposable | undefined;

  constructor(private readonly fallback: SecretStorageProvider) {
    this.provider = fallback;
    this.watch();
  }

  get current(): VaultProvider {
    return this.provider;
  }

  /** Swaps the provider (tests inject a failing one); undefined restores SecretStorage. */
  use(provider: VaultProvider | undefined): void {
    this.provider = provider ?? this.fallback;
    this.watch();
    this.changed.fire();
  }

  private watch(): void {
    this.providerSub?.dispose();
    this.providerSub = this.provider.onDidChange?.(() => this.changed.fire());
  }

  /** Environments each folder's manifest lists (set by the vault model on every refresh). */
  private readonly known = new Map<string, string[]>();

  setKnownEnvironments(folder: string, environments: string[]): void {
    this.known.set(folder, environments);
  }

  knownEnvironments(resource: vscode.Uri): string[] {
    return this.known.get(VaultStore.folderOf(resource)) ?? [];
  }

  /** The active environment for a resource, among its folder's known environments. */
  active(resource: vscode.Uri): string {
    return VaultStore.activeEnvironment(resource, this.knownEnvironments(resource));
  }

  static folderOf(resource: vscode.Uri): string {
    return (vscode.workspace.getWorkspaceFolder(resource)?.uri ?? resource).toString();
  }

  /** The active environment of the resource's folder: the setting if it names a known one, else the first known. */
  static activeEnvironment(resource: vscode.Uri | undefined, known: readonly string[] = []): string {
    const config = vscode.workspace.getConfiguration('jitterbitGuard', resource);
    const chosen = config.get<string>(ACTIVE_ENVIRONMENT_SETTING, '');
    if (chosen && (known.length === 0 || known.includes(chosen))) return chosen;
    if (known.length) return known[0];
    const envs = config.get<string[]>('environments') ?? [];
    return envs.find((e) => typeof e === 'string' && e.length > 0) ?? 'default';
  }

  key(resource: vscode.Uri, environment: string, name: string): VaultKey {
    return { workspace: VaultStore.folderOf(resource), environment, name };
  }

  get(resource: vscode.Uri, environment: string, name: string): Promise<string | undefined> {
    return this.provider.get(this.key(resource, environment, name));
  }

  async store(resource: vscode.Uri, environment: string, name: string, value: string): Promise<void> {
    await this.provider.store(this.key(resource, environment, name), value);
    this.changed.fire();
  }

  async delete(resource: vscode.Uri, environment: string, name: string): Promise<void> {
    await this.provider.delete(this.key(resource, environment, name));
    this.changed.fire();
  }

  dispose(): void {
    this.providerSub?.dispose();
    this.changed.dispose();
  }
}
