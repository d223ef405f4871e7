import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG } from '../../../core/src/index';
import type { ProjectOptions } from '../../../core/src/engine/project';

/**
 * The editor analyses one document at a time (analyzeFile): it must see flows of several hops between scripts as
 * the batch run does (analyzeAll's rounds), and follow edits and removals of the scripts in between.
 */

// The server's options: no trees kept, occurrences kept, open documents re-parsed around edits.
const EDITOR: ProjectOptions = { retainTrees: false, keepOccurrences: true, reparseEdits: true };
const HEADER = '$jitterbit.api.request.headers.authorization';

function logged(project: ReturnType<typeof createProject>, path: string): string[] {
  return project.analyzeFile(path, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === 'logging/sensitive-data').map((f) => `${f.range.start.line}: ${f.message}`);
}

function editor(files: Record<string, string>): ReturnType<typeof createProject> {
  const project = createProject(EDITOR);
  for (const [p, t] of Object.entries(files)) project.setFile(p, t);
  return project;
}

const CHAIN: Record<string, string> = {
  '/w/a.jb': `<trans>\n$a.v = ${HEADER};\n</trans>`,
  '/w/b.jb': '<trans>\n$b.v = "x" + $a.v;\n</trans>',
  '/w/c.jb': '<trans>\n$c.v = Trim($b.v);\nWriteToOperationLog("c " + $b.v);\n</trans>',
  '/w/d.jb': '<trans>\nWriteToOperationLog("d " + $c.v);\n</trans>',
  '/w/quiet.jb': '<trans>\n$q.v = "static";\nWriteToOperationLog("q " + $q.v);\n</trans>',
};

describe('engine: the editor follows flows of several hops', () => {
  it('finds a global tainted through two and three hops', () => {
    const project = editor(CHAIN);
    const c = logged(project, '/w/c.jb');
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /^2: .*\$b\.v.*\$a\.v/);
    const d = logged(project, '/w/d.jb');
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.match(d[0], /\$c\.v.*\$b\.v/);
  });

  it('follows RunScript arguments passed on and results returned back', () => {
    const project = editor({
      '/w/a.jb': `<trans>\nRunScript("<TAG>script:b</TAG>", root$transaction.request$body$Employee$SSN$);\n</trans>`,
      '/w/b.jb': '<trans>\nRunScript("<TAG>script:c</TAG>", _1);\n</trans>',
      '/w/c.jb': '<trans>\nWriteToOperationLog("value " + _1);\n</trans>',
      '/w/caller.jb': '<trans>\nt = RunScript("<TAG>script:Relay</TAG>");\nWriteToOperationLog("t " + t);\n</trans>',
      '/w/Relay.jb': '<trans>\nx = RunScript("<TAG>script:Source</TAG>");\nx\n</trans>',
      '/w/Source.jb': `<trans>\ny = ${HEADER};\ny\n</trans>`,
    });
    const c = logged(project, '/w/c.jb');
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /passed as `_1` by a\.jb.*passed as `_1` by b\.jb/);
    const caller = logged(project, '/w/caller.jb');
    assert.equal(caller.length, 1, JSON.stringify(caller));
    assert.match(caller[0], /^2: .*returned by Source\.jb.*returned by Relay\.jb/);
  });

  it('clears the finding when the first script no longer stores the secret, and finds it again when it does', () => {
    const project = editor(CHAIN);
    assert.equal(logged(project, '/w/d.jb').length, 1);
    project.setFile('/w/a.jb', '<trans>\n$a.v = "nothing";\n</trans>');
    assert.deepEqual(logged(project, '/w/c.jb'), []);
    assert.deepEqual(logged(project, '/w/d.jb'), []);
    project.setFile('/w/a.jb', CHAIN['/w/a.jb']);
    assert.equal(logged(project, '/w/d.jb').length, 1);
  });

  it('clears the finding when a script in between is removed', () => {
    const project = editor(CHAIN);
    assert.equal(logged(project, '/w/d.jb').length, 1);
    project.removeFile('/w/b.jb');
    assert.deepEqual(logged(project, '/w/c.jb'), []);
    assert.deepEqual(logged(project, '/w/d.jb'), []);
  });

  it('follows a hop added by a new script', () => {
    const files = { ...CHAIN };
    delete files['/w/b.jb'];
    const project = editor(files);
    assert.deepEqual(logged(project, '/w/d.jb'), []);
    project.setFile('/w/b.jb', CHAIN['/w/b.jb']);
    assert.equal(logged(project, '/w/d.jb').length, 1);
  });

  it('gives file by file the findings of the batch run', () => {
    const files: Record<string, string> = {
      ...CHAIN,
      '/w/e1.jb': '<trans>\nRunScript("<TAG>script:e2</TAG>", $c.v, $q.v);\n</trans>',
      '/w/e2.jb': '<trans>\n$e.v = _1;\nRaiseError("e2 " + _2);\ns\n</trans>',
      '/w/e3.jb': '<trans>\nSetLastError("e3 " + $e.v);\nr = RunScript("<TAG>script:e2</TAG>");\n</trans>',
      '/w/loop1.jb': '<trans>\n$l.one = $l.two + $a.v;\n</trans>',
      '/w/loop2.jb': '<trans>\n$l.two = $l.one;\nWriteToOperationLog($l.one);\n</trans>',
    };
    const batch = createProject({ retainTrees: false, fixes: false });
    for (const [p, t] of Object.entries(files)) batch.setFile(p, t);
    const expected = new Map(batch.analyzeAll(() => DEFAULT_CONFIG).map((a) => [a.path, a.findings]));
    assert.ok((expected.get('/w/e3.jb') ?? []).some((f) => f.ruleId === 'logging/sensitive-data'), 'the batch run finds the fourth hop');
    const project = createProject({ ...EDITOR, fixes: false });
    for (const [p, t] of Object.entries(files)) project.setFile(p, t);
    // In reverse order, so no analysis of a file prepares another's.
    for (const p of Object.keys(files).sort().reverse()) {
      assert.deepEqual(project.analyzeFile(p, DEFAULT_CONFIG).findings, expected.get(p), p);
    }
  });

  it('names the scripts a change reaches through several hops as dependents', () => {
    const project = editor(CHAIN);
    const deps = project.dependentsOf('/w/a.jb');
    assert.ok(deps.includes('/w/b.jb') && deps.includes('/w/c.jb') && deps.includes('/w/d.jb'), JSON.stringify(deps));
    assert.ok(!deps.includes('/w/quiet.jb'));
  });

  it('re-runs no round when a script that taints nothing and reads nothing tainted is edited', () => {
    const project = editor(CHAIN);
    logged(project, '/w/d.jb');
    const flows = project.work.flows;
    project.setFile('/w/quiet.jb', '<trans>\n$q.v = "static!";\nWriteToOperationLog("q " + $q.v);\n</trans>');
    assert.deepEqual(logged(project, '/w/quiet.jb'), []);
    assert.equal(project.work.flows - flows, 1, 'only the edited script\'s own pass');
    logged(project, '/w/d.jb');
    assert.equal(project.work.flows - flows, 2, 'and d.jb\'s analysis, with the rounds as they were');
  });

  it('re-analyses in the rounds only the scripts an edit reaches', () => {
    const project = editor(CHAIN);
    logged(project, '/w/d.jb');
    const flows = project.work.flows;
    // c.jb's edit keeps what it passes on; b.jb's round is kept as it was.
    project.setFile('/w/c.jb', '<trans>\n$c.v = Trim($b.v);\nWriteToOperationLog("c! " + $b.v);\n</trans>');
    assert.equal(logged(project, '/w/d.jb').length, 1);
    // c.jb's own pass and its round, d.jb's round (what it reads moved) and its analysis; not b.jb's round.
    assert.equal(project.work.flows - flows, 4);
  });
});
