import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../protocol/src/index';
import { GuardService } from '../../server/src/service';
import type { SettingsStore } from '../../server/src/settings';

// A fake bearer token, generated for the test.
const WRITER = '<trans>\n$ctx.outbound = "Bearer kT9wQ2mZ7xLp4VnR8sYb3cHd";\n</trans>\n';
const READER = '<trans>\nWriteToOperationLog("outbound: " + $ctx.outbound);\n</trans>\n';

/** The service in-process, with an in-memory disk and open documents. */
function setup() {
  const disk = new Map<string, string>([['/w/write.jb', WRITER]]);
  const reads: string[] = [];
  const open = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] };
  const settings = { generation: 0 } as SettingsStore;
  const service = new GuardService(documents, settings, (path) => {
    reads.push(path);
    const text = disk.get(path);
    if (text === undefined) throw new Error(`${path} could not be read (ENOENT)`);
    return { text, stamp: `${text.length}` };
  });
  return { service, disk, reads, open };
}

describe('server: what the service keeps of files that are not open', () => {
  it('keeps findings but no source, text or diagnostics of a file that is not open', () => {
    const { service, reads } = setup();
    service.updateStored('file:///w/write.jb', `${WRITER.length}`, WRITER, false);
    const entry = service.analyze('file:///w/write.jb', DEFAULT_SETTINGS);
    assert.equal(entry.analysis.source, undefined);
    assert.deepEqual(entry.diagnostics, []);
    assert.ok(entry.analysis.findings.some((f) => f.ruleId.startsWith('secrets/')));
    assert.equal(service.records.keysOf('file:///w/write.jb').length, entry.analysis.findings.length, 'recorded for the vault');
    assert.deepEqual(reads, ['/w/write.jb'], 'its text came from the loader');
    assert.equal(service.analyze('file:///w/write.jb', DEFAULT_SETTINGS), entry, 'the same version is not analysed again');
  });

  it('keeps the source and diagnostics of an open document; cross-file findings read the closed writer', () => {
    const { service, open } = setup();
    service.updateStored('file:///w/write.jb', `${WRITER.length}`, WRITER, false);
    open.set('file:///w/log.jb', TextDocument.create('file:///w/log.jb', 'jitterbit', 1, READER));
    service.update('file:///w/log.jb', READER, 1);
    const entry = service.analyze('file:///w/log.jb', DEFAULT_SETTINGS);
    assert.ok(entry.analysis.source);
    assert.ok(entry.diagnostics.some((d) => String(d.code).startsWith('logging/')));
  });

  it('reports a file it cannot read again, by name', () => {
    const { service, disk } = setup();
    const messages: string[] = [];
    service.onUnreadable = (m) => messages.push(m);
    service.updateStored('file:///w/write.jb', `${WRITER.length}`, WRITER, false);
    disk.delete('/w/write.jb');
    const entry = service.analyze('file:///w/write.jb', DEFAULT_SETTINGS);
    assert.equal(entry.analysis.skipped, true);
    assert.deepEqual(messages, ['/w/write.jb could not be read (ENOENT)']);
  });
});
