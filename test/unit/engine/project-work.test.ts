import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG } from '../../../core/src/index';

/**
 * An editor summarises a changed file (to find the files that depend on it) right before it analyses it: the
 * parse and the flow pass must run once for both, and the findings must be those of a fresh analysis.
 */

// A fake API key, generated for the test.
const V1 = '<trans>\n$ctx.token = "q7Wm2xRv9LpT4kZn8YbC";\nWriteToOperationLog("token: " + $ctx.token);\n</trans>\n';
const V2 = V1.replace('"token: "', '"the token: "');
const READER = '<trans>\nRaiseError("failed with " + $ctx.token);\n</trans>\n';

function fresh(path: string, text: string, others: Record<string, string> = {}) {
  const p = createProject({ retainTrees: false, keepOccurrences: true });
  for (const [k, v] of Object.entries(others)) p.setFile(k, v);
  p.setFile(path, text);
  return p.analyzeFile(path, DEFAULT_CONFIG).findings;
}

describe('project: work done per edit', () => {
  it('parses and runs the flow once when a file is summarised for its dependents, then analysed', () => {
    const project = createProject({ retainTrees: false, keepOccurrences: true });
    project.setFile('/w/a.jb', V1, 1);
    project.dependentsOf('/w/a.jb');
    const first = project.analyzeFile('/w/a.jb', DEFAULT_CONFIG);
    assert.deepEqual(project.work, { parses: 1, flows: 1, reparsed: 0 });
    assert.deepEqual(first.findings, fresh('/w/a.jb', V1));
    assert.ok(first.findings.some((f) => f.ruleId.startsWith('secrets/')) && first.findings.some((f) => f.ruleId.startsWith('logging/')));

    project.setFile('/w/a.jb', V2, 2);
    project.dependentsOf('/w/a.jb');
    const second = project.analyzeFile('/w/a.jb', DEFAULT_CONFIG);
    assert.deepEqual(project.work, { parses: 2, flows: 2, reparsed: 0 });
    assert.deepEqual(second.findings, fresh('/w/a.jb', V2));
  });

  it('reuses the parse for the second flow pass of a file that reads another file\'s tainted global', () => {
    const project = createProject({ retainTrees: false, keepOccurrences: true });
    project.setFile('/w/a.jb', V1, 1);
    project.setFile('/w/b.jb', READER, 1);
    project.prepare('/w/a.jb');
    const before = { ...project.work };
    project.dependentsOf('/w/b.jb');
    const b = project.analyzeFile('/w/b.jb', DEFAULT_CONFIG);
    // The cross-file pass runs twice: once in the editor's rounds (what b.jb passes on) and once for its findings.
    assert.deepEqual(project.work, { parses: before.parses + 1, flows: before.flows + 3, reparsed: 0 }, 'one parse, a local and two cross-file flow passes');
    assert.ok(b.findings.some((f) => f.ruleId.startsWith('logging/') && /ctx\.token/.test(f.message)), JSON.stringify(b.findings));
    assert.deepEqual(b.findings, fresh('/w/b.jb', READER, { '/w/a.jb': V1 }));
  });

  it('does not reuse facts of an older text of the file', () => {
    const project = createProject({ retainTrees: false, keepOccurrences: true });
    project.setFile('/w/a.jb', V1, 1);
    project.dependentsOf('/w/a.jb');
    project.setFile('/w/a.jb', '<trans>\nx = 1;\n</trans>\n', 2);
    assert.deepEqual(project.analyzeFile('/w/a.jb', DEFAULT_CONFIG).findings, []);
  });

  it('re-parses an edited open document only around the edit, with the findings of a fresh analysis', () => {
    const lines = ['<trans>'];
    for (let i = 0; i < 300; i++) lines.push(`count_${i} = Length($orders.list_${i % 7});`, `WriteToOperationLog("batch ${i}: " + count_${i});`);
    lines.push('</trans>');
    let text = lines.join('\n');
    const project = createProject({ retainTrees: false, keepOccurrences: true, reparseEdits: true });
    project.setFile('/w/big.jb', text, 1);
    project.analyzeFile('/w/big.jb', DEFAULT_CONFIG);
    const edits: [string, string][] = [
      ['count_150 = ', 'count_150 = $api_password + '],
      ['"batch 20: "', '"batch 20 (token " + "ghp_Zq8vN3kLp7Wx2RtYb4cHd9mF6sJ1uA0eTgQx" + "): "'],
      ['Length($orders.list_3);\nWriteToOperationLog("batch 10', 'Length($orders.list_3);\n/* paused\nWriteToOperationLog("batch 10'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const version = project.work.parses + 2;
      project.setFile('/w/big.jb', text, version);
      project.dependentsOf('/w/big.jb');
      const a = project.analyzeFile('/w/big.jb', DEFAULT_CONFIG);
      assert.deepEqual(a.findings, fresh('/w/big.jb', text), from);
    }
    assert.equal(project.work.reparsed, 3, 'every edit was re-parsed incrementally');
  });
});
