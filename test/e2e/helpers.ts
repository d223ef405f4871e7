import * as vscode from 'vscode';

export const SOURCE = 'jitterbit-guard';
export const EXTENSION_ID = 'jitterbit-guard.jitterbit-guard';

/** Activates the extension and waits until its language server is ready; returns its API. */
export async function activateGuard<T extends { ready(): Promise<void> }>(): Promise<T> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

/** Resolves when `predicate` holds for the diagnostics of `uri`, checked on every onDidChangeDiagnostics event. */
export function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 45000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      sub.dispose();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(ours());
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && predicate(ours())) finish();
    });
    // A guard against hanging forever, not a wait: the result comes from the event above.
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}; have ${JSON.stringify(ours().map((d) => d.code))}`)), timeoutMs);
    if (predicate(ours())) finish();
  });
}

/** Resolves on the next change of `doc` that satisfies `predicate`. */
export function documentWhere(doc: vscode.TextDocument, predicate: (text: string) => boolean, what: string, timeoutMs = 20000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(doc.getText())) return resolve();
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && predicate(doc.getText())) {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}
