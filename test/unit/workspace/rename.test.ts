import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProject,
  harmonyExportText,
  HARMONY_EXPORT_FORMAT,
  importIntoManifest,
  mergeProjectVariables,
  fileDeclarations,
  manifestDeclarations,
  renameVariableEdits,
  type OffsetEdit,
} from '../../../core/src/index';

const EXPORT = join(__dirname, '../../fixtures/hosts/export/harbor-logistics.json');
const MANIFEST = '/p/.jitterbit/project-variables.json';

function apply(text: string, edits: OffsetEdit[] = []): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Renames through the core's own occurrences, the way the server does, and returns every file's new text. */
function rename(files: Record<string, string>, oldName: string, newName: string): { texts: Record<string, string>; problems: string[] } {
  const project = createProject();
  for (const [p, t] of Object.entries(files)) project.setFile(p, t);
  const r = renameVariableEdits({
    oldName,
    newName,
    files: Object.entries(files).map(([path, text]) => ({ path, text })),
    occurrences: project.variableOccurrences(oldName),
    taken: project.variableNames().map((v) => v.name),
    manifestPath: files[MANIFEST] !== undefined ? MANIFEST : undefined,
  });
  const texts: Record<string, string> = {};
  for (const [p, t] of Object.entries(files)) texts[p] = apply(t, r.edits.get(p));
  return { texts, problems: r.problems };
}

describe('workspace: rename edits across files and forms', () => {
  const manifest = JSON.stringify({ environments: ['dev'], variables: [{ name: 'api_token', hidden: true }] });

  it('renames $name and Get("name") in Jitterbit Script, $name and GetVar("$name") in JavaScript, and the manifest', () => {
    const files = {
      '/p/a.jb': '<trans>\nHttpGet("https://x", "", "Authorization: " + $api_token);\n$copy = Get("api_token");\n</trans>',
      '/p/b.js': '<javascript>\nvar h = $api_token;\nvar g = Jitterbit.GetVar("$api_token");\n</javascript>',
      [MANIFEST]: manifest,
    };
    const { texts, problems } = rename(files, 'api_token', 'carrier_token');
    assert.deepEqual(problems, []);
    assert.equal(texts['/p/a.jb'], '<trans>\nHttpGet("https://x", "", "Authorization: " + $carrier_token);\n$copy = Get("carrier_token");\n</trans>');
    assert.equal(texts['/p/b.js'], '<javascript>\nvar h = $carrier_token;\nvar g = Jitterbit.GetVar("$carrier_token");\n</javascript>');
    assert.deepEqual(JSON.parse(texts[MANIFEST]).variables, [{ name: 'carrier_token', hidden: true }]);
  });

  it('a dotted new name turns a JavaScript $name read into Jitterbit.GetVar("$new.name"); Jitterbit Script keeps $new.name', () => {
    const files = {
      '/p/a.jb': '<trans>\nx = $api_token;\n</trans>',
      '/p/b.js': '<javascript>\nvar h = $api_token;\n</javascript>',
    };
    const { texts, problems } = rename(files, 'api_token', 'carrier.token');
    assert.deepEqual(problems, []);
    assert.equal(texts['/p/a.jb'], '<trans>\nx = $carrier.token;\n</trans>');
    assert.equal(texts['/p/b.js'], '<javascript>\nvar h = Jitterbit.GetVar("$carrier.token");\n</javascript>');
  });

  it('refuses a dotted name where JavaScript assigns the variable, and changes nothing', () => {
    const r = rename({ '/p/b.js': '<javascript>\n$api_token = "x";\n</javascript>' }, 'api_token', 'carrier.token');
    assert.match(r.problems.join(), /Jitterbit\.SetVar/);
    assert.equal(r.texts['/p/b.js'], '<javascript>\n$api_token = "x";\n</javascript>');
  });

  it('renames inside a Cloud Studio export: the component name, script references (JSON-escaped) and [name] references', () => {
    const text = readFileSync(EXPORT, 'utf8');
    const { texts, problems } = rename({ '/p/export.json': text }, 'harbor_api_key', 'carrier_api_key');
    assert.deepEqual(problems, []);
    const after = texts['/p/export.json'];
    assert.ok(!/harbor_api_key/i.test(after), 'no old name left');
    const json = JSON.parse(after);
    assert.ok(json.projectVariables.some((v: { name: string; description?: string }) => v.name === 'carrier_api_key' && v.description === 'Carrier API key'));
    assert.match(after, /"token": "\[carrier_api_key\]"/);
    // Only the name changed: same length difference times the number of references.
    const refs = (text.match(/harbor_api_key/g) ?? []).length;
    assert.equal(after.length - text.length, refs * ('carrier_api_key'.length - 'harbor_api_key'.length));
  });

  it('renames a dotted export global re-encoded inside a JSON string script', () => {
    const script = '<javascript>\\nvar s = $tok;\\n</javascript>';
    const text = `{"projectVariables":[{"name":"tok","type":1000,"hidden":true}],"components":[{"type":400,"name":"S","scriptBody":"${script}"}]}`;
    const { texts, problems } = rename({ '/p/e.json': text }, 'tok', 'a.tok');
    assert.deepEqual(problems, []);
    const json = JSON.parse(texts['/p/e.json']);
    assert.equal(json.components[0].scriptBody, '<javascript>\nvar s = Jitterbit.GetVar("$a.tok");\n</javascript>');
    assert.equal(json.projectVariables[0].name, 'a.tok');
  });

  it('refuses to rename a variable a read-only Design Studio entity declares', () => {
    const ds = readFileSync(join(__dirname, '../../fixtures/hosts/design-studio/Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml'), 'utf8');
    const r = rename({ '/p/Data/ProjectVariable/x.xml': ds, '/p/a.jb': '<trans>\nx = $dock_ftp_password;\n</trans>' }, 'dock_ftp_password', 'dock_pw');
    assert.match(r.problems.join(), /read-only/);
    assert.equal(r.texts['/p/a.jb'], '<trans>\nx = $dock_ftp_password;\n</trans>');
  });

  it('refuses invalid or taken names', () => {
    const files = { '/p/a.jb': '<trans>\n$other = 1;\nx = $api_token;\n</trans>' };
    assert.match(rename(files, 'api_token', 'api-token').problems.join(), /hyphen/);
    assert.match(rename(files, 'api_token', 'OTHER').problems.join(), /already exists/);
    assert.match(rename(files, 'api_token', 'jitterbit.x').problems.join(), /reserved/);
    assert.deepEqual(rename(files, 'api_token', 'API_TOKEN').problems, [], 'a change of case is not a collision with itself');
  });
});

describe('workspace: the variable list for Harmony', () => {
  const manifestText = JSON.stringify({
    environments: ['dev', 'prod'],
    variables: [
      { name: 'db_password', description: 'DB login', hidden: true },
      { name: 'base_url', hidden: false, values: { dev: 'https://dev.example.test', prod: 'https://example.test' } },
    ],
  });

  it('exports names, descriptions, hidden flags and non-secret values — never a value of a hidden variable', () => {
    const model = mergeProjectVariables({ manifest: { path: MANIFEST, text: manifestText }, declarations: fileDeclarations('/p/export.json', readFileSync(EXPORT, 'utf8')) });
    const text = harmonyExportText(model);
    const json = JSON.parse(text);
    assert.equal(json.format, HARMONY_EXPORT_FORMAT);
    assert.deepEqual(json.environments, ['dev', 'prod']);
    assert.deepEqual(json.projectVariables.find((v: { name: string }) => v.name === 'db_password'), { name: 'db_password', hidden: true, description: 'DB login' });
    assert.deepEqual(json.projectVariables.find((v: { name: string }) => v.name === 'base_url').values, { dev: 'https://dev.example.test', prod: 'https://example.test' });
    // The export's clear-text and encrypted values never reach the list.
    assert.ok(!text.includes('PPa17zkEDHu5WYif5xOELeUdht9wNWnx'));
    assert.ok(!text.includes('DXxg9swQOOVtHfZPgnXXe8DpZ1a6g0IFhU449jM2vIK3Fy9kYRM13g=='));
  });

  it('imports our own export round-trip, and a Cloud Studio export by names, descriptions and hidden flags', () => {
    const model = mergeProjectVariables({ manifest: { path: MANIFEST, text: manifestText }, declarations: [] });
    const round = importIntoManifest(undefined, 'list.json', harmonyExportText(model));
    assert.deepEqual(round.added, ['base_url', 'db_password']);
    assert.deepEqual(manifestDeclarations(MANIFEST, round.text).declarations.map((d) => [d.name, d.hidden, d.values]), [
      ['base_url', false, { dev: 'https://dev.example.test', prod: 'https://example.test' }],
      ['db_password', true, undefined],
    ]);
    const fromExport = importIntoManifest(round.text, 'harbor.json', readFileSync(EXPORT, 'utf8'));
    assert.deepEqual(fromExport.added.sort(), ['harbor_api_key', 'harbor_db_password', 'harbor_region']);
    assert.ok(!fromExport.text.includes('PPa17zkEDHu5WYif5xOELeUdht9wNWnx'), 'clear-text export values are not imported');
    const again = importIntoManifest(fromExport.text, 'harbor.json', readFileSync(EXPORT, 'utf8'));
    assert.deepEqual(again.added, []);
    assert.equal(again.text, fromExport.text);
  });

  it('imports a Design Studio ProjectVariable entity, and refuses another XML file', () => {
    const ds = readFileSync(join(__dirname, '../../fixtures/hosts/design-studio/Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml'), 'utf8');
    const r = importIntoManifest(undefined, 'pv.xml', ds);
    assert.deepEqual(JSON.parse(r.text).variables, [{ name: 'dock_ftp_password', description: 'Password for the dock "drop" FTP', hidden: false }]);
    assert.ok(!r.text.includes('Pier&Anchor'), 'its clear value is not imported');
    const script = readFileSync(join(__dirname, '../../fixtures/hosts/design-studio/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml'), 'utf8');
    assert.throws(() => importIntoManifest(undefined, 'script.xml', script), /not a Design Studio ProjectVariable entity/);
  });

  it('an import hides a known visible variable the export hides, and skips names Jitterbit refuses', () => {
    const start = JSON.stringify({ environments: ['dev'], variables: [{ name: 'harbor_db_password', hidden: false, values: { dev: 'x' } }] });
    const r = importIntoManifest(start, 'harbor.json', readFileSync(EXPORT, 'utf8'));
    assert.deepEqual(r.updated, ['harbor_db_password']);
    const v = JSON.parse(r.text).variables.find((x: { name: string }) => x.name === 'harbor_db_password');
    assert.deepEqual(v, { name: 'harbor_db_password', hidden: true });
    const bad = importIntoManifest(undefined, 'l.json', JSON.stringify({ format: HARMONY_EXPORT_FORMAT, version: 1, environments: [], projectVariables: [{ name: 'a b', hidden: false }] }));
    assert.equal(bad.skipped.length, 1);
    assert.match(bad.skipped[0].reason, /space/);
    assert.throws(() => importIntoManifest(undefined, 'x.json', '{'), /not valid JSON/);
  });
});
