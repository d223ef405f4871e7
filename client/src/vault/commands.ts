import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  VaultCheckNameRequest,
  VaultExportRequest,
  VaultLocateFindingRequest,
  VaultRenameRequest,
  type VaultLocateFindingResult,
  type VaultCheckNameResult,
  type VaultExportResult,
  type VaultRenameResult,
  type VaultVariable,
} from '../../../protocol/src/index';
import { extractToVault } from './extract';
import { manifestAfter, manifestUri, putManifest, readManifestText, saveManifest } from './manifest';
import type { FolderVault, VaultModel } from './model';
import { ACTIVE_ENVIRONMENT_SETTING, type VaultStore } from './store';
import type { VaultNode } from './tree';

export const VaultCommands = {
  refresh: 'jitterbitGuard.vault.refresh',
  addVariable: 'jitterbitGuard.vault.addVariable',
  setValue: 'jitterbitGuard.vault.setValue',
  revealValue: 'jitterbitGuard.vault.revealValue',
  rename: 'jitterbitGuard.vault.renameVariable',
  delete: 'jitterbitGuard.vault.deleteVariable',
  toggleHidden: 'jitterbitGuard.vault.toggleHidden',
  switchEnvironment: 'jitterbitGuard.vault.switchEnvironment',
  exportForHarmony: 'jitterbitGuard.vault.exportForHarmony',
  importFromExport: 'jitterbitGuard.vault.importFromExport',
  moveToVault: 'jitterbitGuard.vault.moveToVault',
} as const;

/**
 * Arguments the commands take besides a tree node, so scripts and tests can run them without prompts:
 * `{ name, newName }` (rename), `{ name, value, environment }` (set value), `{ name, hidden, description }` (add),
 * `{ environment }` (switch), `{ target }` (export file), `{ source }` (import file), `{ force: true }` (delete).
 */
export interface VaultCommandArgs {
  name?: string;
  newName?: string;
  value?: string;
  environment?: string;
  hidden?: boolean;
  description?: string;
  target?: vscode.Uri;
  source?: vscode.Uri;
  force?: boolean;
}

interface Target {
  f: FolderVault;
  v: VaultVariable;
  environment: string;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : 'unknown error');

export class VaultCommandHandlers {
  constructor(
    private readonly client: LanguageClient,
    private readonly model: VaultModel,
    private readonly store: VaultStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable[] {
    const c = VaultCommands;
    const reg = (id: string, f: (arg?: VaultNode | VaultCommandArgs) => Promise<unknown>) => vscode.commands.registerCommand(id, f);
    return [
      reg(c.refresh, () => this.model.refresh()),
      reg(c.addVariable, (a) => this.add(a as VaultCommandArgs | undefined)),
      reg(c.setValue, (a) => this.setValue(a)),
      reg(c.revealValue, (a) => this.reveal(a)),
      reg(c.rename, (a) => this.rename(a)),
      reg(c.delete, (a) => this.remove(a)),
      reg(c.toggleHidden, (a) => this.toggleHidden(a)),
      reg(c.switchEnvironment, (a) => this.switchEnvironment(a)),
      reg(c.exportForHarmony, (a) => this.exportList(a as VaultCommandArgs | undefined)),
      reg(c.importFromExport, (a) => this.importList(a as VaultCommandArgs | undefined)),
      reg(c.moveToVault, (a) => this.moveToVault(a as VaultNode | { uri: string; line: number } | undefined)),
    ];
  }

  private folder(arg?: VaultNode | VaultCommandArgs): FolderVault | undefined {
    if (arg && 'type' in arg) return arg.f;
    const f = this.model.folderFor(vscode.window.activeTextEditor?.document.uri);
    if (!f) void vscode.window.showWarningMessage('Jitterbit Guard: open a workspace folder to use the Secrets Vault.');
    return f;
  }

  /** The variable a command acts on: the tree node's, the one named in the arguments, or one the user picks. */
  private async target(arg?: VaultNode | VaultCommandArgs): Promise<Target | undefined> {
    if (arg && 'type' in arg && arg.type === 'variable') return { f: arg.f, v: arg.v, environment: arg.environment };
    const f = this.folder(arg);
    if (!f) return undefined;
    const args = arg && !('type' in arg) ? arg : {};
    let v: VaultVariable | undefined;
    if (args.name) {
      const lower = args.name.replace(/^\$/, '').toLowerCase();
      v = f.list.variables.find((x) => x.name.toLowerCase() === lower);
      if (!v) {
        void vscode.window.showErrorMessage(`Jitterbit Guard: there is no project variable $${args.name}.`);
        return undefined;
      }
    } else {
      const pick = await vscode.window.showQuickPick(
        f.list.variables.map((x) => ({ label: x.name, description: `${x.hidden ? 'hidden' : 'visible'} · ${x.usages.length} usages`, v: x })),
        { placeHolder: 'Project variable' },
      );
      v = pick?.v;
    }
    return v ? { f, v, environment: args.environment ?? f.active } : undefined;
  }

  private async applyManifest(f: FolderVault, op: Parameters<typeof manifestAfter>[2], extra?: vscode.WorkspaceEdit): Promise<boolean> {
    const uri = manifestUri(f.folder.uri);
    const current = await readManifestText(uri);
    const next = await manifestAfter(this.client, current, op);
    const edit = extra ?? new vscode.WorkspaceEdit();
    putManifest(edit, uri, current, next.text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code did not apply the edit');
    await saveManifest(uri);
    return true;
  }

  private async run(what: string, f: () => Promise<unknown>): Promise<boolean> {
    try {
      await f();
      await this.model.refresh();
      return true;
    } catch (e) {
      this.log.warn(`${what}: ${reason(e)}`);
      void vscode.window.showErrorMessage(`Jitterbit Guard: ${what}: ${reason(e)}`);
      return false;
    }
  }

  private async checkName(name: string, except?: string): Promise<string | undefined> {
    const r = await this.client.sendRequest<VaultCheckNameResult>(VaultCheckNameRequest, { name, except });
    return r.ok ? undefined : r.problem;
  }

  async add(args?: VaultCommandArgs): Promise<boolean> {
    const f = this.folder(args);
    if (!f) return false;
    const name = args?.name ?? (await vscode.window.showInputBox({
      title: 'Add project variable',
      prompt: 'Name (letters, digits, _ and dots; no spaces, hyphens or parentheses)',
      validateInput: (n) => (n.trim() ? this.checkName(n.trim()) : undefined),
    }));
    if (!name) return false;
    const problem = await this.checkName(name);
    if (problem) {
      void vscode.window.showErrorMessage(`Jitterbit Guard: ${problem}`);
      return false;
    }
    let hidden = args?.hidden;
    if (hidden === undefined) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Hidden', description: 'a secret: values go to the vault, never into files', hidden: true },
          { label: 'Visible', description: 'non-secret values may be kept in the manifest', hidden: false },
        ],
        { placeHolder: `Is $${name} a secret?` },
      );
      if (!pick) return false;
      hidden = pick.hidden;
    }
    const description = args?.description ?? (args ? undefined : await vscode.window.showInputBox({ title: `Description of $${name}`, prompt: 'Optional' }));
    return this.run(`$${name} could not be added`, async () => {
      await this.applyManifest(f, { kind: 'add', variable: { name, hidden: hidden as boolean, description: description || undefined } });
      this.log.info(`Added ${hidden ? 'hidden ' : ''}project variable $${name}.`);
    });
  }

  async setValue(arg?: VaultNode | VaultCommandArgs): Promise<boolean> {
    const t = await this.target(arg);
    if (!t) return false;
    const given = arg && !('type' in arg) ? arg.value : undefined;
    const value = given ?? (await vscode.window.showInputBox({
      title: `Value of $${t.v.name} for ${t.environment}`,
      prompt: t.v.hidden ? 'Stored in the vault (the OS keychain), never in a file' : 'A visible variable: the value is kept in the manifest',
      password: t.v.hidden,
      ignoreFocusOut: true,
    }));
    if (value === undefined) return false;
    return this.run(`the value of $${t.v.name} could not be set`, async () => {
      if (t.v.hidden) await this.store.store(t.f.folder.uri, t.environment, t.v.name, value);
      else await this.applyManifest(t.f, { kind: 'setValue', name: t.v.name, environment: t.environment, value });
      this.log.info(`Set the value of $${t.v.name} for ${t.environment}${t.v.hidden ? ` in the vault (${this.store.current.label})` : ' in the manifest'}.`);
    });
  }

  async reveal(arg?: VaultNode | VaultCommandArgs): Promise<boolean> {
    const t = await this.target(arg);
    if (!t) return false;
    let value: string | undefined;
    try {
      value = t.v.hidden ? await this.store.get(t.f.folder.uri, t.environment, t.v.name) : t.v.values[t.environment] ?? (await this.store.get(t.f.folder.uri, t.environment, t.v.name));
    } catch (e) {
      void vscode.window.showErrorMessage(`Jitterbit Guard: the vault could not be read (${reason(e)}).`);
      return false;
    }
    if (value === undefined) {
      void vscode.window.showInformationMessage(`$${t.v.name} has no value for ${t.environment}.`);
      return false;
    }
    const choice = await vscode.window.showWarningMessage(
      `Reveal the value of $${t.v.name} for ${t.environment}? Anyone who can see your screen will see it.`,
      { modal: true },
      'Show',
      'Copy to Clipboard',
    );
    if (choice === 'Copy to Clipboard') {
      await vscode.env.clipboard.writeText(value);
      void vscode.window.showInformationMessage(`The value of $${t.v.name} (${t.environment}) is on the clipboard.`);
    } else if (choice === 'Show') {
      await vscode.window.showInputBox({ title: `$${t.v.name} (${t.environment})`, value, prompt: 'Press Escape to close', ignoreFocusOut: false });
    }
    return choice !== undefined;
  }

  async rename(arg?: VaultNode | VaultCommandArgs): Promise<boolean> {
    const t = await this.target(arg);
    if (!t) return false;
    const given = arg && !('type' in arg) ? arg.newName : undefined;
    const newName = given ?? (await vscode.window.showInputBox({
      title: `Rename $${t.v.name}`,
      value: t.v.name,
      prompt: 'Every reference is renamed: Jitterbit Script, JavaScript, exports and the manifest',
      validateInput: (n) => (n.trim() && n.trim() !== t.v.name ? this.checkName(n.trim(), t.v.name) : undefined),
    }));
    if (!newName || newName === t.v.name) return false;
    const oldName = t.v.name;
    const envs = t.f.list.environments;
    return this.run(`$${oldName} could not be renamed`, async () => {
      const mUri = manifestUri(t.f.folder.uri);
      const manifestText = await readManifestText(mUri);
      const r = await this.client.sendRequest<VaultRenameResult>(VaultRenameRequest, { oldName, newName, manifestUri: mUri.toString(), manifestText });
      if (r.error || !r.edit) throw new Error(r.error ?? 'no edit');
      // Values move first (copied under the new name); the old ones go only once the files are renamed.
      const moved: string[] = [];
      for (const env of envs) {
        const value = await this.store.get(t.f.folder.uri, env, oldName);
        if (value === undefined) continue;
        await this.store.store(t.f.folder.uri, env, newName, value);
        moved.push(env);
      }
      const edit = await this.client.protocol2CodeConverter.asWorkspaceEdit(r.edit);
      if (!(await vscode.workspace.applyEdit(edit))) {
        if (oldName.toLowerCase() !== newName.toLowerCase()) for (const env of moved) await this.store.delete(t.f.folder.uri, env, newName).catch(() => undefined);
        throw new Error('VS Code did not apply the edit; nothing was changed');
      }
      await saveManifest(mUri);
      if (oldName.toLowerCase() !== newName.toLowerCase()) for (const env of moved) await this.store.delete(t.f.folder.uri, env, oldName);
      this.log.info(`Renamed $${oldName} to $${newName} in ${Object.keys(r.edit.changes ?? {}).length} file(s).`);
    });
  }

  /** Vault values copied to a new name by an editor rename, waiting for the manifest to show whether it was applied. */
  private readonly pendingRenames: { folder: vscode.Uri; oldName: string; newName: string; environments: string[]; seen: number }[] = [];

  /**
   * Rename from the editor (F2) of a variable the manifest lists: the same workspace edit as the view's rename
   * (every form, exports, the manifest). Values are copied to the new name now; the old ones are removed once the
   * manifest shows the rename was applied (or the copies, if it never was). Undefined: not a manifest variable,
   * the language server's rename applies.
   */
  async renameFromEditor(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    const f = this.model.folderFor(document.uri);
    const range = document.getWordRangeAtPosition(position, /[A-Za-z_][A-Za-z0-9_.]*/);
    if (!f || !range) return undefined;
    const word = document.getText(range).toLowerCase();
    const v = f.list.variables.find((x) => x.name.toLowerCase() === word && x.inManifest);
    if (!v) return undefined;
    const target = newName.replace(/^\$/, '');
    const mUri = manifestUri(f.folder.uri);
    const r = await this.client.sendRequest<VaultRenameResult>(VaultRenameRequest, { oldName: v.name, newName: target, manifestUri: mUri.toString(), manifestText: await readManifestText(mUri) });
    if (r.error || !r.edit) throw new Error(r.error ?? `$${v.name} cannot be renamed`);
    if (v.name.toLowerCase() !== target.toLowerCase()) {
      const environments: string[] = [];
      for (const env of f.list.environments) {
        const value = await this.store.get(f.folder.uri, env, v.name);
        if (value === undefined) continue;
        await this.store.store(f.folder.uri, env, target, value);
        environments.push(env);
      }
      if (environments.length) this.pendingRenames.push({ folder: f.folder.uri, oldName: v.name, newName: target, environments, seen: 0 });
    }
    this.log.info(`Rename of $${v.name} to $${target} prepared (every reference, exports and the manifest).`);
    return this.client.protocol2CodeConverter.asWorkspaceEdit(r.edit);
  }

  /** After each refresh: finish (or undo) the value moves of editor renames. */
  async settleRenames(): Promise<void> {
    for (const p of [...this.pendingRenames]) {
      const f = this.model.folderFor(p.folder);
      if (!f) continue;
      const has = (n: string) => f.list.variables.some((x) => x.inManifest && x.name.toLowerCase() === n.toLowerCase());
      p.seen++;
      let drop: string | undefined;
      if (has(p.newName) && !has(p.oldName)) drop = p.oldName; // applied
      else if (p.seen > 3 && has(p.oldName) && !has(p.newName)) drop = p.newName; // never applied (cancelled)
      if (!drop) continue;
      this.pendingRenames.splice(this.pendingRenames.indexOf(p), 1);
      for (const env of p.environments) await this.store.delete(p.folder, env, drop).catch(() => undefined);
    }
  }

  async remove(arg?: VaultNode | VaultCommandArgs): Promise<boolean> {
    const t = await this.target(arg);
    if (!t) return false;
    if (!t.v.inManifest) {
      void vscode.window.showErrorMessage(`Jitterbit Guard: $${t.v.name} is declared in ${t.v.sources.map((s) => vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))).join(', ')}, not in the manifest; delete it there.`);
      return false;
    }
    const force = arg && !('type' in arg) ? arg.force === true : false;
    const used = t.v.usages.length;
    const question = used
      ? `$${t.v.name} is still used in ${used} place${used === 1 ? '' : 's'}. Delete it from the manifest and its values from the vault anyway?`
      : `Delete $${t.v.name} from the manifest and its values from the vault?`;
    if (!force && (await vscode.window.showWarningMessage(question, { modal: true }, 'Delete')) !== 'Delete') return false;
    return this.run(`$${t.v.name} could not be deleted`, async () => {
      await this.applyManifest(t.f, { kind: 'remove', name: t.v.name });
      // Declared elsewhere too (an export, Design Studio): the variable lives on, and so do its values.
      const elsewhere = t.v.sources.some((x) => x.kind !== 'manifest');
      if (!elsewhere) for (const env of t.f.list.environments) await this.store.delete(t.f.folder.uri, env, t.v.name);
      this.log.info(`Deleted project variable $${t.v.name} from the manifest${elsewhere ? '; it is still declared elsewhere, so its vault values were kept' : ' and its values from the vault'}.`);
    });
  }

  async toggleHidden(arg?: VaultNode | VaultCommandArgs): Promise<boolean> {
    const t = await this.target(arg);
    if (!t) return false;
    if (!t.v.inManifest) {
      void vscode.window.showErrorMessage(`Jitterbit Guard: $${t.v.name} is not in the manifest; add it first or change it where it is declared.`);
      return false;
    }
    const hidden = !t.v.hidden;
    return this.run(`$${t.v.name} could not be ${hidden ? 'hidden' : 'made visible'}`, async () => {
      // Becoming hidden: the manifest's clear-text values move into the vault before the manifest drops them.
      if (hidden) for (const [env, value] of Object.entries(t.v.values)) await this.store.store(t.f.folder.uri, env, t.v.name, value);
      await this.applyManifest(t.f, { kind: 'setHidden', name: t.v.name, hidden });
      this.log.info(`$${t.v.name} is now ${hidden ? 'hidden' : 'visible'}.`);
    });
  }

  async switchEnvironment(arg?: VaultNode | VaultCommandArgs): Promise<boolean> {
    const f = this.folder(arg);
    if (!f) return false;
    let env = arg && 'type' in arg && arg.type === 'environment' ? arg.environment : arg && !('type' in arg) ? arg.environment : undefined;
    if (!env) {
      const ADD = '$(add) Add environment…';
      const pick = await vscode.window.showQuickPick([...f.list.environments.map((e) => ({ label: e, description: e === f.active ? 'active' : '' })), { label: ADD, description: '' }], {
        placeHolder: 'Active environment (values are read and written for it)',
      });
      if (!pick) return false;
      env = pick.label;
      if (env === ADD) {
        const name = await vscode.window.showInputBox({ title: 'New environment', prompt: 'e.g. dev, test, prod' });
        if (!name) return false;
        const ok = await this.run(`environment ${name} could not be added`, () => this.applyManifest(f, { kind: 'addEnvironment', name }));
        if (!ok) return false;
        env = name;
      }
    }
    const target = env;
    return this.run(`could not switch to ${target}`, async () => {
      await vscode.workspace.getConfiguration('jitterbitGuard', f.folder.uri).update(ACTIVE_ENVIRONMENT_SETTING, target, vscode.ConfigurationTarget.WorkspaceFolder);
    });
  }

  async exportList(args?: VaultCommandArgs): Promise<string | undefined> {
    const f = this.folder(args);
    if (!f) return undefined;
    const config = vscode.workspace.getConfiguration('jitterbitGuard', f.folder.uri);
    const mUri = manifestUri(f.folder.uri);
    const r = await this.client.sendRequest<VaultExportResult>(VaultExportRequest, {
      manifestText: await readManifestText(mUri),
      manifestPath: mUri.fsPath,
      environments: config.get<string[]>('environments') ?? ['default'],
    });
    const target = args?.target ?? (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(f.folder.uri, 'project-variables.harmony.json'),
      filters: { JSON: ['json'] },
      title: 'Export the project-variable list for Harmony (no secret values)',
    }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.text));
    this.log.info(`Exported the project-variable list to ${vscode.workspace.asRelativePath(target)}.`);
    return target.toString();
  }

  async importList(args?: VaultCommandArgs): Promise<boolean> {
    const f = this.folder(args);
    if (!f) return false;
    const source = args?.source ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Exports and variable lists': ['json', 'xml'] }, title: 'Import project variables from an export, a variable list or a Design Studio entity' }))?.[0];
    if (!source) return false;
    return this.run('the import failed', async () => {
      const mUri = manifestUri(f.folder.uri);
      const current = await readManifestText(mUri);
      // The server reads the file: its text (an export may hold secrets) never travels in a traced request.
      const r = await manifestAfter(this.client, current, { kind: 'import', uri: source.toString() });
      const edit = new vscode.WorkspaceEdit();
      putManifest(edit, mUri, current, r.text);
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code did not apply the edit');
      await saveManifest(mUri);
      const msg = `Imported ${r.added?.length ?? 0} new and ${r.updated?.length ?? 0} updated project variable(s)${r.skipped?.length ? `; skipped ${r.skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}` : ''}.`;
      this.log.info(msg);
      void vscode.window.showInformationMessage(`Jitterbit Guard: ${msg}`);
    });
  }

  /**
   * "Move to vault" on a hard-coded secret (a tree node, or `{ uri, line }` of the finding). The finding is looked
   * up again by location, because its record key changes whenever its file is analysed again (e.g. once opened).
   */
  async moveToVault(arg?: VaultNode | { uri: string; line: number }): Promise<boolean> {
    const where = arg && 'type' in arg ? (arg.type === 'finding' ? { uri: arg.finding.uri, line: arg.finding.range.start.line, ruleId: arg.finding.ruleId } : undefined) : arg;
    if (!where) {
      void vscode.window.showInformationMessage('Choose a finding under "Hard-coded secrets" that can be moved to the vault.');
      return false;
    }
    const found = await this.client.sendRequest<VaultLocateFindingResult>(VaultLocateFindingRequest, where);
    if (!found.args) {
      this.log.warn(`Move to vault: no extractable secret at ${vscode.workspace.asRelativePath(vscode.Uri.parse(where.uri))}:${where.line + 1} any more.`);
      void vscode.window.showWarningMessage('Jitterbit Guard: that secret is no longer found, or it cannot be extracted automatically.');
      await this.model.refresh();
      return false;
    }
    const relocate = async () => (await this.client.sendRequest<VaultLocateFindingResult>(VaultLocateFindingRequest, where)).args;
    const ok = await extractToVault(this.client, this.store, this.log, found.args, relocate);
    await this.model.refresh();
    return ok;
  }
}
