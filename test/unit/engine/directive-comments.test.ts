import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG } from '../../../core/src/index';

/**
 * Directives found by the real pipeline (parser comments, host comments), not by a test scanner: the problem spans
 * the whole comment, markers included, and the "remove unused directive" fix leaves no bare `//`, `/*` or `#`.
 */

function unusedFix(path: string, text: string): { shown: string; fixed: string } {
  const project = createProject();
  project.setFile(path, text);
  const problems = project.analyzeFile(path, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === 'directives/unused');
  assert.equal(problems.length, 1, `one unused directive in ${path}`);
  const p = problems[0];
  assert.equal(p.fixes.length, 1);
  const [e] = p.fixes[0].edits;
  return { shown: text.slice(p.start, p.end), fixed: text.slice(0, e.start) + e.newText + text.slice(e.end) };
}

describe('directives: comments of every host', () => {
  it('Jitterbit Script: a trailing line comment goes with its marker', () => {
    const r = unusedFix('/w/a.jb', '<trans>\nx = 1; // jitterbit-guard-disable-line secrets/credential-name -- r\n</trans>\n');
    assert.equal(r.shown, '// jitterbit-guard-disable-line secrets/credential-name -- r');
    assert.equal(r.fixed, '<trans>\nx = 1;\n</trans>\n');
  });

  it('Jitterbit Script: a trailing block comment goes whole (no `/*` left to swallow the rest)', () => {
    const r = unusedFix('/w/a.jb', '<trans>\ny = 2; /* gitleaks:allow */\nz = 3;\n</trans>\n');
    assert.equal(r.shown, '/* gitleaks:allow */');
    assert.equal(r.fixed, '<trans>\ny = 2;\nz = 3;\n</trans>\n');
  });

  it('JavaScript', () => {
    const r = unusedFix('/w/b.js', '<javascript>\nvar x = 1; // jitterbit-guard-disable-line secrets/credential-name -- r\n</javascript>\n');
    assert.equal(r.fixed, '<javascript>\nvar x = 1;\n</javascript>\n');
  });

  it('jitterbit.conf `#` line', () => {
    const r = unusedFix('/w/jitterbit.conf', '[SMTP]\n# jitterbit-guard-disable-next-line secrets/agent-config -- r\nport=26\n');
    assert.equal(r.shown, '# jitterbit-guard-disable-next-line secrets/agent-config -- r');
    assert.equal(r.fixed, '[SMTP]\nport=26\n');
  });

  it('a script inside a JSON export: the comment goes, the export stays valid', () => {
    const script = '<trans>\n// jitterbit-guard-disable-next-line secrets/credential-name -- r\nx = 1;\n</trans>';
    const doc = JSON.stringify({ name: 'P', components: [{ type: 400, name: 'S', id: 'c1', scriptType: 1, scriptBody: script }] }, null, 2);
    const r = unusedFix('/w/export.json', doc);
    assert.ok(r.shown.startsWith('// jitterbit-guard-disable-next-line'), r.shown);
    const body = (JSON.parse(r.fixed) as { components: { scriptBody: string }[] }).components[0].scriptBody;
    assert.ok(!body.includes('//') && body.includes('x = 1;'), body);
  });
});
