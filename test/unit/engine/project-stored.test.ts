import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG, type TextLoader } from '../../../core/src/index';

/**
 * Stored files (an editor's files that are not open): the project keeps their stamp and summary, not their text,
 * and reads them through the host's loader whenever it needs the text again.
 */

// A fake bearer token, generated for the test.
const WRITER = '<trans>\n$ctx.outbound = "Bearer kT9wQ2mZ7xLp4VnR8sYb3cHd";\n</trans>\n';
const READER = '<trans>\nWriteToOperationLog("outbound: " + $ctx.outbound);\n</trans>\n';
const CLEAN = '<trans>\n$ctx.outbound = "nothing to see";\n$Ctx.Other = 1;\n</trans>\n';

/** An in-memory disk: texts with stamps, and a count of reads per path. */
function fakeDisk(files: Record<string, string>) {
  const disk = new Map(Object.entries(files).map(([p, text]) => [p, { text, stamp: 's1' }]));
  const reads = new Map<string, number>();
  const load: TextLoader = (path) => {
    reads.set(path, (reads.get(path) ?? 0) + 1);
    const f = disk.get(path);
    if (!f) throw new Error(`${path} could not be read (ENOENT)`);
    return { ...f };
  };
  return {
    load,
    reads,
    write(path: string, text: string, stamp: string) {
      disk.set(path, { text, stamp });
    },
    remove(path: string) {
      disk.delete(path);
    },
  };
}

describe('project: stored files (text kept by the host)', () => {
  it('reads a stored file again when it analyses it, and its cross-file findings still work', () => {
    const disk = fakeDisk({ '/w/write.jb': WRITER });
    const project = createProject({ retainTrees: false, keepOccurrences: true, loadText: disk.load });
    project.setStoredFile('/w/write.jb', 's1', 1, WRITER);
    project.setFile('/w/log.jb', READER, 1);
    project.prepare('/w/write.jb');
    assert.equal(disk.reads.get('/w/write.jb'), 1, 'summarised from one read');

    const log = project.analyzeFile('/w/log.jb', DEFAULT_CONFIG);
    const finding = log.findings.find((f) => f.ruleId.startsWith('logging/'));
    assert.ok(finding, JSON.stringify(log.findings));
    assert.match(finding.message, /ctx\.outbound/);
    // The related location is computed from the writer's text, read again (nothing of it was kept).
    assert.deepEqual(finding.related?.[0]?.range.start, { line: 1, character: 16 });

    const before = disk.reads.get('/w/write.jb') ?? 0;
    const write = project.analyzeFile('/w/write.jb', DEFAULT_CONFIG);
    assert.ok(write.findings.some((f) => f.ruleId.startsWith('secrets/')));
    assert.equal(disk.reads.get('/w/write.jb'), before + 1, 'the text was read again, not kept');
    project.analyzeFile('/w/write.jb', DEFAULT_CONFIG);
    assert.equal(disk.reads.get('/w/write.jb'), before + 2, 'and is not kept after an analysis either');
  });

  it('serves occurrences, names and dependents from the summary alone', () => {
    const disk = fakeDisk({ '/w/write.jb': WRITER, '/w/clean.jb': CLEAN });
    const project = createProject({ retainTrees: false, keepOccurrences: true, loadText: disk.load });
    project.setStoredFile('/w/write.jb', 's1');
    project.setStoredFile('/w/clean.jb', 's1');
    project.setFile('/w/log.jb', READER, 1);
    const occurrences = project.variableOccurrences('$CTX.OUTBOUND');
    assert.deepEqual(
      occurrences.map((o) => [o.path, o.start, o.end, o.access]),
      [
        ['/w/clean.jb', 9, 21, 'write'],
        ['/w/log.jb', 44, 56, 'read'],
        ['/w/write.jb', 9, 21, 'write'],
      ],
    );
    assert.deepEqual(project.variableOccurrences('ctx.other').map((o) => o.name), ['Ctx.Other'], 'the name as written');
    assert.ok(project.variableNames().some((v) => v.name === 'Ctx.Other' && v.kind === 'global'));
    assert.deepEqual(project.dependentsOf('/w/log.jb'), ['/w/clean.jb', '/w/write.jb']);
    const reads = disk.reads.get('/w/write.jb');
    project.variableOccurrences();
    project.dependentsOf('/w/write.jb');
    assert.equal(disk.reads.get('/w/write.jb'), reads, 'no read for what the summary knows');
  });

  it('a stored file changed on disk is summarised again from its new text', () => {
    const disk = fakeDisk({ '/w/write.jb': WRITER });
    const project = createProject({ retainTrees: false, keepOccurrences: true, loadText: disk.load });
    project.setStoredFile('/w/write.jb', 's1');
    project.setFile('/w/log.jb', READER, 1);
    assert.ok(project.analyzeFile('/w/log.jb', DEFAULT_CONFIG).findings.some((f) => f.ruleId.startsWith('logging/')));

    // The host saw the change (a watched-file event): a new stamp replaces the file.
    disk.write('/w/write.jb', CLEAN, 's2');
    project.setStoredFile('/w/write.jb', 's2');
    assert.ok(!project.analyzeFile('/w/log.jb', DEFAULT_CONFIG).findings.some((f) => f.ruleId.startsWith('logging/')));

    // The project notices a change the host did not report when it reads the file again (another stamp).
    disk.write('/w/write.jb', WRITER, 's3');
    project.analyzeFile('/w/write.jb', DEFAULT_CONFIG);
    assert.ok(project.analyzeFile('/w/log.jb', DEFAULT_CONFIG).findings.some((f) => f.ruleId.startsWith('logging/')));
    assert.equal(project.variableOccurrences('ctx.other', '/w/write.jb').length, 0);
  });

  it('the same stamp again keeps the summary (no read)', () => {
    const disk = fakeDisk({ '/w/write.jb': WRITER });
    const project = createProject({ retainTrees: false, keepOccurrences: true, loadText: disk.load });
    project.setStoredFile('/w/write.jb', 's1');
    project.prepare('/w/write.jb');
    const reads = disk.reads.get('/w/write.jb');
    project.setStoredFile('/w/write.jb', 's1', 2);
    project.prepare('/w/write.jb');
    assert.equal(disk.reads.get('/w/write.jb'), reads);
  });

  it('an unreadable stored file is skipped with the loader message naming it; the others are analysed', () => {
    const disk = fakeDisk({ '/w/write.jb': WRITER });
    const project = createProject({ retainTrees: false, keepOccurrences: true, loadText: disk.load });
    project.setStoredFile('/w/write.jb', 's1');
    project.setStoredFile('/w/gone.jb', 's1');
    project.setFile('/w/log.jb', READER, 1);
    const gone = project.analyzeFile('/w/gone.jb', DEFAULT_CONFIG);
    assert.equal(gone.skipped, true);
    assert.equal(gone.skippedReason, '/w/gone.jb could not be read (ENOENT)');
    assert.deepEqual(gone.findings, []);
    assert.ok(project.analyzeFile('/w/log.jb', DEFAULT_CONFIG).findings.some((f) => f.ruleId.startsWith('logging/')));
    assert.deepEqual(project.variableOccurrences(undefined, '/w/gone.jb'), []);
  });

  it('declares project variables from the text handed over, without reading the file for them', () => {
    const exportText = JSON.stringify({ projectVariables: [{ name: 'api_key', value: '', hidden: true }] });
    const disk = fakeDisk({ '/w/export.json': exportText });
    const project = createProject({ retainTrees: false, keepOccurrences: true, loadText: disk.load });
    project.setStoredFile('/w/export.json', 's1', 1, exportText);
    project.setFile('/w/a.jb', '<trans>\nWriteToOperationLog($api_key);\n</trans>\n', 1);
    assert.ok(project.dependentsOf('/w/export.json').includes('/w/a.jb'), 'a file declaring project variables affects every file');
    assert.equal(disk.reads.get('/w/export.json'), undefined);
  });

  it('refuses stored files without a loader', () => {
    const project = createProject({ retainTrees: false });
    assert.throws(() => project.setStoredFile('/w/a.jb', 's1'), /loadText/);
  });
});
