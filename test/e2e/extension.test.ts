import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateGuard, codeOf, diagnosticsWhere, documentWhere, fixture, SOURCE } from './helpers';

interface Api {
  ready(): Promise<void>;
  vaultDigest(resource: vscode.Uri, name: string, environment?: string): Promise<string | undefined>;
}

const SECRET = 'Qz8vN3kLp7Wx2RtY';

/** Resolves when `file` exists (fs.watch on its folder; the driver renames the finished file into place). */
function fileAppears(file: string, timeoutMs = 45000): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => {
      if (fs.existsSync(file)) done();
    });
    const timer = setTimeout(() => done(new Error(`no screenshot at ${file}`)), timeoutMs);
    function done(err?: Error): void {
      watcher.close();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    }
    if (fs.existsSync(file)) done();
  });
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Resolves when a document with `uri` is (re)opened with `languageId` (VS Code reopens it on a language change). */
function languageBecomes(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId);
    if (current) return resolve(current);
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() === uri.toString() && d.languageId === languageId) {
        sub.dispose();
        clearTimeout(timer);
        resolve(d);
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${uri.toString()} never became ${languageId}`));
    }, 20000);
  });
}

describe('Jitterbit Guard in real VS Code', () => {
  let api: Api;

  before(async () => {
    api = await activateGuard<Api>();
  });

  it('contributes the languages: .jb is Jitterbit Script, a <javascript> .js is Jitterbit JavaScript', async () => {
    const jb = await open('clean.jb');
    assert.equal(jb.languageId, 'jitterbit');
    const uri = fixture('api-call.js');
    const becomes = languageBecomes(uri, 'jitterbit-javascript');
    await vscode.workspace.openTextDocument(uri);
    const js = await becomes;
    assert.equal(js.languageId, 'jitterbit-javascript');
  });

  it('shows security findings with rule id, docs link and source on open', async () => {
    const doc = await open('secrets.jb');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x).startsWith('secrets/')), 'a secrets/ finding');
    const d = ds.find((x) => codeOf(x).startsWith('secrets/')) as vscode.Diagnostic;
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 2);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes(codeOf(d)), 'code carries the docs link');
    assert.ok(!d.message.includes(SECRET));
  });

  it('reports syntax errors and shows a cross-file finding in the reader', async () => {
    const broken = await open('broken.jb');
    await diagnosticsWhere(broken.uri, (d) => d.some((x) => codeOf(x).startsWith('syntax/')), 'a syntax error');
    const reader = await open('cross-log.jb');
    const ds = await diagnosticsWhere(reader.uri, (d) => d.some((x) => codeOf(x).startsWith('logging/')), 'the cross-file logging finding');
    assert.ok(ds.some((x) => x.message.includes('ctx.outbound')));
  });

  it('quick fixes: extract to project variable stores the value in the vault first, then edits', async () => {
    const doc = await open('secrets.jb');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x).startsWith('secrets/')), 'a secrets/ finding');
    const d = ds.find((x) => codeOf(x).startsWith('secrets/')) as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const ours = actions.filter((a) => a.diagnostics?.some((x) => x.source === SOURCE) || a.command?.command.startsWith('jitterbitGuard.'));
    console.log('CODEACTIONS', JSON.stringify(ours.map((a) => ({ title: a.title, kind: a.kind?.value, preferred: a.isPreferred }))));
    assert.ok(ours.some((a) => /suppress/i.test(a.title)), 'a suppress action');
    assert.ok(ours.some((a) => a.command?.command === 'jitterbitGuard.openRuleDocs'), 'an open-docs action');
    const extract = ours.find((a) => a.command?.command === 'jitterbitGuard.extractToProjectVariable');
    assert.ok(extract?.command, 'an extract action');
    assert.equal(extract.edit, undefined, 'the edit is applied by the command, after the vault write');
    const changed = documentWhere(doc, (t) => !t.includes(SECRET), 'the literal to be replaced');
    const ok = await vscode.commands.executeCommand<boolean>(extract.command.command, ...(extract.command.arguments ?? []));
    assert.equal(ok, true);
    await changed;
    const name = /^\$api_password = \$([\w.]+);/m.exec(doc.getText())?.[1];
    assert.ok(name, doc.getText());
    const expected = createHash('sha256').update(SECRET, 'utf8').digest('hex');
    assert.equal(await api.vaultDigest(doc.uri, name), expected, 'the vault holds the extracted value');
    await diagnosticsWhere(doc.uri, (x) => !x.some((y) => codeOf(y) === codeOf(d) && y.range.start.line === 2), 'the finding to go away');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('applies a quick-fix edit (mask the log argument) through vscode.executeCodeActionProvider', async () => {
    const doc = await open('cross-log.jb');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x).startsWith('logging/')), 'the logging finding');
    const d = ds.find((x) => codeOf(x).startsWith('logging/')) as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsWhere(doc.uri, (x) => !x.some((y) => codeOf(y).startsWith('logging/')), 'the logging finding to go away');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a rule switched off in the jitterbitGuard.rules setting disappears, and comes back when reset', async () => {
    const doc = await open('secrets.jb');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x).startsWith('secrets/')), 'a secrets/ finding');
    const rule = codeOf(ds.find((x) => codeOf(x).startsWith('secrets/')) as vscode.Diagnostic);
    const config = vscode.workspace.getConfiguration('jitterbitGuard', doc.uri);
    const gone = diagnosticsWhere(doc.uri, (d) => !d.some((x) => codeOf(x) === rule), `${rule} to be switched off`);
    await config.update('rules', { [rule]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await gone;
    const back = diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === rule), `${rule} to come back`);
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await back;
  });

  it('renames a global across the workspace, including files that are not open', async () => {
    const doc = await open('rename-a.jb');
    const pos = new vscode.Position(1, doc.lineAt(1).text.indexOf('customer') + 2);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos);
    assert.deepEqual([...new Set(refs.map((r) => r.uri.path.split('/').pop()))].sort(), ['rename-a.jb', 'rename-b.jb']);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, pos, 'order.batch');
    const files = edit.entries().map(([uri, edits]) => [uri.path.split('/').pop(), edits.length]);
    assert.deepEqual(files.sort(), [['rename-a.jb', 1], ['rename-b.jb', 3]]);
    assert.ok(edit.entries().every(([, edits]) => edits.every((e) => e.newText === 'order.batch')));
  });

  it('completes functions (with snippets) and $ variables from the whole workspace', async () => {
    const doc = await open('clean.jb');
    const line = doc.lineAt(2);
    const fnList = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, line.range.start);
    const send = fnList.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'SendEmail');
    assert.ok(send, 'SendEmail offered');
    assert.ok(send.insertText instanceof vscode.SnippetString, 'parameter snippet');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, line.range.start, 'x = $');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const varList = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 5), '$');
    const labels = varList.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('customer.batch'), 'a global of a file that was never opened');
    assert.ok(labels.includes('jitterbit.operation.name'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('hovers functions and variables', async () => {
    const doc = await open('secrets.jb');
    const line = doc.lineAt(3).text;
    const fnHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(3, line.indexOf('SendEmail') + 2));
    const fnText = fnHover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(fnText, /SendEmail\(from, to, subject/);
    const varHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 3));
    const varText = varHover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(varText, /api_password.*(global variable|project variable)/);
  });

  // Runs last: opens the Problems panel and the quick-fix menu; with JG_E2E_SCREENSHOT set, the launcher's driver
  // takes the README screenshot while they are open.
  it('opens the Problems panel and the quick-fix menu on a finding', async () => {
    const doc = await open('secrets.jb');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x).startsWith('secrets/')), 'findings');
    const d = ds.find((x) => codeOf(x).startsWith('secrets/')) as vscode.Diagnostic;
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), doc.uri.toString());
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.quickFix');
    const shot = process.env.JG_E2E_SCREENSHOT;
    if (shot) {
      const saved = fileAppears(shot);
      console.log('JG_E2E_SCREENSHOT_NOW');
      await saved;
    }
  });
});

describe('client pieces in the extension host', () => {
  it('the trace channel redacts secret values of resolveExtract responses', async () => {
    const { redactSecrets } = await import('../../client/src/redact');
    const trace = `[Trace - 10:00:00] Received response 'jitterbitGuard/resolveExtract - (7)' in 2ms.\nResult: {\n    "found": true,\n    "name": "api_password_2",\n    "secretValue": "Qz8vN3k\\"Lp7Wx2RtY",\n    "hidden": true\n}`;
    const out = redactSecrets(trace);
    assert.ok(!out.includes('Qz8vN3k'), out);
    assert.match(out, /"secretValue": "\[redacted\]"/);
    assert.match(out, /"name": "api_password_2"/);
  });
});
