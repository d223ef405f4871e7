import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG } from '../../../core/src/index';

/**
 * `RunScript(ref, a, b)` hands its arguments to the called script as `_1`, `_2` (or as the names `ArgumentList`
 * gives them): sensitive data passed that way and logged in the callee is found there, as for a global.
 */

// A fake credential, generated for the test.
const CALLER = [
  '<trans>',
  '$erp.token = "Qv7mZ2kX9pL4wR8tB3nY";',
  'RunScript("<TAG>script:Log Helper</TAG>", $erp.token, Length($erp.token));',
  'RunScript("<TAG>script:Named Args</TAG>", $pv_api_key);',
  '</trans>',
].join('\n');
const HELPER = '<trans>\nWriteToOperationLog("helper got " + _1);\nWriteToOperationLog("length " + _2);\n</trans>';
const NAMED = '<trans>\nArgumentList(key, mode);\nRaiseError("failed with " + key);\nWriteToOperationLog("mode " + mode);\n</trans>';
const OTHER = '<trans>\nWriteToOperationLog("other got " + _1);\n</trans>';

function logging(findings: { ruleId: string; message: string; range: { start: { line: number } } }[]) {
  return findings.filter((f) => f.ruleId === 'logging/sensitive-data').map((f) => ({ line: f.range.start.line, message: f.message }));
}

describe('engine: RunScript arguments across scripts', () => {
  const project = createProject({ retainTrees: false });
  project.setFile('/w/caller.jb', CALLER);
  project.setFile('/w/Log Helper.jb', HELPER);
  project.setFile('/w/Named Args.jb', NAMED);
  project.setFile('/w/Other.jb', OTHER);
  const byPath = new Map(project.analyzeAll(() => DEFAULT_CONFIG).map((a) => [a.path, a.findings]));

  it('finds a credential passed as `_1` and logged in the called script, with where it came from', () => {
    const found = logging(byPath.get('/w/Log Helper.jb') ?? []);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].line, 1, 'the sink of `_1`; `_2` is a length, not the value');
    assert.match(found[0].message, /passed as `_1` by caller\.jb/);
    assert.ok(!found[0].message.includes('Qv7mZ2kX9pL4wR8tB3nY'), 'no value in the message');
  });

  it('follows the names ArgumentList gives the arguments', () => {
    const found = logging(byPath.get('/w/Named Args.jb') ?? []);
    assert.deepEqual(found.map((f) => f.line), [2], JSON.stringify(found));
    assert.match(found[0].message, /pv_api_key/);
  });

  it('reaches only the script the call names', () => {
    assert.deepEqual(logging(byPath.get('/w/Other.jb') ?? []), []);
  });

  it('gives the same findings file by file as in one batch (the editor analyses one file at a time)', () => {
    for (const path of ['/w/Log Helper.jb', '/w/Named Args.jb', '/w/Other.jb']) {
      assert.deepEqual(project.analyzeFile(path, DEFAULT_CONFIG).findings, byPath.get(path), path);
    }
  });

  it('links the caller and the callee as dependents (an edit to one refreshes the other)', () => {
    assert.ok(project.dependentsOf('/w/caller.jb').includes('/w/Log Helper.jb'));
    assert.ok(project.dependentsOf('/w/Log Helper.jb').includes('/w/caller.jb'));
  });
});

/**
 * What a script returns (a Jitterbit Script's last statement's value, JavaScript's `SetScriptResult`) is what
 * `RunScript` gives its caller: a session or secret returned and logged by the caller is found there.
 */
describe('engine: RunScript results across scripts', () => {
  const CALLER_R = [
    '<trans>',
    'tok = RunScript("<TAG>script:Get Token</TAG>");',
    'WriteToOperationLog("token " + tok);',
    'n = RunScript("<TAG>script:Count Rows</TAG>");',
    'WriteToOperationLog("rows " + n);',
    'e = RunScript("<TAG>script:Echo</TAG>", $jitterbit.api.request.headers.authorization);',
    'RaiseError("echo " + e);',
    'k = RunScript("sc.4e8a1c3f-6b2d-4f90-a7e5-00000000000a");',
    'SetLastError("key " + k);',
    '</trans>',
  ].join('\n');
  const files: Record<string, string> = {
    '/w/caller.jb': CALLER_R,
    '/w/Get Token.jb': '<trans>\n$sf.sess = SalesforceLogin("sf_org");\n</trans>',
    '/w/Count Rows.jb': '<trans>\nrows = Length($api_token);\nrows\n</trans>',
    '/w/Echo.jb': '<trans>\nx = "seen " + _1;\nx\n</trans>',
    '/w/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-00000000000a.js': '<javascript>\nvar k = Jitterbit.GetVar("$erp_api_key");\nSetScriptResult(k);\n</javascript>',
  };
  const project = createProject({ retainTrees: false });
  for (const [p, t] of Object.entries(files)) project.setFile(p, t);
  const byPath = new Map(project.analyzeAll(() => DEFAULT_CONFIG).map((a) => [a.path, a.findings]));

  it('finds a returned session, an argument returned back and a JavaScript result, not a returned count', () => {
    const found = logging(byPath.get('/w/caller.jb') ?? []);
    assert.deepEqual(found.map((f) => f.line), [2, 6, 8], JSON.stringify(found));
    assert.match(found[0].message, /SalesforceLogin.*returned by Get Token\.jb/);
    assert.match(found[1].message, /authorization.*passed as `_1` by caller\.jb.*returned by Echo\.jb/);
    assert.match(found[2].message, /erp_api_key.*returned by 4e8a1c3f/);
  });

  it('points at the statement that returns the value', () => {
    const f = (byPath.get('/w/caller.jb') ?? []).find((x) => x.ruleId === 'logging/sensitive-data' && x.range.start.line === 2);
    assert.deepEqual(f?.related?.map((r) => [r.path, r.range.start.line]), [['/w/Get Token.jb', 1]]);
  });

  it('gives the editor the same findings file by file (an argument returned back too), and links the callee to its caller', () => {
    const editor = createProject();
    for (const [p, t] of Object.entries(files)) editor.setFile(p, t);
    const found = logging(editor.analyzeFile('/w/caller.jb', DEFAULT_CONFIG).findings);
    assert.deepEqual(found.map((f) => f.line), [2, 6, 8], 'the argument returned back takes a second round, as in batch runs');
    assert.ok(editor.dependentsOf('/w/Get Token.jb').includes('/w/caller.jb'));
    assert.ok(editor.dependentsOf('/w/caller.jb').includes('/w/Echo.jb'));
  });
});
