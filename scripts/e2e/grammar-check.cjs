// Tokenizes sample lines with the TextMate grammars of syntaxes/ through VS Code's own vscode-textmate and
// vscode-oniguruma (from the code-server install) and checks the scopes. Usage: node grammar-check.cjs <vscodeDir>
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const vscodeDir = process.argv[2];
const req = (m) => require(path.join(vscodeDir, 'node_modules', m));
const tm = req('vscode-textmate');
const onig = req('vscode-oniguruma');
const ROOT = path.resolve(__dirname, '../..');

const grammars = {
  'source.jitterbit': path.join(ROOT, 'syntaxes/jitterbit.tmLanguage.json'),
  'source.jitterbit-javascript': path.join(ROOT, 'syntaxes/jitterbit-javascript.tmLanguage.json'),
  'source.js': path.join(vscodeDir, 'extensions/javascript/syntaxes/JavaScript.tmLanguage.json'),
};

// [scope of the file, text, [token text, expected scope fragment]...]
const CASES = [
  ['source.jitterbit', '<trans>\n$x = 1;\n</trans>', [['trans', 'entity.name.tag.trans'], ['x', 'variable.other.global']]],
  ['source.jitterbit', '<trans>\n// jitterbit-guard-disable-next-line secrets/x -- ok\n</trans>', [['jitterbit-guard-disable-next-line', 'keyword.other.directive'], [' secrets/x -- ok', 'comment.line.double-slash']]],
  ['source.jitterbit', '<trans>\n/* block */ x\n</trans>', [[' block ', 'comment.block.jitterbit']]],
  ['source.jitterbit', '<trans>\ns = "a\\tb" + \'c\';\n</trans>', [['\\t', 'constant.character.escape'], ['c', 'string.quoted.single']]],
  ['source.jitterbit', '<trans>\nn = 1.5 + .5 + 42;\n</trans>', [['1.5', 'constant.numeric.decimal'], ['.5', 'constant.numeric.decimal'], ['42', 'constant.numeric.decimal']]],
  ['source.jitterbit', '<trans>\nok = a == b && !c || d <= 3;\n</trans>', [['==', 'keyword.operator.comparison'], ['&&', 'keyword.operator.logical'], ['<=', 'keyword.operator.comparison']]],
  ['source.jitterbit', '<trans>\nWriteToOperationLog(x);\nIf(true, 1, 2);\n</trans>', [['WriteToOperationLog', 'entity.name.function'], ['If', 'keyword.control'], ['true', 'constant.language.boolean']]],
  ['source.jitterbit', '<trans>\n$jitterbit.operation.name\n</trans>', [['jitterbit.operation.name', 'variable.language']]],
  ['source.jitterbit', '<trans>\nx = root$transaction.request$body$Id$;\nGetXMLString([root$a$b$]);\n</trans>', [['root$transaction.request$body$Id$', 'variable.other.field-path'], ['root$a$b$', 'variable.other.field-path.node']]],
  ['source.jitterbit', '<trans>\nRunScript("<TAG>script:My Script</TAG>");\n</trans>', [['script', 'storage.type.component'], ['My Script', 'entity.name.type.component']]],
  ['source.jitterbit', 'ignored text\n<trans>\nx\n</trans>', [['ignored text', 'comment.block.inert']]],
  ['source.jitterbit', '<javascript>\nvar k = 1;\n</javascript>', [['var', 'storage.type'], ['javascript', 'entity.name.tag.javascript']]],
  ['source.jitterbit-javascript', '<javascript>\nvar u = Jitterbit.GetVar("$u");\n</javascript>', [['var', 'storage.type'], ['"', 'string.quoted.double.js']]],
];

async function main() {
  const wasm = fs.readFileSync(path.join(vscodeDir, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer;
  await onig.loadWASM(wasm);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scope) => (grammars[scope] ? tm.parseRawGrammar(fs.readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
  });
  let failures = 0;
  for (const [scope, text, expectations] of CASES) {
    const grammar = await registry.loadGrammar(scope);
    let state = tm.INITIAL;
    const tokens = [];
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, state);
      for (const t of r.tokens) tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') });
      state = r.ruleStack;
    }
    for (const [tokenText, fragment] of expectations) {
      const hit = tokens.find((t) => t.text === tokenText && t.scopes.includes(fragment));
      if (!hit) {
        failures++;
        console.error(`[grammar] ${JSON.stringify(text)}: "${tokenText}" is not ${fragment}; got ${JSON.stringify(tokens.filter((t) => t.text === tokenText))}`);
      }
    }
  }
  const total = CASES.reduce((n, c) => n + c[2].length, 0);
  console.error(`[grammar] ${total - failures}/${total} token scopes as expected`);
  process.exit(failures ? 1 : 0);
}
main().catch((e) => {
  console.error('[grammar]', e);
  process.exit(2);
});
