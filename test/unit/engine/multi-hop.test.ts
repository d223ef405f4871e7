import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG } from '../../../core/src/index';

/**
 * Flows of several hops between scripts: a global set in one script from a global another script tainted, and
 * RunScript arguments passed on by the called script, are followed to the sink (each round of the second pass
 * passes on what the last one learned).
 */

const SCRIPTS: Record<string, string> = {
  // The header is sensitive; the SSN goes down a RunScript chain.
  '/w/a.jb': '<trans>\n$inbound.hdr = $jitterbit.api.request.headers.authorization;\nRunScript("<TAG>script:b</TAG>", root$transaction.request$body$Employee$SSN$);\n</trans>',
  '/w/b.jb': '<trans>\n$stage.one = "seen " + $inbound.hdr;\nRunScript("<TAG>script:c</TAG>", _1);\n</trans>',
  '/w/c.jb': '<trans>\n$stage.two = $stage.one;\nWriteToOperationLog("value " + _1);\n</trans>',
  '/w/d.jb': '<trans>\n$stage.three = Trim($stage.two);\n</trans>',
  '/w/e.jb': '<trans>\nWriteToOperationLog("final " + $stage.three);\nWriteToOperationLog("count " + Length($stage.three));\n</trans>',
};

function logged(): Map<string, string[]> {
  const project = createProject({ retainTrees: false, fixes: false });
  for (const [p, t] of Object.entries(SCRIPTS)) project.setFile(p, t);
  const out = new Map<string, string[]>();
  for (const a of project.analyzeAll(() => DEFAULT_CONFIG)) {
    out.set(a.path, a.findings.filter((f) => f.ruleId === 'logging/sensitive-data').map((f) => `${f.range.start.line + 1}: ${f.message}`));
  }
  return out;
}

describe('engine: flows of several hops between scripts', () => {
  const found = logged();

  it('follows a global through three scripts to the sink of a fourth', () => {
    const e = found.get('/w/e.jb') ?? [];
    assert.equal(e.length, 1, JSON.stringify(e));
    assert.match(e[0], /^2: .*\$stage\.three.*\$stage\.two.*\$stage\.one/);
  });

  it('follows a RunScript argument passed on by the called script', () => {
    const c = found.get('/w/c.jb') ?? [];
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /^3: .*source field `SSN`.*passed as `_1` by a\.jb.*passed as `_1` by b\.jb/);
  });

  it('leaves the scripts that log nothing sensitive alone', () => {
    assert.deepEqual(found.get('/w/a.jb'), []);
    assert.deepEqual(found.get('/w/b.jb'), []);
    assert.deepEqual(found.get('/w/d.jb'), []);
  });

  it('follows a chain of nine scripts, with the related location at the last store', () => {
    const project = createProject({ retainTrees: false, fixes: false });
    project.setFile('/w/h0.jb', '<trans>\n// the key\n$lc.v0 = $jitterbit.api.request.headers.x_api_key;\n</trans>');
    for (let i = 1; i <= 8; i++) project.setFile(`/w/h${i}.jb`, `<trans>\n$lc.v${i} = "s:" + $lc.v${i - 1};\n</trans>`);
    project.setFile('/w/log.jb', '<trans>\nWriteToOperationLog("x " + $lc.v8);\n</trans>');
    const log = project.analyzeAll(() => DEFAULT_CONFIG).find((a) => a.path === '/w/log.jb');
    const f = log?.findings.find((x) => x.ruleId === 'logging/sensitive-data');
    assert.ok(f, 'found at the end of the chain');
    assert.deepEqual(f.related?.map((r) => [r.path, r.range.start.line]), [['/w/h8.jb', 1]], 'where $lc.v8 is set');
  });

  it('points a header stored in a global at the store, not at the top of the file', () => {
    const project = createProject({ retainTrees: false, fixes: false });
    project.setFile('/w/a.jb', '<trans>\n// a\n// b\nx = 1;\n$g.v = $jitterbit.api.request.headers.authorization;\n</trans>');
    project.setFile('/w/b.jb', '<trans>\nWriteToOperationLog($g.v);\n</trans>');
    const f = project.analyzeAll(() => DEFAULT_CONFIG).find((a) => a.path === '/w/b.jb')?.findings[0];
    assert.deepEqual(f?.related?.map((r) => [r.path, r.range.start.line]), [['/w/a.jb', 4]]);
  });
});
