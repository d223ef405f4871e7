import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkVariableName,
  editManifest,
  fileDeclarations,
  ManifestEditError,
  mergeProjectVariables,
  readManifest,
} from '../../../core/src/index';

const HOSTS = join(__dirname, '../../fixtures/hosts');
const EXPORT = join(HOSTS, 'export/harbor-logistics.json');
const DS_PV = join(HOSTS, 'design-studio/Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml');
const read = (p: string): string => readFileSync(p, 'utf8');

describe('workspace: project-variable names (Jitterbit rules)', () => {
  it('accepts letters, digits, _ and dots', () => {
    assert.equal(checkVariableName('org_netsuite_auth_username').ok, true);
    assert.equal(checkVariableName('$pv_password').ok, true);
    const dotted = checkVariableName('server.url');
    assert.equal(dotted.ok, true);
    assert.match(dotted.warning ?? '', /Jitterbit\.GetVar\("\$server\.url"\)/);
  });

  for (const [name, why] of [
    ['api key', /space/],
    ['api-key', /hyphen/],
    ['key(1)', /parenthes/],
    ['', /needs a name/],
    ['9lives', /start with a letter/],
    ['jitterbit.api.key', /reserved/],
    ['a..b', /empty dotted part/],
    ['pw$', /only letters, digits/],
  ] as const) {
    it(`refuses ${JSON.stringify(name)}`, () => {
      const r = checkVariableName(name);
      assert.equal(r.ok, false);
      assert.match(r.problem ?? '', why);
    });
  }

  it('is unique across the global namespace, case-insensitively, except for the variable itself', () => {
    const taken = ['Api_Password', 'jitterbit.operation.name', 'order_total'];
    assert.match(checkVariableName('api_password', taken).problem ?? '', /already exists.*one namespace/);
    assert.match(checkVariableName('ORDER_TOTAL', taken).problem ?? '', /already exists/);
    assert.equal(checkVariableName('api_password', taken, 'API_PASSWORD').ok, true);
    assert.equal(checkVariableName('api_password_2', taken).ok, true);
  });
});

describe('workspace: manifest edits', () => {
  it('creates the manifest when absent, with a default environment and the hidden variable (no value)', () => {
    const text = editManifest(undefined, { kind: 'add', variable: { name: 'sftp_password', hidden: true, description: 'SFTP login' } });
    const m = readManifest(text);
    assert.deepEqual(m.environments, ['default']);
    assert.deepEqual(m.variables, [{ name: 'sftp_password', description: 'SFTP login', hidden: true, values: undefined }]);
    assert.ok(text.endsWith('\n'));
  });

  it('keeps unknown keys and refuses duplicates and invalid names', () => {
    const base = JSON.stringify({ $schema: 'x', environments: ['dev', 'prod'], owner: 'team-a', variables: [{ name: 'a', hidden: false, note: 'keep' }] });
    const next = JSON.parse(editManifest(base, { kind: 'add', variable: { name: 'b', hidden: false, values: { dev: 'https://dev' } } }));
    assert.equal(next.owner, 'team-a');
    assert.equal(next.variables[0].note, 'keep');
    assert.deepEqual(next.variables[1], { name: 'b', hidden: false, values: { dev: 'https://dev' } });
    assert.deepEqual(Object.keys(next).slice(0, 3), ['$schema', 'environments', 'variables']);
    assert.throws(() => editManifest(base, { kind: 'add', variable: { name: 'A', hidden: true } }), /already exists/);
    assert.throws(() => editManifest(base, { kind: 'add', variable: { name: 'x-y', hidden: true } }), /hyphen/);
    assert.throws(() => editManifest(base, { kind: 'add', variable: { name: 'order', hidden: true }, taken: ['ORDER'] }), /one namespace/);
  });

  it('never stores a value of a hidden variable; hiding drops its clear-text values', () => {
    assert.throws(() => editManifest(undefined, { kind: 'add', variable: { name: 'pw', hidden: true, values: { dev: 's3cr3t' } } }), ManifestEditError);
    const withValue = editManifest(undefined, { kind: 'add', variable: { name: 'url', hidden: false, values: { default: 'https://x' } } });
    const hidden = editManifest(withValue, { kind: 'setHidden', name: 'URL', hidden: true });
    assert.equal(JSON.parse(hidden).variables[0].values, undefined);
    assert.throws(() => editManifest(hidden, { kind: 'setValue', name: 'url', environment: 'default', value: 'https://y' }), /never into the manifest/);
  });

  it('renames, removes, sets values and adds environments', () => {
    let t = editManifest(undefined, { kind: 'add', variable: { name: 'a', hidden: false } });
    t = editManifest(t, { kind: 'add', variable: { name: 'b', hidden: true } });
    t = editManifest(t, { kind: 'rename', name: 'a', newName: 'a2' });
    assert.throws(() => editManifest(t, { kind: 'rename', name: 'a2', newName: 'B' }), /already exists/);
    t = editManifest(t, { kind: 'setValue', name: 'a2', environment: 'default', value: 'v' });
    t = editManifest(t, { kind: 'addEnvironment', name: 'prod' });
    assert.throws(() => editManifest(t, { kind: 'addEnvironment', name: 'PROD' }), /already exists/);
    t = editManifest(t, { kind: 'remove', name: 'b' });
    assert.deepEqual(JSON.parse(t), { environments: ['default', 'prod'], variables: [{ name: 'a2', hidden: false, values: { default: 'v' } }] });
    assert.throws(() => editManifest(t, { kind: 'remove', name: 'b' }), /not in the project-variables manifest/);
    assert.throws(() => editManifest('{ not json', { kind: 'remove', name: 'b' }), /not valid JSON/);
  });
});

describe('workspace: merge of variable sources', () => {
  it('reads Cloud Studio export components with descriptions; hidden values are never carried', () => {
    const decls = fileDeclarations('/p/export.json', read(EXPORT));
    const byName = new Map(decls.map((d) => [d.name, d]));
    assert.deepEqual([...byName.keys()].sort(), ['harbor_api_key', 'harbor_db_password', 'harbor_region']);
    assert.equal(byName.get('harbor_api_key')?.description, 'Carrier API key');
    assert.equal(byName.get('harbor_api_key')?.value, 'PPa17zkEDHu5WYif5xOELeUdht9wNWnx');
    assert.equal(byName.get('harbor_db_password')?.hidden, true);
    assert.equal(byName.get('harbor_db_password')?.value, undefined);
    assert.ok(decls.every((d) => d.kind === 'cloud-export' && !d.readOnly));
  });

  it('reads Design Studio ProjectVariable entities as read-only, with their description', () => {
    const [d] = fileDeclarations('/p/Data/ProjectVariable/x.xml', read(DS_PV));
    assert.equal(d.name, 'dock_ftp_password');
    assert.equal(d.kind, 'design-studio');
    assert.equal(d.readOnly, true);
    assert.equal(d.description, 'Password for the dock "drop" FTP');
  });

  it('merges manifest, export and Design Studio: manifest spelling and description win, hidden wins, environments from the manifest', () => {
    const manifest = {
      path: '/p/.jitterbit/project-variables.json',
      text: JSON.stringify({
        environments: ['dev', 'prod'],
        variables: [
          { name: 'HARBOR_API_KEY', description: 'From the manifest', hidden: true },
          { name: 'base_url', hidden: false, values: { dev: 'https://dev.example.test' } },
          { name: 'base_url', hidden: false },
        ],
      }),
    };
    const model = mergeProjectVariables({
      manifest,
      declarations: [...fileDeclarations('/p/export.json', read(EXPORT)), ...fileDeclarations('/p/Data/ProjectVariable/x.xml', read(DS_PV))],
    });
    assert.deepEqual(model.environments, ['dev', 'prod']);
    const names = model.variables.map((v) => v.name);
    assert.deepEqual(names, ['base_url', 'dock_ftp_password', 'harbor_db_password', 'HARBOR_API_KEY', 'harbor_region'].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const key = model.variables.find((v) => v.name === 'HARBOR_API_KEY');
    assert.ok(key);
    assert.equal(key.hidden, true, 'hidden in the manifest, visible in the export → hidden');
    assert.equal(key.description, 'From the manifest');
    assert.equal(key.declarations.length, 2);
    assert.equal(key.inManifest, true);
    assert.ok(model.problems.some((p) => p.path === '/p/export.json' && /treated as hidden/.test(p.message)));
    assert.ok(model.problems.some((p) => /base_url is listed twice/.test(p.message)));
    const dock = model.variables.find((v) => v.name === 'dock_ftp_password');
    assert.equal(dock?.readOnly, true);
    assert.equal(dock?.inManifest, false);
    assert.deepEqual(model.variables.find((v) => v.name === 'base_url')?.values, { dev: 'https://dev.example.test' });
  });

  it('falls back to the configured environments, then to default; flags names Jitterbit refuses', () => {
    const decl = { name: 'bad-name', kind: 'cloud-export' as const, path: '/p/e.json', hidden: false, readOnly: false };
    const a = mergeProjectVariables({ declarations: [decl], fallbackEnvironments: ['test', 'prod'] });
    assert.deepEqual(a.environments, ['test', 'prod']);
    assert.ok(a.problems.some((p) => /hyphen/.test(p.message)));
    assert.deepEqual(mergeProjectVariables({ declarations: [] }).environments, ['default']);
  });

  it('reports a manifest hidden variable that holds values, and never exposes them', () => {
    const m = mergeProjectVariables({
      manifest: { path: '/m.json', text: JSON.stringify({ variables: [{ name: 'pw', hidden: true, values: { dev: 'leak' } }] }) },
      declarations: [],
    });
    assert.deepEqual(m.variables[0].values, {});
    assert.ok(m.problems.some((p) => /move them to the vault/.test(p.message)));
  });
});
