import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateGuard, codeOf, diagnosticsWhere, documentWhere, fixture } from './helpers';

/** The extension's API as the Secrets Vault tests use it (the test-only part is documented in docs/vault.md). */
interface TreeNode {
  label: string;
  description?: string;
  contextValue?: string;
  children: TreeNode[];
}
interface VaultProviderLike {
  id: string;
  label: string;
  get(key: { workspace: string; environment: string; name: string }): Promise<string | undefined>;
  store(key: { workspace: string; environment: string; name: string }, value: string): Promise<void>;
  delete(key: { workspace: string; environment: string; name: string }): Promise<void>;
}
interface Api {
  ready(): Promise<void>;
  getVaultValue(name: string, environment?: string): Promise<string | undefined>;
  useVaultProvider(provider: VaultProviderLike | undefined): void;
  refreshVault(): Promise<void>;
  nextVaultRefresh(): Promise<void>;
  vaultTree(): Promise<TreeNode[]>;
  activeEnvironment(): string;
  logDirectory(): string;
  logMarker(text: string): void;
  revealVariable(name: string): Promise<boolean>;
}

// Fake values generated for the fixtures.
const EXTRACT_SECRET = 'Hv4mT9qLx2Rb8NzKw7';
const FAIL_SECRET = 'Pk3wZ8rTq5Lm2XvN9c';
const TOKEN_VALUE = 'tkn_Wq9vR2mX7bL4pZ8s';
const MOVE_SECRET = 'Zr6nQ1wKx8Tb3LmP5v';
const MANIFEST = '.jitterbit/project-variables.json';

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The manifest text as VS Code has it (open document or disk), or null when it does not exist. */
async function manifestText(): Promise<string | null> {
  const uri = fixture(MANIFEST);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return fs.existsSync(uri.fsPath) ? fs.readFileSync(uri.fsPath, 'utf8') : null;
}

/** Resolves with the tree once `predicate` holds, re-checking after every refresh of the vault model. */
async function treeWhere(api: Api, predicate: (t: TreeNode[]) => boolean, what: string, timeoutMs = 30000): Promise<TreeNode[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const next = api.nextVaultRefresh();
    const tree = await api.vaultTree();
    if (predicate(tree)) return tree;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; tree: ${JSON.stringify(tree, null, 1).slice(0, 3000)}`);
    // A guard against hanging forever, not a wait: the next refresh event re-checks the tree.
    await Promise.race([next, new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`no vault refresh while waiting for ${what}`)), timeoutMs))]);
  }
}

function activeEnv(tree: TreeNode[]): TreeNode | undefined {
  return tree.find((n) => n.contextValue === 'environment.active');
}

function variable(tree: TreeNode[], name: string): TreeNode | undefined {
  return activeEnv(tree)?.children.find((n) => n.label === name);
}

/** The extract action offered for the secret finding on `line` of `doc`. */
async function extractAction(doc: vscode.TextDocument, line: number): Promise<vscode.Command> {
  const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x).startsWith('secrets/') && x.range.start.line === line), 'the secret finding');
  const d = ds.find((x) => codeOf(x).startsWith('secrets/') && x.range.start.line === line) as vscode.Diagnostic;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
  const extract = actions.find((a) => a.command?.command === 'jitterbitGuard.extractToProjectVariable');
  assert.ok(extract?.command, `an extract action among ${JSON.stringify(actions.map((a) => a.title))}`);
  return extract.command;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Resolves when `file` contains `text` (fs.watch on the file: the log writer appends to it). */
function fileContains(file: string, text: string, timeoutMs = 30000): Promise<void> {
  return new Promise((resolve, reject) => {
    const has = () => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(text);
    if (has()) return resolve();
    const watcher = fs.watch(file, () => {
      if (has()) finish();
    });
    const timer = setTimeout(() => finish(new Error(`${text} never reached ${file}`)), timeoutMs);
    function finish(err?: Error): void {
      watcher.close();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    }
  });
}

/** The last lines of the "Jitterbit Guard" output channel's log (for assertion messages; it never holds values). */
function outputTail(api: Api): string {
  const logs = path.dirname(api.logDirectory());
  const file = filesUnder(logs).find((f) => path.basename(f) === 'Jitterbit Guard.log');
  return file ? fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : `no output log under ${logs}`;
}

describe('Secrets Vault in real VS Code', () => {
  let api: Api;

  before(async () => {
    api = await activateGuard<Api>();
    // Full LSP tracing for the whole suite: the no-leak test also scans the trace channel's log.
    await vscode.workspace.getConfiguration('jitterbitGuard').update('trace.server', 'verbose', vscode.ConfigurationTarget.Workspace);
    await api.refreshVault();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('jitterbitGuard').update('trace.server', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('lists the hard-coded secrets of files that were never opened, with "Move to vault"', async () => {
    const tree = await treeWhere(api, (t) => t.some((n) => n.label === 'Hard-coded secrets' && n.children.some((c) => c.label === 'vault/fail-me.jb:3')), 'the fixture findings');
    const group = tree.find((n) => n.label === 'Hard-coded secrets') as TreeNode;
    const fail = group.children.find((c) => c.label === 'vault/fail-me.jb:3') as TreeNode;
    assert.equal(fail.description, 'secrets/credential-name');
    assert.equal(fail.contextValue, 'finding.movable', 'the inline Move to vault action applies');
    assert.ok(!JSON.stringify(tree).includes(FAIL_SECRET), 'the tree never shows a value');
  });

  it('marks a manifest variable whose value a script still assigns as "hard-coded"', async () => {
    const tree = await treeWhere(api, (t) => /hard-coded/.test(variable(t, 'smtp_password')?.description ?? ''), 'smtp_password hard-coded');
    assert.match(variable(tree, 'smtp_password')?.description ?? '', /^hidden · hard-coded · \d+ usages?$/);
    assert.match(variable(tree, 'smtp_password')?.contextValue ?? '', /\.hard-coded$/);
    assert.ok((tree.find((n) => n.label === 'Hard-coded secrets')?.children ?? []).some((c) => c.label === 'vault/legacy-mail.jb:3'));
  });

  it('the manifest JSON schema is wired: a value on a hidden variable is reported while editing', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture(MANIFEST));
    await vscode.window.showTextDocument(doc);
    const bad = JSON.parse(doc.getText());
    bad.variables.push({ name: 'bad-name', hidden: true, values: { dev: 'x' } });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), JSON.stringify(bad, null, 2));
    const reported = new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      const check = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'jitterbit-guard');
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === doc.uri.toString()) && check().length >= 2) {
          sub.dispose();
          clearTimeout(timer);
          resolve(check());
        }
      });
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`no schema diagnostics: ${JSON.stringify(vscode.languages.getDiagnostics(doc.uri).map((d) => d.message))}`));
      }, 30000);
    });
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const ds = await reported;
      assert.ok(ds.some((d) => /pattern/i.test(d.message)), `the name pattern: ${JSON.stringify(ds.map((d) => d.message))}`);
      assert.ok(ds.some((d) => /schema that is not allowed/i.test(d.message)), `values on a hidden variable: ${JSON.stringify(ds.map((d) => d.message))}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!doc.getText().includes('bad-name'), 'reverted');
  });

  it('a vault failure leaves the file and the manifest unchanged', async () => {
    const doc = await open('vault/fail-me.jb');
    const before = doc.getText();
    const manifestBefore = await manifestText();
    const command = await extractAction(doc, 2);
    const attempts: string[] = [];
    api.useVaultProvider({
      id: 'failing',
      label: 'failing test vault',
      get: () => Promise.resolve(undefined),
      store: (key) => {
        attempts.push(key.name);
        return Promise.reject(new Error('the keychain is locked'));
      },
      delete: () => Promise.resolve(),
    });
    try {
      const ok = await vscode.commands.executeCommand<boolean>(command.command, ...(command.arguments ?? []));
      assert.equal(ok, false, 'the command reports failure');
    } finally {
      api.useVaultProvider(undefined);
    }
    assert.equal(attempts.length, 1, 'the vault write was attempted');
    assert.equal(doc.getText(), before, 'the literal is still there');
    assert.equal(doc.isDirty, false);
    assert.equal(await manifestText(), manifestBefore, 'the manifest is unchanged');
    assert.equal(await api.getVaultValue(attempts[0]), undefined, 'nothing in the real vault either');
  });

  it('extract: the literal is replaced, the manifest has the hidden variable, the vault holds the value, the tree shows it "set"', async () => {
    const doc = await open('vault/extract-me.jb');
    const command = await extractAction(doc, 2);
    const replaced = documentWhere(doc, (t) => !t.includes(EXTRACT_SECRET), 'the literal to be replaced');
    const ok = await vscode.commands.executeCommand<boolean>(command.command, ...(command.arguments ?? []));
    assert.equal(ok, true);
    await replaced;
    const name = /^\$sftp_password = \$([\w.]+);/m.exec(doc.getText())?.[1];
    assert.ok(name, doc.getText());

    const text = await manifestText();
    assert.ok(text, 'the manifest exists');
    assert.ok(!text.includes(EXTRACT_SECRET), 'the manifest never holds the value');
    const manifest = JSON.parse(text) as { variables: { name: string; hidden: boolean }[] };
    const entry = manifest.variables.find((v) => v.name === name);
    assert.ok(entry, `${name} in ${text}`);
    assert.equal(entry.hidden, true);
    assert.equal(fs.readFileSync(fixture(MANIFEST).fsPath, 'utf8'), text, 'the manifest is saved');

    assert.equal(await api.getVaultValue(name, api.activeEnvironment()), EXTRACT_SECRET, 'the vault holds the value for the active environment');

    const tree = await treeWhere(api, (t) => /\bset\b/.test(variable(t, name)?.description ?? ''), `${name} shown as set`);
    const node = variable(tree, name) as TreeNode;
    assert.match(node.description ?? '', /^hidden · set · 1 usage$/);
    assert.match(node.contextValue ?? '', /^variable\.hidden\.editable\.set$/);
    await treeWhere(api, (t) => !(t.find((n) => n.label === 'Hard-coded secrets')?.children ?? []).some((c) => c.label === 'vault/extract-me.jb:3'), 'the finding to leave "Hard-coded secrets"');
  });

  it('"Move to vault" on a hard-coded secret of a file that is not open', async () => {
    const uri = fixture('vault/move-me.jb');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file is not open');
    await treeWhere(api, (t) => (t.find((n) => n.label === 'Hard-coded secrets')?.children ?? []).some((c) => c.label === 'vault/move-me.jb:3' && c.contextValue === 'finding.movable'), 'move-me.jb listed');
    const ok = await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.moveToVault', { uri: uri.toString(), line: 2 });
    assert.equal(ok, true, outputTail(api));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.ok(!doc.getText().includes(MOVE_SECRET), doc.getText());
    const name = /^\$smtp_password = \$([\w.]+);/m.exec(doc.getText())?.[1];
    assert.ok(name, doc.getText());
    assert.equal(await api.getVaultValue(name), MOVE_SECRET);
    assert.ok(JSON.parse((await manifestText()) as string).variables.some((v: { name: string; hidden: boolean }) => v.name === name && v.hidden));
    await treeWhere(api, (t) => !(t.find((n) => n.label === 'Hard-coded secrets')?.children ?? []).some((c) => c.label === 'vault/move-me.jb:3'), 'move-me.jb to leave "Hard-coded secrets"');
  });

  it('rename: every reference in both languages, the export and the manifest, and the vault value moves', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.addVariable', { name: 'carrier_token', hidden: true, description: 'Carrier API token' }), true);
    assert.equal(await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.setValue', { name: 'carrier_token', value: TOKEN_VALUE }), true);
    const before = await treeWhere(api, (t) => variable(t, 'carrier_token')?.description === 'hidden · set · 5 usages', 'carrier_token with its usages');
    assert.deepEqual(
      (variable(before, 'carrier_token') as TreeNode).children.map((c) => c.label).sort(),
      ['vault/carrier-a.jb:3', 'vault/carrier-a.jb:4', 'vault/carrier-export.json:27', 'vault/carrier.js:3', 'vault/carrier.js:4'],
    );

    const ok = await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.renameVariable', { name: 'carrier_token', newName: 'shipping_token' });
    assert.equal(ok, true);
    const text = async (name: string) => (await vscode.workspace.openTextDocument(fixture(name))).getText();
    const jb = await text('vault/carrier-a.jb');
    assert.match(jb, /\+ \$shipping_token;/);
    assert.match(jb, /Get\("shipping_token"\)/);
    const js = await text('vault/carrier.js');
    assert.match(js, /var direct = \$shipping_token;/);
    assert.match(js, /Jitterbit\.GetVar\("\$shipping_token"\)/);
    const exported = JSON.parse(await text('vault/carrier-export.json'));
    assert.equal(exported.projectVariables[0].name, 'shipping_token');
    assert.equal(exported.components[0].properties.token, '[shipping_token]');
    assert.match(exported.components[1].scriptBody, /\$shipping_token;/);
    for (const f of ['vault/carrier-a.jb', 'vault/carrier.js', 'vault/carrier-export.json']) assert.ok(!(await text(f)).includes('carrier_token'), f);
    const manifest = JSON.parse((await manifestText()) as string) as { variables: { name: string }[] };
    assert.ok(manifest.variables.some((v) => v.name === 'shipping_token'));
    assert.ok(!manifest.variables.some((v) => v.name === 'carrier_token'));
    assert.equal(await api.getVaultValue('shipping_token'), TOKEN_VALUE, 'the value moved to the new name');
    assert.equal(await api.getVaultValue('carrier_token'), undefined, 'and left the old one');
  });

  it('refuses a rename to a name Jitterbit does not allow, and changes nothing', async () => {
    const manifestBefore = await manifestText();
    const ok = await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.renameVariable', { name: 'shipping_token', newName: 'shipping-token' });
    assert.equal(ok, false);
    assert.equal(await manifestText(), manifestBefore);
    assert.ok((await vscode.workspace.openTextDocument(fixture('vault/carrier-a.jb'))).getText().includes('$shipping_token'));
  });

  it('exports the variable list for Harmony without any secret value', async () => {
    const target = vscode.Uri.file(path.join(path.dirname(fixture(MANIFEST).fsPath), 'harmony-list.json'));
    const written = await vscode.commands.executeCommand<string>('jitterbitGuard.vault.exportForHarmony', { target });
    assert.equal(written, target.toString());
    const text = fs.readFileSync(target.fsPath, 'utf8');
    const list = JSON.parse(text) as { projectVariables: { name: string; hidden: boolean; values?: unknown }[] };
    const shipping = list.projectVariables.find((v) => v.name === 'shipping_token');
    assert.deepEqual(shipping, { name: 'shipping_token', hidden: true, description: 'Carrier API token' });
    for (const secret of [EXTRACT_SECRET, TOKEN_VALUE, FAIL_SECRET]) assert.ok(!text.includes(secret));
    fs.rmSync(target.fsPath);
  });

  it('switches the environment (status in the tree follows), hides a visible variable (its values move to the vault) and deletes it', async () => {
    assert.equal(api.activeEnvironment(), 'dev');
    assert.equal(await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.switchEnvironment', { environment: 'prod' }), true);
    try {
      assert.equal(api.activeEnvironment(), 'prod');
      let tree = await treeWhere(api, (t) => activeEnv(t)?.label === 'prod', 'prod to become the active environment');
      assert.match(variable(tree, 'shipping_token')?.description ?? '', /^hidden · missing · /, 'no value stored for prod');
      assert.match(variable(tree, 'service_url')?.description ?? '', /^visible · set · /, 'the manifest has a prod value');

      assert.equal(await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.toggleHidden', { name: 'service_url' }), true);
      const hidden = (JSON.parse((await manifestText()) as string) as { variables: { name: string; hidden: boolean; values?: unknown }[] }).variables.find((v) => v.name === 'service_url');
      assert.deepEqual([hidden?.hidden, hidden?.values], [true, undefined], 'hidden, and no clear-text values left in the manifest');
      assert.equal(await api.getVaultValue('service_url', 'prod'), 'https://orders.example.com');
      assert.equal(await api.getVaultValue('service_url', 'dev'), 'https://dev.example.com');
      tree = await treeWhere(api, (t) => /^hidden · set · /.test(variable(t, 'service_url')?.description ?? ''), 'service_url hidden and set');

      assert.equal(await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.deleteVariable', { name: 'service_url', force: true }), true);
      assert.ok(!(await manifestText())?.includes('service_url'), 'gone from the manifest');
      assert.equal(await api.getVaultValue('service_url', 'prod'), undefined, 'and from the vault');
      await treeWhere(api, (t) => variable(t, 'service_url') === undefined, 'service_url to leave the tree');
    } finally {
      assert.equal(await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.switchEnvironment', { environment: 'dev' }), true);
    }
  });

  it('imports the variables of a Cloud Studio export into the manifest (names, descriptions, hidden flags only)', async () => {
    // An export outside the workspace (the suite is bundled into .e2e/out of the repository).
    const source = vscode.Uri.file(path.resolve(__dirname, '../../test/fixtures/hosts/export/harbor-logistics.json'));
    assert.ok(fs.existsSync(source.fsPath), source.fsPath);
    const ok = await vscode.commands.executeCommand<boolean>('jitterbitGuard.vault.importFromExport', { source });
    assert.equal(ok, true);
    const manifest = JSON.parse((await manifestText()) as string) as { variables: { name: string; hidden: boolean; description?: string; values?: unknown }[] };
    const key = manifest.variables.find((v) => v.name === 'harbor_api_key');
    assert.deepEqual(key, { name: 'harbor_api_key', description: 'Carrier API key', hidden: false });
    assert.equal(manifest.variables.find((v) => v.name === 'harbor_db_password')?.hidden, true);
    assert.ok(!(await manifestText())?.includes('PPa17zkEDHu5WYif5xOELeUdht9wNWnx'), 'the export\'s clear-text value is not copied');
    await treeWhere(api, (t) => variable(t, 'harbor_db_password') !== undefined, 'the imported variables in the tree');
  });

  it('F2 on a manifest variable renames it everywhere too, manifest included, and its vault value follows', async () => {
    const doc = await open('vault/carrier-a.jb');
    const line = doc.getText().split('\n').findIndex((l) => l.includes('+ $shipping_token'));
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('shipping_token') + 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, pos, 'parcel_token');
    const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort();
    assert.deepEqual(files, ['.jitterbit/project-variables.json', 'vault/carrier-a.jb', 'vault/carrier-export.json', 'vault/carrier.js']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(!(await manifestText())?.includes('shipping_token'));
    assert.equal(await api.getVaultValue('parcel_token'), TOKEN_VALUE, 'the value was copied to the new name');
    await treeWhere(api, (t) => /^hidden · set · 5 usages$/.test(variable(t, 'parcel_token')?.description ?? '') && !variable(t, 'shipping_token'), 'parcel_token in the view');
    // The old value goes once the view has seen the rename applied (a refresh or two later).
    for (let i = 0; i < 5 && (await api.getVaultValue('shipping_token')) !== undefined; i++) {
      const next = api.nextVaultRefresh();
      await api.refreshVault();
      await next;
    }
    assert.equal(await api.getVaultValue('shipping_token'), undefined, 'the old name holds no value any more');
  });

  it('no output channel line contains a secret value (LSP trace on, verbose)', async () => {
    const logs = path.dirname(api.logDirectory());
    const marker = `vault-e2e-marker-${Date.now()}`;
    api.logMarker(marker);
    const channel = filesUnder(logs).find((f) => path.basename(f) === 'Jitterbit Guard.log' || /\d+-Jitterbit Guard\.log$/.test(f));
    assert.ok(channel, `the output channel's log file under ${logs}: ${filesUnder(logs).join(', ')}`);
    await fileContains(channel, marker);
    const all = filesUnder(logs).filter((f) => /\.log$/.test(f));
    const ours = fs.readFileSync(channel, 'utf8');
    console.log(`[vault e2e] output channel log ${channel}; scanning ${all.length} log files`);
    assert.match(ours, /Moved a value into hidden project variable \$sftp_password/, 'the extract was logged (without its value)');
    const trace = all.find((f) => /Jitterbit Guard \(trace\)\.log$/.test(f));
    assert.ok(trace, `the trace channel's log among ${all.join(', ')}`);
    const traced = fs.readFileSync(trace, 'utf8');
    assert.ok(traced.includes('jitterbitGuard/vault/list') && traced.includes('jitterbitGuard/resolveExtract'), 'the LSP messages were traced');
    assert.match(traced, /"secretValue": "\[redacted\]"/);
    for (const f of all) {
      let content = fs.readFileSync(f, 'utf8');
      // A verbose LSP trace prints the text of opened and changed documents: a literal still in a file is there
      // (the user's own file content). Everything else the trace shows — requests, responses, vault traffic — must
      // hold no value, and a value that only ever lived in the vault (TOKEN_VALUE) must appear nowhere at all.
      if (f === trace) content = content.replace(/"text": "(?:[^"\\]|\\.)*"/g, '"text": "[document text]"');
      for (const secret of [EXTRACT_SECRET, FAIL_SECRET, TOKEN_VALUE, MOVE_SECRET]) assert.ok(!content.includes(secret), `${path.basename(f)} holds a secret value`);
    }
    assert.ok(!traced.includes(TOKEN_VALUE), 'a vault-only value is not even in a traced document text');
  });

  // With JG_E2E_SCREENSHOT set (and JG_E2E_GREP="Secrets Vault"), the launcher's driver takes the README screenshot.
  it('shows the Secrets Vault view in its activity-bar container', async () => {
    const doc = await open('vault/fail-me.jb');
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x).startsWith('secrets/')), 'the finding in the Problems panel');
    await vscode.commands.executeCommand('workbench.view.extension.jitterbitGuardVault');
    await vscode.commands.executeCommand('jitterbitGuard.vault.focus');
    assert.equal(await api.revealVariable('parcel_token'), true, 'the renamed variable is in the view');
    assert.equal(await api.revealVariable('no_such_variable'), false);
    const tree = await api.vaultTree();
    assert.ok(activeEnv(tree), 'an active environment node');
    const shot = process.env.JG_E2E_SCREENSHOT;
    if (shot) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      // A narrower editor leaves the sidebar room for the descriptions (status, usages).
      for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      await vscode.commands.executeCommand('notifications.clearAll');
      const saved = new Promise<void>((resolve, reject) => {
        const watcher = fs.watch(path.dirname(shot), () => {
          if (fs.existsSync(shot)) done();
        });
        const timer = setTimeout(() => done(new Error(`no screenshot at ${shot}`)), 60000);
        function done(err?: Error): void {
          watcher.close();
          clearTimeout(timer);
          if (err) reject(err);
          else resolve();
        }
      });
      console.log('JG_E2E_SCREENSHOT_NOW');
      await saved;
    }
  });
});
