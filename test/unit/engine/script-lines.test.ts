import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG, type Finding } from '../../../core/src/index';
import { ScriptLineSpace } from '../../../core/src/engine/script-lines';
import { embeddedSuppressionFix } from '../../../core/src/fixes/suppress';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';

/**
 * A JSON export keeps each script in one string, so one host line holds the whole script: directives inside it
 * count the script's own lines (`disable-next-line` is the next script line, `disable-line` only its own line).
 */

// Fake credentials, generated for the test.
const A = 'Xk29vLq7ZpR4tWm8';
const B = 'Hq83nMw2YbT6sPd5';
const C = 'Rf62kJx9WcN3vQa7';

function exportWith(scripts: string[]): string {
  const components = scripts.map((body, i) => ({ type: 400, name: `Script ${i + 1}`, id: `00000000-0000-4000-8000-00000000000${i}`, scriptType: 1, scriptBody: body }));
  return JSON.stringify({ name: 'Directives', id: '11111111-2222-4333-8444-555555555555', projectVariables: [], components }, null, 2);
}

function lint(path: string, text: string): Finding[] {
  const project = createProject({ retainTrees: false });
  project.setFile(path, text);
  return project.analyzeAll(() => DEFAULT_CONFIG)[0].findings;
}

const secrets = (fs: Finding[]): string[] => fs.filter((f) => f.category === 'secret').map((f) => f.masked ?? '');
const problems = (fs: Finding[]): string[] => fs.filter((f) => f.category === 'directive').map((f) => f.ruleId);
const masked = (v: string): string => lint('/w/x.jb', `<trans>\n$a.password = "${v}";\n</trans>`).find((f) => f.category === 'secret')?.masked ?? '?';

describe('engine/script-lines: directives inside scripts held on one host line', () => {
  it('disable-next-line suppresses the next script line only, and counts as used', () => {
    const script = [
      '<trans>',
      '// jitterbit-guard-disable-next-line secrets/credential-name -- rotated fixture account',
      `$a.password = "${A}";`,
      `$b.password = "${B}";`,
      '</trans>',
    ].join('\n');
    const fs = lint('/w/project.json', exportWith([script]));
    assert.deepEqual(secrets(fs), [masked(B)]);
    assert.deepEqual(problems(fs), []);
  });

  it('disable-line suppresses its own script line, not the rest of the script', () => {
    const script = [
      '<trans>',
      `$a.password = "${A}"; // jitterbit-guard-disable-line secrets/credential-name -- rotated fixture account`,
      `$b.password = "${B}";`,
      '</trans>',
    ].join('\n');
    assert.deepEqual(secrets(lint('/w/project.json', exportWith([script]))), [masked(B)]);
  });

  it('keeps scripts apart: a directive on the last line of one script does not reach into the next', () => {
    const first = ['<trans>', `$a.password = "${A}";`, '// jitterbit-guard-disable-next-line secrets/credential-name -- nothing follows', '</trans>'].join('\n');
    const second = ['<trans>', `$c.password = "${C}";`, '</trans>'].join('\n');
    const fs = lint('/w/project.json', exportWith([first, second]));
    assert.deepEqual(secrets(fs).sort(), [masked(A), masked(C)].sort());
    assert.deepEqual(problems(fs), ['directives/unused']);
  });

  it('a disable-file or an open range in one script of an export stays in that script', () => {
    const first = ['<trans>', '// jitterbit-guard-disable-file secrets/credential-name -- fixture script', `$a.password = "${A}";`, '</trans>'].join('\n');
    const second = ['<trans>', `$b.password = "${B}";`, '// jitterbit-guard-disable secrets/* -- never enabled', '</trans>'].join('\n');
    const third = ['<trans>', `$c.password = "${C}";`, '// jitterbit-guard-enable secrets/*', '</trans>'].join('\n');
    const fs = lint('/w/project.json', exportWith([first, second, third]));
    assert.deepEqual(secrets(fs).sort(), [masked(B), masked(C)].sort(), 'the other scripts are still checked');
    const messages = fs.filter((f) => f.category === 'directive').map((f) => f.message);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.ok(messages.some((m) => /"jitterbit-guard-disable secrets\/\*": no finding of secrets\/\* in this range/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /"jitterbit-guard-enable secrets\/\*" re-enables nothing/.test(m)), 'the range ended with its script');
    const unusedFile = lint('/w/p2.json', exportWith([first.replace(`$a.password = "${A}";`, 'x = 1;'), second]));
    assert.ok(unusedFile.some((f) => f.ruleId === 'directives/unused' && /in this script/.test(f.message)));
  });

  it('a disable … enable range covers the script lines between them', () => {
    const script = [
      '<trans>',
      '// jitterbit-guard-disable secrets/credential-name -- legacy block, tracked in OPS-12',
      `$a.password = "${A}";`,
      '// jitterbit-guard-enable secrets/credential-name',
      `$b.password = "${B}";`,
      '</trans>',
    ].join('\n');
    assert.deepEqual(secrets(lint('/w/project.json', exportWith([script]))), [masked(B)]);
  });

  it('numbers grow through the file: host lines after a script come after its script lines', () => {
    const text = exportWith(['<trans>\n$x = 1;\n$y = 2;\n$z = 3;\n</trans>']);
    const file = loadSourceFile('/w/project.json', text);
    const space = ScriptLineSpace.of(file);
    assert.ok(space, 'the export holds a script on fewer host lines than it has');
    const region = file.regions[0];
    const hostLine = file.lines.positionAt(region.map.toHost(0)).line;
    const zAt = region.text.indexOf('$z');
    assert.equal(space.lineOfRegionOffset(region, zAt), hostLine + 3);
    assert.equal(space.lineOfHost(region.map.toHost(zAt), region.id), hostLine + 3);
    assert.equal(space.lineOfHost(region.map.toHost(zAt)), hostLine + 3, 'found without the region id too');
    const after = text.indexOf('}', region.map.toHost(region.text.length));
    assert.equal(space.lineOfHost(after), file.lines.positionAt(after).line + 4);
    assert.equal(space.lineOfHost(0), 0);
  });

  it('is not built for plain scripts, whose lines are host lines', () => {
    assert.equal(ScriptLineSpace.of(loadSourceFile('/w/a.jb', `<trans>\n$a = 1;\n</trans>`)), undefined);
  });

  it('the suppression fix adds a comment line to the script, encoded for the JSON string, that silences just that line', () => {
    const script = ['<trans>', `  $a.password = "${A}";`, `  $b.password = "${B}";`, '</trans>'].join('\n');
    const text = exportWith([script]);
    const project = createProject({ retainTrees: false });
    project.setFile('/w/project.json', text);
    const analysis = project.analyzeAll(() => DEFAULT_CONFIG)[0];
    const target = analysis.findings.find((f) => f.masked === masked(A));
    assert.ok(target && analysis.source);
    const fix = embeddedSuppressionFix(target, analysis.source, 'rotated fixture account');
    assert.ok(fix);
    const edit = fix.edits[0];
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    const body = (JSON.parse(fixed) as { components: { scriptBody: string }[] }).components[0].scriptBody;
    assert.equal(body.split('\n')[1], '  // jitterbit-guard-disable-next-line secrets/credential-name -- rotated fixture account');
    const after = lint('/w/project.json', fixed);
    assert.deepEqual(secrets(after), [masked(B)]);
    assert.deepEqual(problems(after), []);
    assert.equal(embeddedSuppressionFix(analysis.findings.find((f) => f.regionId === undefined) ?? target, loadSourceFile('/w/a.jb', '<trans>\n</trans>')), undefined);
  });
});
