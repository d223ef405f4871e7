import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  VaultListRequest,
  type VaultListParams,
  type VaultListResult,
  type VaultVariable,
} from '../../../protocol/src/index';
import { VaultStore } from './store';

export type VariableStatus = 'set' | 'missing' | 'hard-coded';

/** One workspace folder's variables, with each variable's status per environment. */
export interface FolderVault {
  folder: vscode.WorkspaceFolder;
  list: VaultListResult;
  active: string;
  /** `${environment}\u0000${lower-case name}` of the values the vault holds. */
  stored: Set<string>;
}

export function statusOf(f: FolderVault, v: VaultVariable, environment: string): VariableStatus {
  if (v.hardcoded > 0) return 'hard-coded';
  if (f.stored.has(`${environment}\u0000${v.name.toLowerCase()}`)) return 'set';
  if (!v.hidden && v.values[environment] !== undefined) return 'set';
  return 'missing';
}

/**
 * The Secrets Vault's data: asks the server for each folder's variables and findings, asks the vault which values
 * it holds (presence only), and fires `onDidChange` once per refresh. Refreshes are serialised and coalesced.
 */
export class VaultModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private folders: FolderVault[] = [];
  private running: Promise<void> | undefined;
  private again = false;
  private generation = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly store: VaultStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get all(): readonly FolderVault[] {
    return this.folders;
  }

  /** Number of completed refreshes (tests wait for a refresh after a change). */
  get refreshes(): number {
    return this.generation;
  }

  folderFor(resource: vscode.Uri | undefined): FolderVault | undefined {
    if (!resource) return this.folders[0];
    const wf = vscode.workspace.getWorkspaceFolder(resource);
    return this.folders.find((f) => f.folder.uri.toString() === wf?.uri.toString()) ?? this.folders[0];
  }

  /** Refreshes now; a call while one runs schedules exactly one more. Resolves when the data is current. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          this.folders = await this.load();
        } catch (e) {
          this.log.warn(`The Secrets Vault could not be refreshed: ${e instanceof Error ? e.message : String(e)}`);
        }
      } while (this.again);
      this.running = undefined;
      this.generation++;
      this.changed.fire();
    })();
    return this.running;
  }

  private async load(): Promise<FolderVault[]> {
    const out: FolderVault[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const config = vscode.workspace.getConfiguration('jitterbitGuard', folder.uri);
      const params: VaultListParams = {
        folderUri: folder.uri.toString(),
        manifestPath: config.get<string>('projectVariablesFile') || '.jitterbit/project-variables.json',
        environments: config.get<string[]>('environments') ?? ['default'],
      };
      const list = await this.client.sendRequest<VaultListResult>(VaultListRequest, params);
      this.store.setKnownEnvironments(folder.uri.toString(), list.environments);
      const stored = new Set<string>();
      const keys = list.environments.flatMap((env) => list.variables.map((v) => ({ env, name: v.name })));
      const present = await Promise.all(keys.map((k) => this.store.get(folder.uri, k.env, k.name).then((x) => x !== undefined, () => false)));
      keys.forEach((k, i) => {
        if (present[i]) stored.add(`${k.env}\u0000${k.name.toLowerCase()}`);
      });
      out.push({ folder, list, active: this.store.active(folder.uri), stored });
    }
    return out;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
