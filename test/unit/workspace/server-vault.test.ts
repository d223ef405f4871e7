import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  VaultCheckNameRequest,
  VaultExportRequest,
  VaultListRequest,
  VaultLocateFindingRequest,
  VaultManifestRequest,
  VaultRenameRequest,
  type VaultCheckNameResult,
  type VaultExportResult,
  type VaultListResult,
  type VaultLocateFindingResult,
  type ResolveExtractResult,
  ResolveExtractRequest,
  type VaultManifestResult,
  type VaultRenameResult,
} from '../../../protocol/src/index';
import { applyWorkspaceEdit, REPO, TestClient, uriOf } from '../../server/lsp-client';

const HOSTS = join(REPO, 'test/fixtures/hosts');
const MANIFEST = '.jitterbit/project-variables.json';

/** The Secrets Vault requests of the server, through a real LSP client over stdio (no VS Code). */
describe('server: Secrets Vault requests over the project-variable model', function () {
  this.timeout(30000);
  let root: string;
  let client: TestClient;
  let list: VaultListResult;
  const manifest = {
    environments: ['dev', 'prod'],
    variables: [
      { name: 'carrier_token', description: 'Carrier API token', hidden: true },
      { name: 'base_url', hidden: false, values: { dev: 'https://dev.example.test' } },
    ],
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'jg-vault-'));
    mkdirSync(join(root, '.jitterbit'));
    writeFileSync(join(root, MANIFEST), JSON.stringify(manifest, null, 2));
    cpSync(join(HOSTS, 'export/harbor-logistics.json'), join(root, 'harbor.json'));
    cpSync(join(HOSTS, 'design-studio/Data'), join(root, 'ds/Data'), { recursive: true });
    writeFileSync(join(root, 'a.jb'), '<trans>\nh = "Bearer " + $carrier_token;\nu = Get("base_url");\n$carrier_token = "Tq8wN2vLx5Rb9MzK3p";\n</trans>\n');
    writeFileSync(join(root, 'b.js'), '<javascript>\nvar t = $carrier_token;\nvar g = Jitterbit.GetVar("$carrier_token");\n</javascript>\n');
    client = await TestClient.start({ root });
    list = await client.request<VaultListResult>(VaultListRequest, { folderUri: uriOf(root), manifestPath: MANIFEST, environments: ['default'] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('merges the manifest, the Cloud Studio export and the Design Studio entity, with environments from the manifest', () => {
    assert.equal(list.manifestExists, true);
    assert.equal(list.manifestUri, uriOf(join(root, MANIFEST)));
    assert.deepEqual(list.environments, ['dev', 'prod']);
    const names = list.variables.map((v) => v.name);
    for (const n of ['base_url', 'carrier_token', 'dock_ftp_password', 'harbor_api_key', 'harbor_db_password', 'harbor_region']) assert.ok(names.includes(n), `${n} in ${names}`);
    const dock = list.variables.find((v) => v.name === 'dock_ftp_password');
    assert.equal(dock?.readOnly, true);
    assert.deepEqual(dock?.sources.map((s) => s.kind), ['design-studio']);
    assert.deepEqual(list.variables.find((v) => v.name === 'base_url')?.values, { dev: 'https://dev.example.test' });
  });

  it('counts usages in both languages (declarations are sources, not usages)', () => {
    const token = list.variables.find((v) => v.name === 'carrier_token');
    assert.ok(token);
    assert.deepEqual(token.usages.map((u) => `${u.uri.split('/').pop()}:${u.range.start.line}:${u.form}:${u.access}`).sort(), [
      'a.jb:1:dollar:read',
      'a.jb:3:dollar:write',
      'b.js:1:dollar:read',
      'b.js:2:string-dollar-name:read',
    ]);
    assert.deepEqual(list.variables.find((v) => v.name === 'base_url')?.usages.map((u) => u.form), ['string-name']);
  });

  it('lists the workspace secret findings of unopened files and ties each to its variable ("hard-coded")', () => {
    const byVar = (n: string) => list.findings.filter((f) => f.variable === n);
    assert.equal(byVar('carrier_token').length, 1, 'the literal assigned to $carrier_token');
    assert.equal(byVar('dock_ftp_password').length, 1, 'the clear value of the Design Studio entity');
    assert.equal(byVar('harbor_api_key').length, 1, 'the clear value in the export');
    assert.equal(list.variables.find((v) => v.name === 'carrier_token')?.hardcoded, 1);
    assert.equal(list.variables.find((v) => v.name === 'harbor_region')?.hardcoded, 0);
    const inScript = byVar('carrier_token')[0];
    assert.equal(inScript.uri, uriOf(join(root, 'a.jb')));
    assert.equal(typeof inScript.extractFixIndex, 'number', 'Move to vault is offered');
    assert.ok(list.findings.every((f) => f.key && /^secrets\//.test(f.ruleId)));
    assert.ok(!JSON.stringify(list).includes('Tq8wN2vLx5Rb9MzK3p'), 'no value in the response');
    assert.ok(!JSON.stringify(list).includes('PPa17zkEDHu5WYif5xOELeUdht9wNWnx'));
  });

  it('locates a finding by position (fresh record key) for "Move to vault", and the key resolves', async () => {
    const uri = uriOf(join(root, 'a.jb'));
    const found = await client.request<VaultLocateFindingResult>(VaultLocateFindingRequest, { uri, line: 3 });
    assert.ok(found.args, 'the literal assigned on line 4');
    const resolved = await client.request<ResolveExtractResult>(ResolveExtractRequest, found.args);
    assert.equal(resolved.found, true);
    assert.equal(resolved.hidden, true);
    assert.deepEqual(await client.request<VaultLocateFindingResult>(VaultLocateFindingRequest, { uri, line: 1 }), {}, 'nothing to move on a line without a secret');
  });

  it('checks names: a rename against every name, a new variable against assigned globals and Jitterbit variables', async () => {
    const check = (name: string, except?: string) => client.request<VaultCheckNameResult>(VaultCheckNameRequest, { name, except });
    assert.equal((await check('harbor_region')).ok, true, 'an export-declared variable may be added to the manifest');
    assert.match((await check('jitterbit.operation.name')).problem ?? '', /reserved/);
    assert.match((await check('carrier-token')).problem ?? '', /hyphen/);
    assert.match((await check('harbor_region', 'carrier_token')).problem ?? '', /already exists/);
    assert.equal((await check('shipping_token', 'carrier_token')).ok, true);
  });

  it('edits the manifest through the core: add, refuse a duplicate, import an export', async () => {
    const text = readFileSync(join(root, MANIFEST), 'utf8');
    const add = await client.request<VaultManifestResult>(VaultManifestRequest, { text, op: { kind: 'add', variable: { name: 'sftp_password', hidden: true } } });
    assert.ok(add.text && JSON.parse(add.text).variables.some((v: { name: string; hidden: boolean }) => v.name === 'sftp_password' && v.hidden));
    const dup = await client.request<VaultManifestResult>(VaultManifestRequest, { text, op: { kind: 'add', variable: { name: 'CARRIER_TOKEN', hidden: true } } });
    assert.match(dup.error ?? '', /already exists/);
    const created = await client.request<VaultManifestResult>(VaultManifestRequest, { text: null, op: { kind: 'add', variable: { name: 'x_key', hidden: true } } });
    assert.deepEqual(JSON.parse(created.text as string), { environments: ['default'], variables: [{ name: 'x_key', hidden: true }] });
    const imported = await client.request<VaultManifestResult>(VaultManifestRequest, { text, op: { kind: 'import', uri: uriOf(join(root, 'harbor.json')) } });
    assert.deepEqual(imported.added?.sort(), ['harbor_api_key', 'harbor_db_password', 'harbor_region']);
    const missing = await client.request<VaultManifestResult>(VaultManifestRequest, { text, op: { kind: 'import', uri: uriOf(join(root, 'nope.json')) } });
    assert.match(missing.error ?? '', /could not be read/);
  });

  it('renames across the script, the JavaScript, the manifest (unsaved text); JS reads of a dotted name use GetVar; Design Studio is read-only', async () => {
    const manifestUri = uriOf(join(root, MANIFEST));
    const manifestText = readFileSync(join(root, MANIFEST), 'utf8');
    const r = await client.request<VaultRenameResult>(VaultRenameRequest, { oldName: 'carrier_token', newName: 'shipping_token', manifestUri, manifestText });
    assert.equal(r.error, undefined);
    const a = uriOf(join(root, 'a.jb'));
    const b = uriOf(join(root, 'b.js'));
    assert.deepEqual(Object.keys(r.edit?.changes ?? {}).sort(), [a, b, manifestUri].sort());
    assert.equal(applyWorkspaceEdit(readFileSync(join(root, 'a.jb'), 'utf8'), r.edit, a), '<trans>\nh = "Bearer " + $shipping_token;\nu = Get("base_url");\n$shipping_token = "Tq8wN2vLx5Rb9MzK3p";\n</trans>\n');
    assert.equal(applyWorkspaceEdit(readFileSync(join(root, 'b.js'), 'utf8'), r.edit, b), '<javascript>\nvar t = $shipping_token;\nvar g = Jitterbit.GetVar("$shipping_token");\n</javascript>\n');
    assert.ok(JSON.parse(applyWorkspaceEdit(manifestText, r.edit, manifestUri)).variables.some((v: { name: string }) => v.name === 'shipping_token'));
    // A dotted name: JavaScript can only read it through Jitterbit.GetVar.
    const dotted = await client.request<VaultRenameResult>(VaultRenameRequest, { oldName: 'carrier_token', newName: 'carrier.token', manifestUri, manifestText });
    assert.equal(applyWorkspaceEdit(readFileSync(join(root, 'b.js'), 'utf8'), dotted.edit, b), '<javascript>\nvar t = Jitterbit.GetVar("$carrier.token");\nvar g = Jitterbit.GetVar("$carrier.token");\n</javascript>\n');
    const ds = await client.request<VaultRenameResult>(VaultRenameRequest, { oldName: 'dock_ftp_password', newName: 'dock_pw', manifestUri, manifestText });
    assert.match(ds.error ?? '', /read-only/);
  });

  it('exports the list for Harmony without values of hidden variables', async () => {
    const r = await client.request<VaultExportResult>(VaultExportRequest, { manifestText: readFileSync(join(root, MANIFEST), 'utf8'), manifestPath: join(root, MANIFEST), environments: ['default'] });
    const json = JSON.parse(r.text);
    assert.deepEqual(json.environments, ['dev', 'prod']);
    assert.deepEqual(json.projectVariables.find((v: { name: string }) => v.name === 'carrier_token'), { name: 'carrier_token', hidden: true, description: 'Carrier API token' });
    assert.ok(!r.text.includes('DXxg9swQOOVtHfZPgnXXe8DpZ1a6g0IFhU449jM2vIK3Fy9kYRM13g=='));
  });
});
