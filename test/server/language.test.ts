import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, DocumentSymbol, FoldingRange, Hover, SignatureHelp } from 'vscode-languageserver-protocol';
import { FIXTURES, TestClient } from './lsp-client';

const items = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(r) ? r : (r?.items ?? []));
const markdown = (h: Hover | null): string => {
  const c = h?.contents;
  return typeof c === 'object' && c !== null && 'value' in c ? c.value : JSON.stringify(c);
};

describe('server: language features', function () {
  this.timeout(30000);
  let client: TestClient;
  let uri: string;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES });
    uri = await client.open(join(FIXTURES, 'scratch.jb'), 'jitterbit', '<trans>\n\n</trans>\n');
  });
  after(() => client.stop());

  const at = async (text: string): Promise<{ line: number; character: number }> => {
    await client.setText(uri, text.replace('|', ''));
    const before = text.slice(0, text.indexOf('|')).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  it('completes functions with parameter snippets', async () => {
    const position = await at('<trans>\nSendE|\n</trans>\n');
    const list = items(await client.request('textDocument/completion', { textDocument: { uri }, position }));
    const send = list.find((i) => i.label === 'SendEmail');
    assert.ok(send, `${list.length} items without SendEmail`);
    assert.equal(send.insertTextFormat, 2);
    assert.match(String(send.insertText), /^SendEmail\(\$\{1:from\}, \$\{2:to\}/);
  });

  it('completes $ variables: globals from the index and Jitterbit variables', async () => {
    const position = await at('<trans>\nx = $|\n</trans>\n');
    const list = items(await client.request('textDocument/completion', { textDocument: { uri }, position }));
    const labels = list.map((i) => i.label);
    assert.ok(labels.includes('customer.batch'), 'global from a file that is not open');
    assert.ok(labels.includes('jitterbit.operation.name'), 'system variable');
    const pv = list.find((i) => i.label === 'smtp_password');
    assert.equal(pv?.detail, 'hidden project variable', 'project variable from the manifest');
    const dotted = await at('<trans>\nx = $jitterbit.oper|\n</trans>\n');
    const sys = items(await client.request('textDocument/completion', { textDocument: { uri }, position: dotted }));
    const op = sys.find((i) => i.label === 'jitterbit.operation.name');
    assert.ok(op);
    assert.equal(op.insertText, 'operation.name', 'inserts only the part after the last dot');
    assert.ok(!sys.some((i) => i.label === 'customer.batch'));
  });

  it('completes <TAG> component references inside strings and nothing inside comments', async () => {
    const position = await at('<trans>\nRunScript("<TAG>|")\n</trans>\n');
    const list = items(await client.request('textDocument/completion', { textDocument: { uri }, position }));
    assert.ok(list.some((i) => i.label === 'script:'), JSON.stringify(list.map((i) => i.label)));
    assert.ok(list.some((i) => i.label === 'operation:'));
    const comment = await at('<trans>\n// Send|\n</trans>\n');
    assert.deepEqual(items(await client.request('textDocument/completion', { textDocument: { uri }, position: comment })), []);
  });

  it('hovers a function with its signature and a variable with its kind', async () => {
    const text = '<trans>\nWriteToOperationLog($customer.batch);\n</trans>\n';
    await client.setText(uri, text);
    const fn = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.match(markdown(fn), /WriteToOperationLog\(message\)/);
    const v = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 24 } });
    assert.match(markdown(v), /customer\.batch.*global variable/);
    await client.setText(uri, '<trans>\nx = $smtp_password + $service_url;\n</trans>\n');
    const hidden = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.match(markdown(hidden), /smtp_password.*hidden project variable/);
    const visible = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 24 } });
    assert.match(markdown(visible), /service_url.* project variable/);
    assert.doesNotMatch(markdown(visible), /hidden/);
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
  });

  it('gives signature help with the active parameter', async () => {
    const position = await at('<trans>\nSendEmail("a@example.com", |\n</trans>\n');
    const help = await client.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position });
    assert.match(help.signatures[0].label, /^SendEmail\(from, to, subject/);
    assert.equal(help.activeParameter, 1);
    const nested = await at('<trans>\nSendEmail("a", Left("abc", |), \n</trans>\n');
    const inner = await client.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position: nested });
    assert.match(inner.signatures[0].label, /^Left\(/);
    assert.equal(inner.activeParameter, 1);
  });

  it('lists document symbols and folding ranges', async () => {
    await client.setText(uri, '<trans>\n$a.b = 1;\n/* a\n block\n comment */\nIf(true,\n  x = 1,\n  x = 2\n);\n</trans>\n');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((s) => s.name === '$a.b'), JSON.stringify(symbols));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.kind === 'comment' && f.startLine === 2 && f.endLine === 4), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === 5 && f.endLine === 7), 'the If( … ) call folds');
    assert.ok(folds.some((f) => f.startLine === 0), '<trans> folds');
  });
});
