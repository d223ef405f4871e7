import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../protocol/src/index';
import { CodeActionProvider } from '../../server/src/features/code-actions';
import { GuardService } from '../../server/src/service';
import type { SettingsStore } from '../../server/src/settings';

// A fake bearer token, generated for the test.
const WRITER = '<trans>\n$ctx.outbound = "Bearer kT9wQ2mZ7xLp4VnR8sYb3cHd";\n</trans>\n';
const READER = '<trans>\nWriteToOperationLog("outbound: " + $ctx.outbound);\n</trans>\n';

/**
 * A file another open file depends on changes: the dependent's cached analysis is dropped and redone. A code-action
 * request that arrives in between, for a diagnostic of the dependent's current version, still gets its fixes
 * (they were computed on that very text); one for an older version gets none.
 */
describe('server: code actions while a dependent analysis is being redone', () => {
  function setup() {
    const open = new Map<string, TextDocument>();
    const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] };
    const service = new GuardService(documents, { generation: 0 } as SettingsStore, () => {
      throw new Error('no stored files here');
    });
    for (const [uri, text] of [['file:///w/write.jb', WRITER], ['file:///w/log.jb', READER]] as const) {
      open.set(uri, TextDocument.create(uri, 'jitterbit', 1, text));
      service.update(uri, text, 1);
    }
    return { service, open };
  }

  it('serves the recorded fixes of the current version after the analysis was dropped', () => {
    const { service, open } = setup();
    const entry = service.analyze('file:///w/log.jb', DEFAULT_SETTINGS);
    const diagnostic = entry.diagnostics.find((d) => String(d.code).startsWith('logging/'));
    assert.ok(diagnostic, JSON.stringify(entry.diagnostics));
    const provider = new CodeActionProvider(service, { clientCommands: false });
    const ask = () => provider.provide({ textDocument: { uri: 'file:///w/log.jb' }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const before = ask().map((a) => a.title);
    assert.ok(before.some((t) => /mask/i.test(t)), JSON.stringify(before));

    // The writer changes: the reader's cached analysis is dropped (its findings may change) until it is redone.
    const changed = WRITER.replace('outbound = ', 'outbound  = ');
    open.set('file:///w/write.jb', TextDocument.create('file:///w/write.jb', 'jitterbit', 2, changed));
    service.update('file:///w/write.jb', changed, 2);
    service.settle();
    assert.equal(service.cached('file:///w/log.jb'), undefined, 'the dependent analysis was dropped');
    assert.deepEqual(ask().map((a) => a.title), before, 'same fixes: the reader is still at the analysed version');

    // The reader itself changes: the old diagnostic's fixes no longer apply.
    open.set('file:///w/log.jb', TextDocument.create('file:///w/log.jb', 'jitterbit', 2, READER.replace('outbound: ', 'out: ')));
    assert.deepEqual(ask(), []);
  });
});
