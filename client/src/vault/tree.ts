import * as vscode from 'vscode';
import type { VaultFinding, VaultUsage, VaultVariable } from '../../../protocol/src/index';
import { statusOf, type FolderVault, type VaultModel, type VariableStatus } from './model';

export type VaultNode =
  | { type: 'folder'; f: FolderVault }
  | { type: 'environment'; f: FolderVault; environment: string }
  | { type: 'variable'; f: FolderVault; environment: string; v: VaultVariable; status: VariableStatus }
  | { type: 'usage'; f: FolderVault; v: VaultVariable; usage: VaultUsage }
  | { type: 'findings'; f: FolderVault }
  | { type: 'finding'; f: FolderVault; finding: VaultFinding };

export const VAULT_VIEW_ID = 'jitterbitGuard.vault';

const STATUS_ICON: Record<VariableStatus, vscode.ThemeIcon> = {
  set: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  missing: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground')),
  'hard-coded': new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground')),
};

const toRange = (r: VaultUsage['range']): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

function relative(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
}

/** Environments → project variables → usages, plus a "Hard-coded secrets" group, per workspace folder. */
export class VaultTree implements vscode.TreeDataProvider<VaultNode> {
  private readonly changed = new vscode.EventEmitter<VaultNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: VaultModel) {
    model.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: VaultNode): VaultNode[] {
    if (!node) {
      const folders = this.model.all.filter((f) => f.list.variables.length > 0 || f.list.findings.length > 0 || f.list.manifestExists);
      if (folders.length === 0) return []; // the welcome view shows
      if (folders.length > 1) return folders.map((f) => ({ type: 'folder', f }));
      return this.folderChildren(folders[0]);
    }
    switch (node.type) {
      case 'folder':
        return this.folderChildren(node.f);
      case 'environment':
        return node.f.list.variables.map((v) => ({ type: 'variable', f: node.f, environment: node.environment, v, status: statusOf(node.f, v, node.environment) }));
      case 'variable':
        return node.v.usages.map((usage) => ({ type: 'usage', f: node.f, v: node.v, usage }));
      case 'findings':
        return node.f.list.findings.map((finding) => ({ type: 'finding', f: node.f, finding }));
      default:
        return [];
    }
  }

  private folderChildren(f: FolderVault): VaultNode[] {
    const out: VaultNode[] = f.list.environments.map((environment) => ({ type: 'environment', f, environment }));
    if (f.list.findings.length) out.push({ type: 'findings', f });
    return out;
  }

  /** Parents, so `TreeView.reveal` can expand down to a node. */
  getParent(node: VaultNode): VaultNode | undefined {
    const multi = this.getChildren().some((n) => n.type === 'folder');
    switch (node.type) {
      case 'environment':
      case 'findings':
        return multi ? { type: 'folder', f: node.f } : undefined;
      case 'variable':
        return { type: 'environment', f: node.f, environment: node.environment };
      case 'usage':
        return { type: 'variable', f: node.f, environment: node.f.active, v: node.v, status: statusOf(node.f, node.v, node.f.active) };
      case 'finding':
        return { type: 'findings', f: node.f };
      default:
        return undefined;
    }
  }

  /** The node of `name` under the active environment of the first folder that has it. */
  variableNode(name: string): VaultNode | undefined {
    for (const f of this.model.all) {
      const v = f.list.variables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (v) return { type: 'variable', f, environment: f.active, v, status: statusOf(f, v, f.active) };
    }
    return undefined;
  }

  getTreeItem(node: VaultNode): vscode.TreeItem {
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(node.f.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'folder';
        return item;
      }
      case 'environment': {
        const active = node.environment === node.f.active;
        const item = new vscode.TreeItem(node.environment, active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        const missing = node.f.list.variables.filter((v) => statusOf(node.f, v, node.environment) !== 'set').length;
        item.description = `${active ? 'active · ' : ''}${node.f.list.variables.length} variable${node.f.list.variables.length === 1 ? '' : 's'}${missing ? ` · ${missing} not set` : ''}`;
        item.iconPath = new vscode.ThemeIcon(active ? 'server-environment' : 'circle-outline');
        item.contextValue = active ? 'environment.active' : 'environment';
        item.id = `${node.f.folder.uri.toString()}|env|${node.environment}`;
        return item;
      }
      case 'variable': {
        const v = node.v;
        const item = new vscode.TreeItem(v.name, v.usages.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        const parts = [v.hidden ? 'hidden' : 'visible', node.status, `${v.usages.length} usage${v.usages.length === 1 ? '' : 's'}`];
        item.description = parts.join(' · ');
        item.iconPath = v.hidden && node.status === 'set' ? new vscode.ThemeIcon('lock', new vscode.ThemeColor('testing.iconPassed')) : STATUS_ICON[node.status];
        const tip = new vscode.MarkdownString(undefined, true);
        tip.appendMarkdown(`**$${v.name}** — ${v.hidden ? 'hidden ' : ''}project variable\n\n`);
        if (v.description) tip.appendText(`${v.description}\n\n`);
        tip.appendMarkdown(`Environment **${node.environment}**: ${node.status}`);
        if (node.status === 'hard-coded') tip.appendMarkdown(` — a workspace file holds its value (${v.hardcoded} finding${v.hardcoded === 1 ? '' : 's'})`);
        tip.appendMarkdown('\n\nDeclared in: ');
        tip.appendText(v.sources.map((s) => `${relative(s.uri)} (${s.kind}${s.readOnly ? ', read-only' : ''})`).join(', ') || 'scripts only');
        item.tooltip = tip;
        item.contextValue = ['variable', v.hidden ? 'hidden' : 'visible', v.readOnly ? 'readOnly' : 'editable', node.status].join('.');
        item.id = `${node.f.folder.uri.toString()}|var|${node.environment}|${v.name.toLowerCase()}`;
        return item;
      }
      case 'usage': {
        const u = node.usage;
        const item = new vscode.TreeItem(`${relative(u.uri)}:${u.range.start.line + 1}`, vscode.TreeItemCollapsibleState.None);
        item.description = u.access === 'read' ? (u.form === 'dollar' ? `$${node.v.name}` : u.form === 'string-name' ? `Get("${node.v.name}")` : `GetVar("$${node.v.name}")`) : u.access;
        item.iconPath = new vscode.ThemeIcon(u.access === 'read' ? 'references' : 'edit');
        item.resourceUri = vscode.Uri.parse(u.uri);
        item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(u.uri), { selection: toRange(u.range) }] };
        item.contextValue = 'usage';
        return item;
      }
      case 'findings': {
        const item = new vscode.TreeItem('Hard-coded secrets', vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.f.list.findings.length}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = 'findings';
        item.id = `${node.f.folder.uri.toString()}|findings`;
        return item;
      }
      case 'finding': {
        const fd = node.finding;
        const item = new vscode.TreeItem(`${relative(fd.uri)}:${fd.range.start.line + 1}`, vscode.TreeItemCollapsibleState.None);
        item.description = fd.ruleId;
        item.tooltip = fd.message;
        item.iconPath = new vscode.ThemeIcon('key');
        item.command = { command: 'vscode.open', title: 'Reveal', arguments: [vscode.Uri.parse(fd.uri), { selection: toRange(fd.range) }] };
        item.contextValue = fd.extractFixIndex !== undefined ? 'finding.movable' : 'finding';
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
