import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG, type Finding } from '../../../core/src/index';

/** Batch runs build no fixes (reports carry none): the findings must be the same ones, fixes aside. */

// Values generated for the test (not real credentials or people).
const SCRIPT = [
  '<trans>',
  '$erp.api_password = "Nq7vX2kLp9WzR4tB";',
  'WriteToOperationLog("calling with " + $erp.api_password);',
  '$contact = "maria.kowalski@brightwater-freight.com";',
  'DebugBreak();',
  '$url = "http://erp.northwind-ops.com/api?token=" + $erp.api_password;',
  '</trans>',
].join('\n');

function lint(fixes: boolean): Finding[] {
  const project = createProject({ retainTrees: false, fixes });
  project.setFile('/w/a.jb', SCRIPT);
  project.setFile('/w/b.jb', '<trans>\nRaiseError("erp " + $erp.api_password);\n</trans>');
  return project.analyzeAll(() => DEFAULT_CONFIG).flatMap((a) => a.findings);
}

describe('engine: projects without fixes', () => {
  it('report the same findings, without fixes', () => {
    const withFixes = lint(true);
    const without = lint(false);
    assert.ok(withFixes.some((f) => f.fixes.length > 0), 'the fixture has fixable findings');
    assert.ok(without.every((f) => f.fixes.length === 0), 'no fixes are built');
    const strip = (fs: Finding[]) => fs.map(({ fixes: _fixes, ...rest }) => rest);
    assert.deepEqual(strip(without), strip(withFixes));
    assert.ok(withFixes.length >= 5, `findings: ${withFixes.map((f) => f.ruleId).join(', ')}`);
  });
});
