import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, type StatusParams } from '../../protocol/src/index';

/** Status bar item: analysis state from the server and the active editor's findings count. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('jitterbitGuard.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[] = [];
  private last: StatusParams = { state: 'idle', errors: 0, warnings: 0, infos: 0 };
  private starting = true;

  constructor() {
    this.item.name = 'Jitterbit Guard';
    this.item.command = Commands.showOutput;
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
    );
    this.render();
    this.item.show();
  }

  update(status: StatusParams): void {
    this.starting = false;
    this.last = status;
    this.render();
  }

  stopped(reason: string): void {
    this.item.text = '$(shield) Jitterbit Guard: stopped';
    this.item.tooltip = reason;
  }

  /** Findings in the active editor (from our diagnostics only). */
  static activeCount(): number | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return undefined;
    return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
  }

  private render(): void {
    const s = this.last;
    if (this.starting) {
      this.item.text = '$(loading~spin) Jitterbit Guard';
      this.item.tooltip = 'Starting the Jitterbit Guard server';
      return;
    }
    if (s.state === 'indexing') {
      this.item.text = `$(sync~spin) Jitterbit Guard ${s.indexed ?? 0}/${s.total ?? 0}`;
      this.item.tooltip = 'Indexing the workspace';
      return;
    }
    if (s.state === 'analyzing') {
      this.item.text = '$(sync~spin) Jitterbit Guard';
      this.item.tooltip = 'Summarising the workspace for cross-file findings';
      return;
    }
    const active = StatusItem.activeCount();
    const icon = s.errors > 0 ? '$(shield) $(error)' : s.warnings > 0 ? '$(shield) $(warning)' : '$(shield)';
    this.item.text = `${icon} ${active ?? s.errors + s.warnings + s.infos}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**Jitterbit Guard** — ${s.state}\n\nOpen files: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} other` +
        (active !== undefined ? `\n\nThis file: ${active} finding${active === 1 ? '' : 's'}` : ''),
    );
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
    this.item.dispose();
  }
}
